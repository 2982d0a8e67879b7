import { useTranslation } from "react-i18next";
import type { PlanView } from "~/domain/plans/plan-view";
import { formatDate, formatInstantDate } from "~/lib/format";
import { Badge } from "~/ui/layout";
import { ProgressBar } from "~/ui/progress";
import { Cell, Table } from "~/ui/table";
import type { SelectOption } from "~/ui/field";
import { CommentThread, type ThreadComment } from "~/ui/plans/comment-thread";
import { SignOffControls } from "~/ui/plans/sign-off";
import { MilestoneStatusBadge, TaskDue, TaskStatusBadge, useDaysText } from "~/ui/plans/status-badge";
import { TaskActions, type TaskPermissions } from "~/ui/plans/task-actions";
import { EditMilestone } from "~/ui/plans/milestone-editor";
import { AddTask, EditTask, type TaskEditorOptions } from "~/ui/plans/task-editor";
import { TaskTrainingLink } from "~/ui/training/task-training-link";
import { BULK_FORM_ID } from "~/ui/plans/bulk-bar";
import { DragHandle, MoveButtons, useDragReorder } from "~/ui/plans/reorder";

type Milestone = PlanView["milestones"][number];
type Task = PlanView["tasks"][number];

/** What the viewer may do on the plan, worked out by the loader with the plan permission rule. */
export interface PlanInteractions {
  accountId: string;
  timeZone: string;
  vendorName: string;
  taskCan: Record<string, TaskPermissions & { delete: boolean; move: boolean }>;
  assigneesBySide: { customer: SelectOption[]; vendor: SelectOption[] };
  /** Editing: the plan, and what the viewer may put on it. */
  planId: string;
  startDate: string;
  outcomes: SelectOption[];
  canEditPlan: boolean;
  taskSides: TaskEditorOptions["sides"];
  canInternalTask: boolean;
  signOff: { side: "vendor" | "customer"; canSign: boolean; canRate: boolean };
  commentsBySubject: Record<string, ThreadComment[]>;
  canComment: boolean;
  canInternal: boolean;
  /** May make a task require a course (the training plan link). */
  canLinkTraining: boolean;
  /** The plan page's URL (with `?plan=` for an older plan): it takes the moves and the bulk edit. */
  planAction: string;
  /** Moves are offered; not while filters hide some tasks (a place among some of them means nothing). */
  canReorder: boolean;
  /** The bulk edit's selection of task ids; null when the viewer may edit no task. */
  selection: { has: (id: string) => boolean; toggle: (id: string, on: boolean) => void } | null;
}

/** Whether the task tables get their leading column (select, drag, move). */
export const arranges = (interact: PlanInteractions) =>
  interact.selection !== null || (interact.canReorder && Object.values(interact.taskCan).some((can) => can.move));

type Drag = ReturnType<typeof useDragReorder>;

const taskEditorOf = (interact: PlanInteractions): TaskEditorOptions => ({
  accountId: interact.accountId,
  startDate: interact.startDate,
  sides: interact.taskSides,
  canInternal: interact.canInternalTask,
  assigneesBySide: interact.assigneesBySide,
});

function SignOff({
  milestone,
  locale,
  timeZone,
  vendorName,
}: {
  milestone: Milestone;
  locale: string;
  timeZone: string;
  vendorName: string;
}) {
  const { t } = useTranslation("plans");
  // The same day as the activity log's entry for the sign-off: both in the account's time zone.
  const day = (instant: string) => formatInstantDate(instant, locale, timeZone);
  return (
    <ul className="space-y-0.5 text-xs text-slate-600">
      <li>
        {milestone.vendorSignOff
          ? t("milestone.signedVendor", {
              name: milestone.vendorSignOff.name,
              vendor: vendorName,
              date: day(milestone.vendorSignOff.at),
            })
          : t("milestone.awaitingVendor")}
      </li>
      <li>
        {milestone.customerSignOff
          ? t("milestone.signedCustomer", {
              name: milestone.customerSignOff.name,
              date: day(milestone.customerSignOff.at),
            })
          : t("milestone.awaitingCustomer")}
      </li>
      {milestone.rating ? (
        <li>
          {t("milestone.rating", { rating: milestone.rating })}
          {milestone.ratingComment ? <q className="ml-1 italic">{milestone.ratingComment}</q> : null}
        </li>
      ) : null}
    </ul>
  );
}

/**
 * The rows of a task table; `anchored` rows (the milestone's, not the attention list's copies) are
 * link targets (#task-…). Below `md` each row is a stacked card (title, side, assignee, due date,
 * status, actions), so a phone shows every action without scrolling sideways.
 */
export function TaskRows({
  tasks,
  locale,
  interact,
  anchored = false,
  drag,
}: {
  tasks: Task[];
  locale: string;
  interact?: PlanInteractions;
  anchored?: boolean;
  /** Drag and drop within this list (a milestone's tasks), when they may be reordered. */
  drag?: Drag;
}) {
  const { t } = useTranslation("plans");
  const leading = interact ? arranges(interact) : false;
  return (
    <>
      {tasks.map((task, index) => {
        const can = interact?.taskCan[task.id];
        const movable = Boolean(interact?.canReorder && can?.move && anchored);
        const selectable = Boolean(interact?.selection && can?.edit && anchored);
        const rowId = anchored ? `task-${task.id}` : undefined;
        return (
          <tr
            key={task.id}
            id={rowId}
            {...(movable && drag ? drag.target(task.id, index) : {})}
            className={`scroll-mt-24 target:outline target:outline-2 target:-outline-offset-2 target:outline-brand-500 ${task.overdue ? "bg-red-50/60" : ""} ${drag?.over === task.id ? "outline outline-2 -outline-offset-2 outline-brand-400" : ""}`}
          >
            {leading ? (
              <Cell className="md:w-0 md:pr-0">
                <span className="flex items-center gap-2">
                  {selectable && interact?.selection ? (
                    <span className="relative inline-flex">
                      <input
                        type="checkbox"
                        form={BULK_FORM_ID}
                        name="tasks"
                        value={`${task.id}:${task.version}`}
                        checked={interact.selection.has(task.id)}
                        onChange={(event) => interact.selection?.toggle(task.id, event.target.checked)}
                        aria-label={t("bulk.selectFor", { title: task.title })}
                        className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-600"
                      />
                    </span>
                  ) : null}
                  {movable && interact ? (
                    <>
                      {drag ? (
                        <DragHandle {...drag.handle(task.id, () => document.getElementById(rowId ?? ""))} />
                      ) : null}
                      <MoveButtons
                        kind="task"
                        id={task.id}
                        title={task.title}
                        index={index}
                        count={tasks.length}
                        action={interact.planAction}
                      />
                    </>
                  ) : null}
                </span>
              </Cell>
            ) : null}
            <Cell className="whitespace-normal">
              <div className="font-medium text-slate-900">{task.title}</div>
              {task.notes ? <p className="max-w-md whitespace-pre-line text-xs text-slate-600">{task.notes}</p> : null}
              {task.status === "blocked" && task.blockedReason ? (
                <div className="text-xs text-red-800">
                  {t("attention.blockedBecause", { reason: task.blockedReason })}
                </div>
              ) : null}
              {task.internal ? <Badge tone="amber">{t("tasks.internal")}</Badge> : null}
              <TaskTrainingLink
                accountId={interact?.accountId}
                task={task}
                canLink={interact?.canLinkTraining ?? false}
              />
              {interact ? (
                <div className="mt-1">
                  <CommentThread
                    accountId={interact.accountId}
                    subject={{ type: "task", id: task.id, title: task.title }}
                    comments={interact.commentsBySubject[task.id] ?? []}
                    canComment={interact.canComment}
                    canInternal={interact.canInternal}
                    locale={locale}
                    timeZone={interact.timeZone}
                  />
                </div>
              ) : null}
            </Cell>
            <Cell label={t("tasks.columns.side")}>
              <Badge tone={task.side === "customer" ? "brand" : "neutral"}>{t(`side.${task.side}`)}</Badge>
            </Cell>
            <Cell label={t("tasks.columns.assignee")}>
              {task.assigneeName ?? <span className="text-slate-500">{t("tasks.unassigned")}</span>}
            </Cell>
            <Cell label={t("tasks.columns.due")}>
              <TaskDue dueDate={task.dueDate} overdue={task.overdue} locale={locale} />
            </Cell>
            <Cell label={t("tasks.columns.status")}>
              <TaskStatusBadge status={task.status} />
            </Cell>
            {interact ? (
              <Cell className="whitespace-normal">
                {can && (can.complete || can.edit || can.assign) ? (
                  <TaskActions
                    // Keyed by version: after any change (a bulk edit too) its controls start from what is saved.
                    key={task.version}
                    accountId={interact.accountId}
                    task={task}
                    can={can}
                    assignees={interact.assigneesBySide[task.side]}
                  />
                ) : null}
                {can?.edit ? (
                  <div className="mt-2">
                    <EditTask task={task} options={taskEditorOf(interact)} canDelete={can.delete} />
                  </div>
                ) : null}
              </Cell>
            ) : null}
          </tr>
        );
      })}
    </>
  );
}

export function MilestoneSection({
  milestone,
  tasks,
  taskCount,
  locale,
  interact,
  collapsed = false,
  place,
}: {
  milestone: Milestone;
  tasks: Task[];
  /** All of the milestone's tasks the viewer can see, whatever the filters. */
  taskCount: number;
  locale: string;
  interact: PlanInteractions;
  /** Tasks and comments folded behind a disclosure (an achieved milestone when nothing is filtered). */
  collapsed?: boolean;
  /** Its place among the plan's milestones and their drag and drop, when the viewer may reorder them. */
  place?: { index: number; count: number; drag: Drag } | null;
}) {
  const vendorName = interact.vendorName;
  const ownSideSigned =
    interact.signOff.side === "vendor" ? Boolean(milestone.vendorSignOff) : Boolean(milestone.customerSignOff);
  const { t } = useTranslation("plans");
  const daysText = useDaysText();
  const headingId = `milestone-${milestone.id}`;
  const drag = useDragReorder("task", milestone.id, interact.planAction);
  const body = (
    <>
      {tasks.length === 0 ? (
        <p className="px-2 py-3 text-sm text-slate-600">{t("milestone.noTasks")}</p>
      ) : (
        <Table
          caption={t("tasks.title")}
          stack
          head={[
            ...(arranges(interact)
              ? [
                  <span key="arrange" className="sr-only">
                    {t("tasks.columns.arrange")}
                  </span>,
                ]
              : []),
            t("tasks.columns.task"),
            t("tasks.columns.side"),
            t("tasks.columns.assignee"),
            t("tasks.columns.due"),
            t("tasks.columns.status"),
            t("actions.column"),
          ]}
        >
          <TaskRows tasks={tasks} locale={locale} interact={interact} anchored drag={drag} />
        </Table>
      )}
      {interact.taskSides.length > 0 ? (
        <div className="px-2 pt-3">
          <AddTask milestone={milestone} options={taskEditorOf(interact)} />
        </div>
      ) : null}
      <div className="px-2 pt-3">
        <CommentThread
          accountId={interact.accountId}
          subject={{ type: "milestone", id: milestone.id, title: milestone.title }}
          comments={interact.commentsBySubject[milestone.id] ?? []}
          canComment={interact.canComment}
          canInternal={interact.canInternal}
          locale={locale}
          timeZone={interact.timeZone}
        />
      </div>
    </>
  );
  return (
    <section
      id={`milestone-section-${milestone.id}`}
      aria-labelledby={headingId}
      {...(place ? place.drag.target(milestone.id, place.index) : {})}
      className={`rounded-lg bg-white shadow-sm ring-1 ${place?.drag.over === milestone.id ? "ring-2 ring-brand-400" : "ring-slate-200"}`}
    >
      <div className="flex flex-col gap-3 border-b border-slate-200 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:px-5">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            {place ? (
              <>
                <DragHandle
                  {...place.drag.handle(milestone.id, () =>
                    document.getElementById(`milestone-section-${milestone.id}`),
                  )}
                />
                <MoveButtons
                  kind="milestone"
                  id={milestone.id}
                  title={milestone.title}
                  index={place.index}
                  count={place.count}
                  action={interact.planAction}
                />
              </>
            ) : null}
            <h3 id={headingId} className="text-base font-semibold text-slate-900">
              {milestone.title}
            </h3>
            <MilestoneStatusBadge status={milestone.status} />
          </div>
          <p className="mt-0.5 text-sm text-slate-600">
            {t("milestone.target", { date: formatDate(milestone.targetDate, locale) })}
            {milestone.status !== "achieved" ? ` · ${daysText(milestone.daysToTarget)}` : null}
          </p>
          {milestone.description ? (
            <p className="mt-1 max-w-2xl text-sm text-slate-700">{milestone.description}</p>
          ) : null}
          {interact.canEditPlan ? (
            <div className="mt-2">
              <EditMilestone
                milestone={milestone}
                taskCount={taskCount}
                options={{
                  accountId: interact.accountId,
                  planId: interact.planId,
                  startDate: interact.startDate,
                  outcomes: interact.outcomes,
                }}
              />
            </div>
          ) : null}
        </div>
        <div className="w-full shrink-0 space-y-2 sm:w-64">
          <ProgressBar
            value={milestone.progress}
            label={t("milestone.progressLabel", { title: milestone.title })}
            tone={milestone.status === "stalled" ? "red" : milestone.status === "at_risk" ? "amber" : "brand"}
          />
          <p className="text-xs text-slate-600">
            {t("milestone.tasksDone", { done: milestone.taskCounts.done, total: milestone.taskCounts.total })}
          </p>
          {milestone.status === "achieved" && milestone.taskCounts.done < milestone.taskCounts.total ? (
            <p className="text-xs font-medium text-amber-800">
              {t("signOff.achievedWithOpen", { count: milestone.taskCounts.total - milestone.taskCounts.done })}
            </p>
          ) : null}
          <SignOff milestone={milestone} locale={locale} timeZone={interact.timeZone} vendorName={vendorName} />
          {interact.signOff.canSign && milestone.status !== "achieved" ? (
            <SignOffControls
              accountId={interact.accountId}
              milestone={milestone}
              side={interact.signOff.side}
              signed={ownSideSigned}
              canRate={interact.signOff.canRate}
              vendorName={vendorName}
              openTasks={milestone.taskCounts.total - milestone.taskCounts.done}
            />
          ) : null}
        </div>
      </div>
      {collapsed ? (
        // An achieved milestone is history: its header (who signed, the rating) stays in view and
        // its tasks and comments fold away, so the plan's open work comes first.
        <details className="group p-2 sm:p-3">
          <summary className="cursor-pointer rounded px-2 py-1 text-sm font-medium text-brand-700 hover:underline">
            {t("milestone.showAchievedTasks", { count: taskCount })}
          </summary>
          <div className="pt-2">{body}</div>
        </details>
      ) : (
        <div className="p-2 sm:p-3">{body}</div>
      )}
    </section>
  );
}
