import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormReply } from "~/lib/forms";
import { useReplyMessage } from "~/ui/form";
import { requireActor } from "~/domain/auth/guards.server";
import { type MyTask, listMyOpenTasks } from "~/domain/plans/my-tasks.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { EmptyState, PageHeader } from "~/ui/layout";
import { TaskDue, TaskStatusBadge } from "~/ui/plans/status-badge";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.myTasks");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return { tasks: await listMyOpenTasks(actor), isStaff: actor.kind === "staff" };
}

function MarkDone({ task }: { task: MyTask }) {
  const { t } = useTranslation("plans");
  const fetcher = useFetcher<{ form: FormReply | null }>();
  const error = useReplyMessage(fetcher.data);
  return (
    <fetcher.Form method="post" action={`/accounts/${task.accountId}/tasks/${task.id}`}>
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="status" value="done" />
      <input type="hidden" name="version" value={task.version} />
      <Button
        variant="secondary"
        className="py-1.5"
        disabled={fetcher.state !== "idle"}
        aria-label={t("actions.markDoneFor", { title: task.title })}
      >
        {t("actions.markDone")}
      </Button>
      {error ? (
        <p role="alert" className="mt-1 max-w-xs whitespace-normal text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

export default function MyTasks() {
  const { t } = useTranslation("plans");
  const { tasks, isStaff } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  return (
    <>
      <PageHeader title={t("myTasks.title")} description={t("myTasks.description")} />
      {tasks.length === 0 ? (
        <EmptyState title={t("myTasks.emptyTitle")}>{t("myTasks.emptyBody")}</EmptyState>
      ) : (
        <Table
          caption={t("myTasks.title")}
          head={[
            t("myTasks.columns.task"),
            ...(isStaff ? [t("myTasks.columns.account")] : []),
            t("myTasks.columns.milestone"),
            t("myTasks.columns.due"),
            t("myTasks.columns.status"),
            t("myTasks.columns.action"),
          ]}
        >
          {tasks.map((task) => (
            <tr key={task.id} className={task.overdue ? "bg-red-50/60" : undefined}>
              <Cell className="whitespace-normal font-medium text-slate-900">
                <Link to={`/accounts/${task.accountId}/plan`} className="hover:underline">
                  {task.title}
                </Link>
              </Cell>
              {isStaff ? <Cell>{task.accountName}</Cell> : null}
              <Cell className="whitespace-normal">{task.milestoneTitle}</Cell>
              <Cell>
                <TaskDue dueDate={task.dueDate} overdue={task.overdue} locale={locale} />
              </Cell>
              <Cell>
                <TaskStatusBadge status={task.status} />
              </Cell>
              <Cell>
                <MarkDone task={task} />
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
