import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/domain/auth/guards.server";
import { PracticeTickSchema } from "~/domain/training/lesson-actions";
import { setPracticeItem } from "~/domain/training/learning.server";
import { findCourseAndLesson } from "~/domain/training/pages.server";
import type { FetcherAnswer } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";

/**
 * Ticks or unticks a practice item. Its own resource route so the page can post it with
 * `fetch(…, { keepalive: true })`: a fetcher's request is cancelled when the page reloads or is
 * left right after the tick, and the tick was lost with it.
 */
async function act({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const found = findCourseAndLesson(params.courseSlug, params.lessonSlug);
  if (!found) notFound();
  const parsed = await readSubmission(request, PracticeTickSchema);
  if (!parsed.ok) return parsed.answer;
  const saved = await setPracticeItem(
    actor,
    found.course,
    found.lesson,
    parsed.data.itemKey,
    parsed.data.checked === "true",
  );
  if (!saved) return refuse(parsed.submission, "trainingLesson", "unknown_item");
  return Response.json({ ok: true } satisfies FetcherAnswer);
}

export function loader() {
  notFound();
}

export const action = resourceAction(act);
