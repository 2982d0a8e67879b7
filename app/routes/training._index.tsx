import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatList } from "~/lib/format";
import { z } from "zod";
import { canInWorkspace, canOnAccount } from "~/domain/auth/authorization";
import { requireActor } from "~/domain/auth/guards.server";
import { AUDIENCES, STAGES } from "~/domain/training/content-schemas";
import { getCatalogPage } from "~/domain/training/pages.server";
import { requestLocale } from "~/lib/locale.server";
import { pageTitle } from "~/lib/meta";
import { Button, ButtonLink } from "~/ui/button";
import { SelectField } from "~/ui/field";
import { Badge, EmptyState, PageHeader } from "~/ui/layout";
import { ProgressBar } from "~/ui/progress";
import { CourseStatusBadge } from "~/ui/training/course-status";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.training");

const FilterSchema = z.object({
  role: z
    .enum([...AUDIENCES, "all"])
    .optional()
    .catch(undefined),
  stage: z
    .enum([...STAGES, "all"])
    .optional()
    .catch(undefined),
});

/** The catalog: customers see the courses for their role unless they choose otherwise; everyone may filter by change stage. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const params = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const role = params.role ?? (actor.kind === "customer" ? actor.accountRole : "all");
  const stage = params.stage ?? "all";
  const page = await getCatalogPage(
    actor,
    { role: role === "all" ? null : role, stage: stage === "all" ? null : stage },
    requestLocale(request, actor.locale),
  );
  return {
    ...page,
    filter: { role, stage },
    teamLink:
      actor.kind === "customer" && canOnAccount(actor, "training.team", actor.accountId)
        ? `/accounts/${actor.accountId}/training`
        : null,
    adoptionLink: canInWorkspace(actor, "training.adoption") ? "/training/adoption" : null,
  };
}

export default function TrainingCatalog() {
  const { t, i18n } = useTranslation(["training", "common"]);
  const { courses, hasContent, filter, teamLink, adoptionLink } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("catalog.title")}
        description={t("catalog.description")}
        actions={
          <>
            {teamLink ? (
              <ButtonLink to={teamLink} variant="secondary">
                {t("catalog.teamLink")}
              </ButtonLink>
            ) : null}
            {adoptionLink ? (
              <ButtonLink to={adoptionLink} variant="secondary">
                {t("catalog.adoptionLink")}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Form method="get" aria-label={t("catalog.filters")} className="mb-6 flex flex-wrap items-end gap-3">
        <SelectField
          label={t("catalog.role")}
          name="role"
          defaultValue={filter.role}
          options={[
            { value: "all", label: t("catalog.anyRole") },
            ...AUDIENCES.map((role) => ({ value: role, label: t(`audiences.${role}`) })),
          ]}
        />
        <SelectField
          label={t("catalog.stage")}
          name="stage"
          defaultValue={filter.stage}
          options={[
            { value: "all", label: t("catalog.anyStage") },
            ...STAGES.map((stage) => ({ value: stage, label: t(`stages.${stage}`) })),
          ]}
        />
        <Button variant="secondary">{t("common:actions.apply")}</Button>
      </Form>
      {!hasContent ? (
        <EmptyState title={t("catalog.noContentTitle")}>{t("catalog.noContentBody")}</EmptyState>
      ) : courses.length === 0 ? (
        <EmptyState title={t("catalog.emptyTitle")}>{t("catalog.emptyBody")}</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {courses.map((course) => (
            <li key={course.slug} className="flex flex-col rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <div className="flex items-start justify-between gap-3">
                <h2 className="text-lg font-semibold text-slate-900" lang={course.fallback ? course.locale : undefined}>
                  <Link to={`/training/${course.slug}`} className="hover:underline">
                    {course.title}
                  </Link>
                </h2>
                <span className="flex shrink-0 gap-1.5">
                  {course.fallback ? <Badge>{t("course.lessonInEnglish")}</Badge> : null}
                  <CourseStatusBadge status={course.progress.status} />
                </span>
              </div>
              <p className="mt-1 flex-1 text-sm text-slate-600" lang={course.fallback ? course.locale : undefined}>
                {course.summary}
              </p>
              <div className="mt-3 flex flex-wrap gap-1.5 text-xs text-slate-600">
                <span>{t("catalog.lessons", { count: course.lessonCount })}</span>
                <span aria-hidden>·</span>
                <span>{t("catalog.minutes", { count: course.minutes })}</span>
                <span aria-hidden>·</span>
                <span>
                  {t("catalog.audience", {
                    roles: formatList(
                      course.audience.map((role) => t(`audiences.${role}`)),
                      i18n.language,
                    ),
                  })}
                </span>
              </div>
              <div className="mt-2 flex flex-wrap gap-1">
                {course.stages.map((stage) => (
                  <Badge key={stage}>{t(`stages.${stage}`)}</Badge>
                ))}
              </div>
              <div className="mt-4">
                <ProgressBar
                  value={course.progress.fraction}
                  label={t("course.progressLabel")}
                  tone={course.progress.status === "completed" ? "green" : "brand"}
                />
                <p className="mt-1 text-xs text-slate-600">
                  {t("course.progress", {
                    completed: String(course.progress.completed),
                    total: String(course.progress.total),
                  })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
