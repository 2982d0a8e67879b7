import { Link, type ShouldRevalidateFunction, useFetcher, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  WORK_ITEM_OUTCOMES,
  type WorkItemOutcome,
  type WorkItemPriority,
} from "~/domain/interventions/work-item-rules";
import { formatDate } from "~/lib/format";
import type { FormReply } from "~/lib/forms";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { useReplyMessage } from "~/ui/form";
import { Badge } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export interface WorkItemRow {
  id: string;
  accountId: string;
  accountName: string;
  reason: string;
  priority: WorkItemPriority;
  dueDate: string | null;
  subjectType: string | null;
  subjectId: string | null;
  runId: string | null;
  outcome: WorkItemOutcome | null;
  note: string;
  assigneeName: string | null;
  overdue: boolean;
}

const PRIORITY_TONE = { low: "neutral", normal: "neutral", high: "amber", urgent: "red" } as const;

/** Where the item came from, as a link to the thing that triggered it when there is one. */
function Trigger({ item }: { item: WorkItemRow }) {
  const { t } = useTranslation("interventions");
  if (item.subjectType === "task" && item.subjectId) {
    return (
      <Link to={`/accounts/${item.accountId}/tasks/${item.subjectId}`} className="text-brand-700 hover:underline">
        {t("workQueue.sources.task")}
      </Link>
    );
  }
  if (item.subjectType === "nps_response") return <>{t("workQueue.sources.nps")}</>;
  return <>{item.runId ? t("workQueue.sources.playbook") : t("workQueue.sources.manual")}</>;
}

/**
 * For the pages that list work items: after a refused close (closed meanwhile, another account's)
 * the list stays as it was, so the row keeps its message; a reload or the next visit shows the change.
 */
export const keepRowsAfterRefusal: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus !== undefined && actionStatus >= 400 ? false : defaultShouldRevalidate;

function CloseForm({ item }: { item: WorkItemRow }) {
  const { t } = useTranslation("interventions");
  const location = useLocation();
  // A fetcher: a refused close (closed meanwhile, another account's) answers here, in the row, on
  // whichever page lists the item; a closed one redirects back with the notice.
  const fetcher = useFetcher<{ form?: FormReply }>();
  const busy = fetcher.state !== "idle";
  const error = useReplyMessage(fetcher.data);
  return (
    <fetcher.Form
      method="post"
      action={`/accounts/${item.accountId}/work-items`}
      className="flex flex-wrap items-end gap-2"
      aria-label={t("workItems.closeFor", { reason: item.reason })}
    >
      <input type="hidden" name="intent" value="close" />
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
      <label className="text-xs text-slate-600">
        {t("workItems.outcome")}
        <select
          name="outcome"
          defaultValue="resolved"
          className="mt-1 block rounded-md border-0 py-1.5 text-sm ring-1 ring-inset ring-slate-300"
        >
          {WORK_ITEM_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`workItems.outcomes.${outcome}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        {t("workItems.note")}
        <input
          name="note"
          maxLength={2000}
          className="mt-1 block w-40 rounded-md border-0 py-1.5 text-sm ring-1 ring-inset ring-slate-300"
        />
      </label>
      <Button variant="secondary" className="py-1.5" disabled={busy}>
        {t("workItems.close")}
      </Button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

/** Work items with their account, priority, due date and source; open ones can be closed in place. */
export function WorkItemTable({
  items,
  caption,
  showAccount = true,
  accountHref,
}: {
  items: WorkItemRow[];
  caption: string;
  showAccount?: boolean;
  accountHref?: (item: WorkItemRow) => string;
}) {
  const { t } = useTranslation("interventions");
  const locale = useRootData()?.locale ?? "en";
  const closed = items.some((item) => item.outcome !== null);
  // The header's names, and each cell's label when the table is cards on a phone.
  const columns = {
    reason: t("workQueue.columns.reason"),
    account: t("workQueue.columns.account"),
    priority: t("workQueue.columns.priority"),
    due: t("workQueue.columns.due"),
    assignee: t("workQueue.columns.assignee"),
    trigger: t("workQueue.columns.trigger"),
    last: closed ? t("workQueue.columns.outcome") : t("workQueue.columns.action"),
  };
  return (
    <Table
      stack
      caption={caption}
      head={[
        columns.reason,
        ...(showAccount ? [columns.account] : []),
        columns.priority,
        columns.due,
        columns.assignee,
        columns.trigger,
        columns.last,
      ]}
    >
      {items.map((item) => (
        <tr key={item.id} className={item.overdue && !item.outcome ? "bg-red-50/60 align-top" : "align-top"}>
          <Cell className="min-w-48 whitespace-normal font-medium text-slate-900">{item.reason}</Cell>
          {showAccount ? (
            <Cell label={columns.account} className="whitespace-normal">
              <Link to={accountHref ? accountHref(item) : `/accounts/${item.accountId}`} className="hover:underline">
                {item.accountName}
              </Link>
            </Cell>
          ) : null}
          <Cell label={columns.priority}>
            <Badge tone={PRIORITY_TONE[item.priority]}>{t(`workItems.priorities.${item.priority}`)}</Badge>
          </Cell>
          <Cell label={columns.due}>
            {item.dueDate ? formatDate(item.dueDate, locale) : t("workQueue.noDue")}
            {item.overdue && !item.outcome ? (
              <div>
                <Badge tone="red">{t("workQueue.overdue")}</Badge>
              </div>
            ) : null}
          </Cell>
          <Cell label={columns.assignee} className="whitespace-normal">
            {item.assigneeName}
          </Cell>
          <Cell label={columns.trigger}>
            <Trigger item={item} />
          </Cell>
          <Cell label={columns.last} className="whitespace-normal">
            {item.outcome ? (
              <>
                <Badge tone={item.outcome === "escalated" ? "amber" : "green"}>
                  {t(`workItems.outcomes.${item.outcome}`)}
                </Badge>
                {item.note ? <p className="mt-1 text-slate-600">{item.note}</p> : null}
              </>
            ) : (
              <CloseForm item={item} />
            )}
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
