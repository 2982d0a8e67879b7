import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { WORK_ITEM_PRIORITIES, WORK_QUEUE_SCOPES } from "~/domain/interventions/work-item-rules";
import { listWorkQueue } from "~/domain/interventions/work-items.server";
import { isId } from "~/lib/ids";
import { pageTitle } from "~/lib/meta";
import { cursorParam, hrefWith } from "~/lib/pagination";
import { Button, ButtonLink } from "~/ui/button";
import { SelectField } from "~/ui/field";
import { WorkItemTable, keepRowsAfterRefusal } from "~/ui/interventions/work-item-table";
import { EmptyState, PageHeader } from "~/ui/layout";
import { Pager } from "~/ui/pager";

export const shouldRevalidate = keepRowsAfterRefusal;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.workQueue");

/** The URL's filters: anything unusable falls back to the default (mine, open), never a 400. */
const QuerySchema = z.object({
  scope: z.enum(WORK_QUEUE_SCOPES).catch("mine"),
  status: z.enum(["open", "closed"]).catch("open"),
  priority: z.enum(WORK_ITEM_PRIORITIES).optional().catch(undefined),
  account: z
    .string()
    .refine((value) => isId(value))
    .optional()
    .catch(undefined),
  cursor: cursorParam,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "workQueue.view");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listWorkQueue(
    actor,
    { scope: query.scope, status: query.status, priority: query.priority, accountId: query.account },
    query.cursor,
  );
  const accountName = query.account ? (list.items[0]?.accountName ?? null) : null;
  return {
    items: list.items,
    page: list.page,
    filters: {
      scope: query.scope,
      status: query.status,
      priority: query.priority ?? "",
      account: query.account ? { id: query.account, name: accountName } : null,
    },
  };
}

export default function WorkQueuePage() {
  const { t } = useTranslation("interventions");
  const { items, page, filters } = useLoaderData<typeof loader>();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <>
      <PageHeader title={t("workQueue.title")} description={t("workQueue.description")} />
      <nav aria-label={t("workQueue.scope")} className="mb-4 flex gap-2">
        {WORK_QUEUE_SCOPES.map((scope) => (
          <Link
            key={scope}
            to={hrefWith(here, { scope, cursor: null })}
            aria-current={filters.scope === scope ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ring-1 ${
              filters.scope === scope ? "bg-brand-600 text-white ring-brand-600" : "text-slate-700 ring-slate-300"
            }`}
          >
            {t(`workQueue.scopes.${scope}`)}
          </Link>
        ))}
      </nav>
      <Form
        method="get"
        aria-label={t("workQueue.filtersLabel")}
        className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        <input type="hidden" name="scope" value={filters.scope} />
        {filters.account ? <input type="hidden" name="account" value={filters.account.id} /> : null}
        <SelectField
          label={t("workQueue.status")}
          name="status"
          defaultValue={filters.status}
          options={(["open", "closed"] as const).map((status) => ({
            value: status,
            label: t(`workQueue.statuses.${status}`),
          }))}
        />
        <SelectField
          label={t("workQueue.priority")}
          name="priority"
          defaultValue={filters.priority}
          options={[
            { value: "", label: t("workQueue.anyPriority") },
            ...WORK_ITEM_PRIORITIES.map((priority) => ({
              value: priority,
              label: t(`workItems.priorities.${priority}`),
            })),
          ]}
        />
        <Button variant="secondary">{t("workQueue.apply")}</Button>
        {filters.account ? (
          <Link
            className="text-sm font-medium text-brand-700 hover:underline"
            to={hrefWith(here, { account: null, cursor: null })}
          >
            {t("workQueue.allAccounts")}
          </Link>
        ) : null}
        {filters.status !== "open" || filters.priority !== "" || filters.account ? (
          <ButtonLink to={`/work-queue?scope=${filters.scope}`} variant="ghost">
            {t("workQueue.clear")}
          </ButtonLink>
        ) : null}
      </Form>
      {items.length === 0 && !page.previous ? (
        <EmptyState title={t("workQueue.emptyTitle")}>{t("workQueue.emptyBody")}</EmptyState>
      ) : (
        <div className="space-y-3">
          <WorkItemTable
            items={items}
            caption={t("workQueue.caption")}
            accountHref={(item) => hrefWith(here, { account: item.accountId, cursor: null })}
          />
          <Pager label={t("workQueue.title")} page={page} />
        </div>
      )}
    </>
  );
}
