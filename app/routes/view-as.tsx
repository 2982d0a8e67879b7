import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { getCurrentSession } from "~/domain/auth/sessions.server";
import { exitViewAsCookie, getViewAs, startViewAs } from "~/domain/auth/view-as.server";
import { readSubmission, resourceAction } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";

const ViewAsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start"), accountId: z.string(), userId: z.string() }),
  z.object({ intent: z.literal("exit") }),
]);

/**
 * POST only. `start`: a staff member views an account's portal as one of its people (read-only,
 * see domain/auth/view-as.ts); `exit`: back to their own view of that account. The one write
 * allowed while viewing as a customer — it reads the session itself, not through requireActor.
 */
async function act({ request }: ActionFunctionArgs) {
  const current = await getCurrentSession(request);
  if (!current) return redirect("/login");
  const parsed = await readSubmission(request, ViewAsSchema);
  if (!parsed.ok) return parsed.answer;
  if (parsed.data.intent === "exit") {
    const viewAs = await getViewAs(request);
    const back = viewAs ? `/accounts/${viewAs.accountId}` : "/";
    return redirect(back, { status: 303, headers: { "Set-Cookie": await exitViewAsCookie() } });
  }
  if (current.actor.kind !== "staff") notFound();
  const started = await startViewAs(current.actor, parsed.data.accountId, parsed.data.userId);
  if (!started.ok) notFound();
  return redirect(`/accounts/${parsed.data.accountId}`, { status: 303, headers: { "Set-Cookie": started.setCookie } });
}

export function loader() {
  return redirect("/", 303);
}

export const action = resourceAction(act);
