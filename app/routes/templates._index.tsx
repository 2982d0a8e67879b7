import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canInWorkspace } from "~/domain/auth/authorization";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { listTemplates } from "~/domain/plans/templates.server";
import { formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { ButtonLink } from "~/ui/button";
import { EmptyState, PageHeader } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.templates");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "templates.view");
  const templates = await listTemplates();
  // Grouped by segment (by name, "any segment" last); templates by name within a group.
  const groups = new Map<string, { segmentName: string | null; templates: typeof templates }>();
  for (const template of templates) {
    const key = template.segmentId ?? "";
    if (!groups.has(key)) groups.set(key, { segmentName: template.segmentName, templates: [] });
    groups.get(key)!.templates.push(template);
  }
  const sorted = [...groups.values()].sort((a, b) =>
    a.segmentName === null ? 1 : b.segmentName === null ? -1 : a.segmentName.localeCompare(b.segmentName),
  );
  return { groups: sorted, canManage: canInWorkspace(actor, "templates.manage"), timeZone: actor.timeZone };
}

export default function Templates() {
  const { t } = useTranslation("templates");
  const { groups, canManage, timeZone } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const newButton = canManage ? <ButtonLink to="/templates/new">{t("list.new")}</ButtonLink> : null;
  return (
    <>
      <PageHeader title={t("list.title")} description={t("list.description")} actions={newButton} />
      {groups.length === 0 ? (
        <EmptyState title={t("list.emptyTitle")} action={newButton}>
          {canManage ? t("list.emptyBody") : t("list.emptyBodyReadOnly")}
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {groups.map((group) => {
            const segment = group.segmentName ?? t("list.anySegment");
            return (
              <section key={segment} aria-label={segment}>
                <div className="mb-2 flex items-baseline justify-between gap-2">
                  <h2 className="text-base font-semibold text-slate-900">{segment}</h2>
                  <span className="text-sm text-slate-600">
                    {t("list.segmentCount", { count: group.templates.length })}
                  </span>
                </div>
                <Table
                  caption={segment}
                  head={[t("list.columns.name"), t("list.columns.size"), t("list.columns.updated")]}
                >
                  {group.templates.map((template) => (
                    <tr key={template.id} className="hover:bg-slate-50">
                      <Cell className="min-w-64 whitespace-normal">
                        <Link to={`/templates/${template.id}`} className="font-medium text-brand-700 hover:underline">
                          {template.name}
                        </Link>
                        {template.description ? (
                          <div className="text-xs text-slate-600">{template.description}</div>
                        ) : null}
                      </Cell>
                      <Cell>
                        {t("list.size", {
                          outcomes: t("list.outcomes", { count: template.outcomeCount }),
                          milestones: t("list.milestones", { count: template.milestoneCount }),
                          tasks: t("list.tasks", { count: template.taskCount }),
                        })}
                      </Cell>
                      <Cell>{formatDateTime(template.updatedAt, locale, timeZone)}</Cell>
                    </tr>
                  ))}
                </Table>
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
