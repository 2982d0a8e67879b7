import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { idField, versionField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { useReplyMessage } from "~/ui/form";
import { requireAccountAccess, requireActor } from "~/domain/auth/guards.server";
import { MY_TASK_GROUPS, MY_TASK_GROUP_PARAM, type MyTaskGroup } from "~/domain/plans/my-task-groups";
import { type MyTask, listMyTasks, myTasksAccountName } from "~/domain/plans/my-tasks.server";
import { markTaskDone, undoTaskDone } from "~/domain/plans/task-actions.server";
import { formatNumber } from "~/lib/format";
import { isId } from "~/lib/ids";
import { pageTitle } from "~/lib/meta";
import { cursorParam, hrefWith } from "~/lib/pagination";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink, SubmitButton } from "~/ui/button";
import { ConfirmAction } from "~/ui/confirm-action";
import { SelectField } from "~/ui/field";
import { Alert, Badge, EmptyState, PageHeader } from "~/ui/layout";
import { Pager } from "~/ui/pager";
import { TaskDue, TaskStatusBadge } from "~/ui/plans/status-badge";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.myTasks");

const OPEN_STATUSES = ["todo", "in_progress", "blocked"] as const;

/** The URL's filters and cursors; anything unusable is dropped (no filter, first page), never a 400. */
const QuerySchema = z.object({
  side: z.enum(["customer", "vendor"]).optional().catch(undefined),
  status: z.enum(OPEN_STATUSES).optional().catch(undefined),
  account: z
    .string()
    .refine((value) => isId(value))
    .optional()
    .catch(undefined),
  ...Object.fromEntries(MY_TASK_GROUPS.map((group) => [MY_TASK_GROUP_PARAM[group], cursorParam])),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams)) as {
    side?: "customer" | "vendor";
    status?: (typeof OPEN_STATUSES)[number];
    account?: string;
  } & Record<string, string | undefined>;
  const isStaff = actor.kind === "staff";
  const accountId = isStaff ? query.account : undefined;
  const cursors = Object.fromEntries(MY_TASK_GROUPS.map((group) => [group, query[MY_TASK_GROUP_PARAM[group]]]));
  const [list, accountName] = await Promise.all([
    listMyTasks(actor, { filters: { side: query.side, status: query.status, accountId }, cursors }),
    accountId ? myTasksAccountName(accountId) : null,
  ]);
  return {
    groups: list.groups,
    isStaff,
    filters: {
      side: query.side ?? "",
      status: query.status ?? "",
      account: accountId && accountName ? { id: accountId, name: accountName } : null,
    },
  };
}

const ChangeSchema = z.object({
  intent: z.enum(["done", "undo"]),
  accountId: idField(),
  taskId: idField(),
  version: versionField(),
});

/**
 * "Mark done" (after its confirm step) and its "Undo". Marking done answers the task's new version
 * so the page can offer the undo for that task alone; the undo reopens it to its previous status
 * if nothing changed it since (plans' `undoTaskDone`). Both are version-checked status changes.
 */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = await readSubmission(request, ChangeSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  const { actor, account } = await requireAccountAccess(request, input.accountId, "account.view");
  if (input.intent === "done") {
    const result = await markTaskDone(actor, account.id, input.taskId, { expectedVersion: input.version });
    if (!result.ok) return refuse(parsed.submission, "task", result.error);
    return {
      form: null,
      done: result.changed
        ? { accountId: account.id, taskId: input.taskId, title: result.title, version: result.version }
        : null,
      reopened: null,
    };
  }
  const result = await undoTaskDone(actor, account.id, input.taskId, { expectedVersion: input.version });
  if (!result.ok) return refuse(parsed.submission, "task", result.error);
  return { form: null, done: null, reopened: { title: result.title } };
}

/** Where this page's forms post: the page itself, with its filters and cursors, so it reloads as it was. */
function usePageAction() {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("confirm");
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ""}`;
}

function MarkDone({ task }: { task: MyTask }) {
  const { t } = useTranslation("plans");
  const navigation = useNavigation();
  const formAction = usePageAction();
  const busy =
    navigation.state !== "idle" &&
    navigation.formData?.get("intent") === "done" &&
    navigation.formData.get("taskId") === task.id;
  return (
    <ConfirmAction
      id={`done-${task.id}`}
      tone="neutral"
      Form={Form}
      action={formAction}
      fields={{ intent: "done", accountId: task.accountId, taskId: task.id, version: String(task.version) }}
      label={t("actions.markDone")}
      accessibleLabel={t("actions.markDoneFor", { title: task.title })}
      prompt={t("myTasks.confirmDone.prompt", { title: task.title })}
      confirmLabel={t("myTasks.confirmDone.confirm")}
      busyLabel={t("myTasks.confirmDone.pending")}
      cancelLabel={t("myTasks.confirmDone.cancel")}
      busy={busy}
    />
  );
}

/**
 * What the last "Mark done" or "Undo" did, above the lists: the task just done with its Undo (for
 * that task only, until the next navigation), the task reopened, or why it was refused. Focus moves
 * here, since the row that had it is gone from the list.
 */
function ChangeNotice() {
  const { t } = useTranslation("plans");
  const answer = useActionData<typeof action>();
  const error = useReplyMessage(answer);
  const formAction = usePageAction();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (answer) box.current?.focus();
  }, [answer]);
  if (!answer) return null;
  const done = "done" in answer ? answer.done : null;
  const reopened = "reopened" in answer ? answer.reopened : null;
  if (!done && !reopened && !error) return null;
  return (
    <div ref={box} tabIndex={-1} className="mb-6 focus:outline-none">
      {error ? (
        <Alert tone="error">{error}</Alert>
      ) : done ? (
        <Alert tone="success">
          <Form method="post" action={formAction} className="flex flex-wrap items-center justify-between gap-3">
            <span>{t("myTasks.done", { title: done.title })}</span>
            <input type="hidden" name="intent" value="undo" />
            <input type="hidden" name="accountId" value={done.accountId} />
            <input type="hidden" name="taskId" value={done.taskId} />
            <input type="hidden" name="version" value={done.version} />
            <SubmitButton
              variant="secondary"
              className="py-1.5"
              pendingLabel={t("myTasks.undoing")}
              aria-label={t("myTasks.undoFor", { title: done.title })}
            >
              {t("myTasks.undo")}
            </SubmitButton>
          </Form>
        </Alert>
      ) : reopened ? (
        <Alert tone="success">{t("myTasks.reopened", { title: reopened.title })}</Alert>
      ) : null}
    </div>
  );
}

const noCursors = Object.fromEntries(MY_TASK_GROUPS.map((group) => [MY_TASK_GROUP_PARAM[group], null]));

function Filters() {
  const { t } = useTranslation("plans");
  const { filters, isStaff } = useLoaderData<typeof loader>();
  const location = useLocation();
  const filtered = filters.side !== "" || filters.status !== "" || filters.account !== null;
  return (
    <Form
      method="get"
      aria-label={t("myTasks.filters.label")}
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      {/* New filters start every group at its first page: the cursors are not carried over. */}
      {filters.account ? <input type="hidden" name="account" value={filters.account.id} /> : null}
      {isStaff ? (
        <SelectField
          label={t("filters.side")}
          name="side"
          defaultValue={filters.side}
          options={[
            { value: "", label: t("filters.any") },
            { value: "customer", label: t("side.customer") },
            { value: "vendor", label: t("side.vendor") },
          ]}
        />
      ) : null}
      <SelectField
        label={t("filters.status")}
        name="status"
        defaultValue={filters.status}
        options={[
          { value: "", label: t("filters.any") },
          ...OPEN_STATUSES.map((status) => ({ value: status, label: t(`taskStatus.${status}`) })),
        ]}
      />
      <Button variant="secondary">{t("filters.apply")}</Button>
      {filters.account ? (
        <p className="flex items-center gap-2 text-sm text-slate-700">
          {t("myTasks.filters.account", { account: filters.account.name })}
          <Link
            className="font-medium text-brand-700 hover:underline"
            to={hrefWith(`${location.pathname}${location.search}`, { account: null, ...noCursors })}
          >
            {t("myTasks.filters.allAccounts")}
          </Link>
        </p>
      ) : null}
      {filtered ? (
        <ButtonLink to="/my-tasks" variant="ghost">
          {t("filters.clear")}
        </ButtonLink>
      ) : null}
    </Form>
  );
}

function GroupSection({ group }: { group: ReturnType<typeof useLoaderData<typeof loader>>["groups"][number] }) {
  const { t } = useTranslation("plans");
  const { isStaff, filters } = useLoaderData<typeof loader>();
  const location = useLocation();
  const locale = useRootData()?.locale ?? "en";
  const name: MyTaskGroup = group.group;
  const label = t(`myTasks.groups.${name}`);
  const headingId = `my-tasks-${name}`;
  // The header's names, and each cell's label when the table is cards on a phone.
  const columns = {
    task: t("myTasks.columns.task"),
    account: t("myTasks.columns.account"),
    milestone: t("myTasks.columns.milestone"),
    due: t("myTasks.columns.due"),
    status: t("myTasks.columns.status"),
    action: t("myTasks.columns.action"),
  };
  const count = group.capped
    ? t("myTasks.countCapped", { number: formatNumber(group.count, locale) })
    : formatNumber(group.count, locale);
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <div className="flex items-center gap-2">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {label}
        </h2>
        <Badge tone={name === "overdue" && group.count > 0 ? "red" : "neutral"}>{count}</Badge>
      </div>
      {group.tasks.length === 0 && !group.page.previous ? (
        <p className="text-sm text-slate-500">{t(`myTasks.emptyGroup.${name}`)}</p>
      ) : (
        <>
          <Table
            stack
            caption={label}
            head={[
              columns.task,
              ...(isStaff ? [columns.account] : []),
              columns.milestone,
              columns.due,
              columns.status,
              columns.action,
            ]}
          >
            {group.tasks.map((task) => (
              <tr key={task.id} className={task.overdue ? "bg-red-50/60" : undefined}>
                <Cell className="whitespace-normal font-medium text-slate-900">
                  <Link to={`/accounts/${task.accountId}/tasks/${task.id}`} className="hover:underline">
                    {task.title}
                  </Link>
                  {isStaff ? <div className="text-xs font-normal text-slate-500">{t(`side.${task.side}`)}</div> : null}
                </Cell>
                {isStaff ? (
                  <Cell label={columns.account} className="whitespace-normal">
                    {filters.account ? (
                      task.accountName
                    ) : (
                      <Link
                        to={hrefWith(`${location.pathname}${location.search}`, {
                          account: task.accountId,
                          ...noCursors,
                        })}
                        className="hover:underline"
                        title={t("myTasks.filters.onlyAccount", { account: task.accountName })}
                      >
                        {task.accountName}
                      </Link>
                    )}
                  </Cell>
                ) : null}
                <Cell label={columns.milestone} className="whitespace-normal">
                  {task.milestoneTitle}
                </Cell>
                <Cell label={columns.due}>
                  <TaskDue dueDate={task.dueDate} overdue={task.overdue} locale={locale} />
                </Cell>
                <Cell label={columns.status}>
                  <TaskStatusBadge status={task.status} />
                </Cell>
                <Cell label={columns.action}>
                  <MarkDone task={task} />
                </Cell>
              </tr>
            ))}
          </Table>
          <Pager label={label} page={group.page} param={MY_TASK_GROUP_PARAM[name]} />
        </>
      )}
    </section>
  );
}

export default function MyTasks() {
  const { t } = useTranslation("plans");
  const { groups, filters } = useLoaderData<typeof loader>();
  const nothing = groups.every((group) => group.count === 0);
  const filtered = filters.side !== "" || filters.status !== "" || filters.account !== null;
  return (
    <>
      <PageHeader title={t("myTasks.title")} description={t("myTasks.description")} />
      <ChangeNotice />
      {nothing && !filtered ? null : <Filters />}
      {nothing && !filtered ? (
        <EmptyState title={t("myTasks.emptyTitle")}>{t("myTasks.emptyBody")}</EmptyState>
      ) : (
        <div className="space-y-8">
          {groups.map((group) => (
            <GroupSection key={group.group} group={group} />
          ))}
        </div>
      )}
    </>
  );
}
