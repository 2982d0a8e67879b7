import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { markLessonRead, submitQuiz } from "~/domain/training/learning.server";
import { findCourseAndLesson, getLessonPage } from "~/domain/training/pages.server";
import { LessonActionSchema } from "~/domain/training/lesson-actions";
import { explainIn, lessonIn } from "~/domain/training/localize";
import { readSubmission, refuse } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { requestLocale } from "~/lib/locale.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink } from "~/ui/button";
import { Alert, Badge } from "~/ui/layout";
import { LessonContext } from "~/ui/training/lesson-context";
import { MdxContent } from "~/ui/training/mdx-content";
import { ShownInEnglish } from "~/ui/training/shown-in-english";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "common:titles.lesson", { lesson: data?.lesson.title ?? "", course: data?.course.title ?? "" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const page = await getLessonPage(actor, params.courseSlug, params.lessonSlug, requestLocale(request, actor.locale));
  if (!page) notFound();
  return page;
}

/** Mark as read, or answer a knowledge check (graded here, never in the browser). */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const found = findCourseAndLesson(params.courseSlug, params.lessonSlug);
  if (!found) notFound();
  const parsed = await readSubmission(request, LessonActionSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  const { course, lesson } = found;
  switch (input.intent) {
    case "read": {
      const outcome = await markLessonRead(actor, course, lesson);
      return { certificateCode: outcome.certificateCode };
    }
    case "quiz": {
      // Graded with the lesson's own key; explained in the language of the page it was answered on.
      const result = await submitQuiz(actor, course, lesson, input.quizId, input.answer);
      if (!result.ok) return refuse(parsed.submission, "trainingQuiz", result.error);
      const { quizzes } = lessonIn(lesson, requestLocale(request, actor.locale));
      return { feedback: explainIn(result.feedback, quizzes), certificateCode: result.outcome.certificateCode };
    }
  }
}

function LessonCompletion() {
  const { t } = useTranslation("training");
  const { course, lesson, state, certificateCode, courseProgress } = useLoaderData<typeof loader>();
  const fetcher = useFetcher({ key: "lesson-read" });
  const lessonPath = `/training/${course.slug}/${lesson.slug}`;
  return (
    <div className="mt-8 space-y-3 border-t border-slate-200 pt-6" aria-live="polite">
      {state.completed ? (
        <Alert tone="success">{t("lesson.complete")}</Alert>
      ) : state.read ? (
        <Alert>{t("lesson.quizPending")}</Alert>
      ) : (
        <fetcher.Form method="post" action={lessonPath}>
          <input type="hidden" name="intent" value="read" />
          <Button disabled={fetcher.state !== "idle"}>{t("lesson.markRead")}</Button>
          {lesson.hasQuiz ? <p className="mt-2 text-sm text-slate-600">{t("lesson.quizPending")}</p> : null}
        </fetcher.Form>
      )}
      {certificateCode && courseProgress.status === "completed" ? (
        <Alert tone="success">
          {t("lesson.courseCompleted")}{" "}
          <Link to={`/training/certificates/${certificateCode}`} className="font-medium underline">
            {t("lesson.openCertificate")}
          </Link>
        </Alert>
      ) : null}
    </div>
  );
}

export default function LessonPage() {
  const { t } = useTranslation("training");
  const { course, lesson, content, position, previous, next, code, state } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const lessonPath = `/training/${course.slug}/${lesson.slug}`;
  return (
    <LessonContext.Provider
      value={{ lessonPath, passedQuizzes: state.passedQuizzes, checkedItems: state.checkedItems }}
    >
      <article className="mx-auto max-w-3xl">
        <nav aria-label={t("lesson.breadcrumb")} className="mb-2 text-sm">
          <Link to={`/training/${course.slug}`} className="text-brand-700 hover:underline">
            {course.title}
          </Link>
        </nav>
        <header className="mb-6">
          <p className="text-sm text-slate-600">
            {t("lesson.of", { index: String(position.index), total: String(position.total) })}
          </p>
          <h1
            lang={content.locale === locale ? undefined : content.locale}
            className="mt-1 text-3xl font-semibold tracking-tight text-slate-900"
          >
            {lesson.title}
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Badge tone="brand">{t(`stages.${lesson.stage}`)}</Badge>
            <span>{t("catalog.minutes", { count: lesson.minutes })}</span>
            {state.completed ? <Badge tone="green">{t("status.completed")}</Badge> : null}
          </div>
        </header>
        <div className="rounded-lg bg-white px-5 py-6 shadow-sm ring-1 ring-slate-200 sm:px-8">
          {content.fallback ? <ShownInEnglish what="lesson" locale={locale} /> : null}
          <div lang={content.locale === locale ? undefined : content.locale}>
            <MdxContent code={code} />
          </div>
          <LessonCompletion />
        </div>
        <nav aria-label={t("lesson.backToCourse")} className="mt-6 flex flex-col gap-3 sm:flex-row sm:justify-between">
          {previous ? (
            <ButtonLink to={`/training/${course.slug}/${previous.slug}`} variant="secondary" rel="prev">
              ← {t("lesson.previous", { title: previous.title })}
            </ButtonLink>
          ) : (
            <ButtonLink to={`/training/${course.slug}`} variant="secondary">
              ← {t("lesson.backToCourse")}
            </ButtonLink>
          )}
          {next ? (
            <ButtonLink to={`/training/${course.slug}/${next.slug}`} rel="next">
              {t("lesson.next", { title: next.title })} →
            </ButtonLink>
          ) : (
            <ButtonLink to={`/training/${course.slug}`}>{t("lesson.backToCourse")}</ButtonLink>
          )}
        </nav>
      </article>
    </LessonContext.Provider>
  );
}
