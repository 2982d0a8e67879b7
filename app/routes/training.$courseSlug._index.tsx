import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { getCoursePage } from "~/domain/training/pages.server";
import { notFound } from "~/lib/http.server";
import { requestLocale } from "~/lib/locale.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { ButtonLink } from "~/ui/button";
import { Badge, Card, PageHeader } from "~/ui/layout";
import { ProgressBar } from "~/ui/progress";
import { CourseStatusBadge } from "~/ui/training/course-status";
import { MdxContent } from "~/ui/training/mdx-content";
import { ShownInEnglish } from "~/ui/training/shown-in-english";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "common:titles.course", { course: data?.course.title ?? "" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const page = await getCoursePage(actor, params.courseSlug, requestLocale(request, actor.locale));
  if (!page) notFound();
  return page;
}

export default function CoursePage() {
  const { t } = useTranslation("training");
  const { course, code, content, progress, next, certificateCode, lessons } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/training" className="text-brand-700 hover:underline">
          {t("catalog.title")}
        </Link>
      </p>
      <PageHeader
        title={course.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{course.summary}</span>
            <CourseStatusBadge status={progress.status} />
          </span>
        }
        actions={
          certificateCode ? (
            <ButtonLink to={`/training/certificates/${certificateCode}`}>{t("course.certificate")}</ButtonLink>
          ) : next ? (
            <ButtonLink to={`/training/${course.slug}/${next.slug}`}>
              {progress.status === "not_started" ? t("course.start") : t("course.continue", { title: next.title })}
            </ButtonLink>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card>
            {content.fallback ? <ShownInEnglish what="course" locale={locale} /> : null}
            <div lang={content.locale === locale ? undefined : content.locale}>
              <MdxContent code={code} />
            </div>
          </Card>
        </div>
        <div className="space-y-4">
          <Card title={t("course.lessonsTitle")}>
            <ProgressBar
              value={progress.fraction}
              label={t("course.progressLabel")}
              tone={progress.status === "completed" ? "green" : "brand"}
            />
            <p className="mt-1 text-sm text-slate-600">
              {t("course.progress", { completed: String(progress.completed), total: String(progress.total) })}
            </p>
            <ol className="mt-4 space-y-2">
              {lessons.map((lesson, index) => (
                <li key={lesson.slug} className="flex items-start gap-3">
                  <span
                    className={`mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${lesson.completed ? "bg-green-600 text-white" : "bg-slate-200 text-slate-700"}`}
                    aria-hidden
                  >
                    {lesson.completed ? "✓" : index + 1}
                  </span>
                  <div className="min-w-0">
                    <Link
                      to={`/training/${course.slug}/${lesson.slug}`}
                      className="font-medium text-slate-900 hover:underline"
                    >
                      {lesson.title}
                    </Link>
                    <span className="sr-only">
                      {" "}
                      — {lesson.completed ? t("course.lessonDone") : t("course.lessonTodo")}
                    </span>
                    <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
                      <Badge>{t(`stages.${lesson.stage}`)}</Badge>
                      <span>{t("catalog.minutes", { count: lesson.minutes })}</span>
                      {lesson.inEnglish ? <Badge>{t("course.lessonInEnglish")}</Badge> : null}
                    </div>
                  </div>
                </li>
              ))}
            </ol>
            <p className="mt-4 text-xs text-slate-500">{t("course.version", { version: course.version })}</p>
          </Card>
        </div>
      </div>
    </>
  );
}
