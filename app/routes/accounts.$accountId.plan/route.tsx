import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { canOnAccount } from "~/domain/auth/authorization";
import { canOnPlan } from "~/domain/plans/plan-permissions";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { getCurrentPlanView, getPlanView, listPlans, markOpenedByCustomer } from "~/domain/plans/plan-view.server";
import { TaskFilterSchema, filterTasks, hasFilters } from "~/domain/plans/task-filters";
import { applyTemplate, listTemplates } from "~/domain/plans/templates.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { formatDate, todayIn } from "~/lib/format";
import { calendarDate } from "~/lib/dates";
import { idField, textField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { forbidden, isPrefetch, notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink } from "~/ui/button";
import { SelectField } from "~/ui/field";
import { Card, EmptyState, PageHeader } from "~/ui/layout";
import { Table } from "~/ui/table";
import { ApplyTemplateForm } from "./apply-template-form";
import { Glance } from "~/ui/plans/glance";
import { MilestoneSection, type PlanInteractions, TaskRows } from "./milestone-section";
import { type PlanComment, listPlanComments } from "~/domain/plans/comments.server";
import { peopleChoices } from "~/domain/people/members.server";
import { listAccountOwners } from "~/domain/people/accounts.server";
import { listPlanActivity } from "~/domain/plans/plan-activity.server";
import { ActivityLog } from "~/ui/plans/activity-log";
import { Timeline } from "./timeline";
import { OutcomesCard } from "./outcomes-card";
import { OlderPlanNotice, PlanList, RenamePlan } from "./plan-list";
import { AddMilestone } from "~/ui/plans/milestone-editor";
import type { Actor } from "~/domain/auth/actor";
import { moveMilestone, moveTask } from "~/domain/plans/plan-ordering.server";
import { EDIT_STATUS } from "~/domain/plans/plan-edit-rules";
import { BulkFormSchema } from "~/domain/plans/task-bulk";
import { bulkEditTasks } from "~/domain/plans/task-bulk.server";
import { type BulkAnswer, BulkBar } from "~/ui/plans/bulk-bar";
import { type MoveAnswer, MoveAnnouncer, useDragReorder } from "~/ui/plans/reorder";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "plans:title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  const canApply = canOnPlan(actor, "plan.create", { accountId: account.id });
  // Staff may open any of the account's plans (?plan=<id>); customers always see the current one.
  const requested = actor.kind === "staff" ? new URL(request.url).searchParams.get("plan") : null;
  if (requested !== null && !isId(requested)) notFound();
  const [view, templates, owners, plans] = await Promise.all([
    requested ? getPlanView(actor, account.id, requested) : getCurrentPlanView(actor, account.id),
    canApply ? listTemplates() : Promise.resolve([]),
    actor.kind === "staff" ? listAccountOwners() : Promise.resolve([]),
    actor.kind === "staff" ? listPlans(account.id) : Promise.resolve([]),
  ]);
  if (requested && !view) notFound();
  // The "Review your plan" first step: the customer's side opened it (a link's prefetch is no visit).
  if (view && !view.plan.customerOpenedAt && actor.kind === "customer" && !isPrefetch(request))
    await markOpenedByCustomer(actor, account.id, view.plan.id);
  // The choice of customer people is bounded; whoever a task already names is offered too.
  const { people: members } = await peopleChoices(account.id, {
    include: (view?.tasks ?? []).flatMap((task) => (task.assigneeId ? [task.assigneeId] : [])),
  });
  const [comments, activity] = view
    ? await Promise.all([
        listPlanComments(actor, account.id, view.plan.id),
        listPlanActivity(actor, account.id, view.plan.id),
      ])
    : [[], []];
  const filters = TaskFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const scope = { accountId: account.id };
  const side = actor.kind === "staff" ? ("vendor" as const) : ("customer" as const);
  const activeMembers = members.map((member) => ({ value: member.id, label: member.name }));
  const vendorOwners = owners.map((owner) => ({ value: owner.id, label: owner.name }));
  const commentsBySubject: Record<string, PlanComment[]> = {};
  for (const comment of comments) (commentsBySubject[comment.subjectId] ??= []).push(comment);
  return {
    // The segment only picks the suggested template, for those who may apply one.
    account: { id: account.id, name: account.name, segmentId: canApply ? account.segmentId : null },
    isStaff: actor.kind === "staff",
    view: view ? { ...view, tasks: filterTasks(view.tasks, filters) } : null,
    allTasks: view?.tasks ?? [],
    filtered: hasFilters(filters),
    activity,
    canApply,
    templates: templates.map((template) => ({
      id: template.id,
      name: template.name,
      segmentId: template.segmentId,
      segmentName: template.segmentName,
    })),
    today: todayIn(account.timeZone),
    plans: plans.map(({ createdAt: _createdAt, ...plan }) => plan),
    canEditPlan: canOnPlan(actor, "plan.edit", scope),
    outcomeOwners: canOnPlan(actor, "plan.edit", scope) ? [...activeMembers, ...vendorOwners] : [],
    interact: {
      accountId: account.id,
      timeZone: account.timeZone,
      canLinkTraining: canOnAccount(actor, "training.link", account.id),
      taskCan: Object.fromEntries(
        (view?.tasks ?? []).map((task) => [
          task.id,
          {
            complete: canOnPlan(actor, "task.complete", { ...scope, task }),
            edit: canOnPlan(actor, "task.edit", { ...scope, task }),
            assign: canOnPlan(actor, "task.assign", { ...scope, task, assignee: null }),
            delete: canOnPlan(actor, "task.delete", { ...scope, task }),
            move: canOnPlan(actor, "task.move", { ...scope, task }),
          },
        ]),
      ),
      assigneesBySide: { customer: activeMembers, vendor: vendorOwners },
      taskSides: (["customer", "vendor"] as const).filter((side) =>
        canOnPlan(actor, "task.create", { ...scope, side, internal: false }),
      ),
      canInternalTask: canOnPlan(actor, "task.create", { ...scope, side: "vendor", internal: true }),
      canEditPlan: canOnPlan(actor, "plan.edit", scope),
      signOff: {
        side,
        canSign: canOnPlan(actor, "milestone.sign_off", { ...scope, side }),
        canRate: canOnPlan(actor, "milestone.rate", scope),
      },
      commentsBySubject,
      canComment: canOnPlan(actor, "comment", { ...scope, internal: false }),
      canInternal: canOnPlan(actor, "comment", { ...scope, internal: true }),
    },
  };
}

const ApplySchema = z.object({
  intent: z.literal("apply"),
  templateId: idField(),
  startDate: calendarDate({ invalid: "plan.startDateInvalid" }),
  name: textField({ max: 120 }),
});

const MoveSchema = z
  .object({
    intent: z.enum(["moveTask", "moveMilestone"]),
    id: idField(),
    direction: z.enum(["up", "down"]).optional(),
    toIndex: z
      .string()
      .regex(/^\d{1,4}$/, "plans:reorder.errors.invalid")
      .transform(Number)
      .optional(),
  })
  .refine((move) => (move.direction === undefined) !== (move.toIndex === undefined), {
    message: "plans:reorder.errors.invalid",
    path: [""],
  });

/** A move's answer (the live region words it); without JavaScript the page renders again with it. */
async function move(request: Request, actor: Actor, accountId: string) {
  const parsed = await readSubmission(request, MoveSchema);
  if (!parsed.ok) return data<MoveAnswer>({ moveError: "plans:reorder.errors.invalid" }, { status: 400 });
  const { intent, id, direction, toIndex } = parsed.data;
  const target = direction !== undefined ? { direction } : { toIndex: toIndex! };
  const result =
    intent === "moveTask"
      ? await moveTask(actor, accountId, { taskId: id, ...target })
      : await moveMilestone(actor, accountId, { milestoneId: id, ...target });
  if (!result.ok)
    return data<MoveAnswer>(
      { moveError: `plans:reorder.errors.${result.error === "has_tasks" ? "invalid" : result.error}` },
      { status: EDIT_STATUS[result.error] },
    );
  const kind = intent === "moveTask" ? ("task" as const) : ("milestone" as const);
  return data<MoveAnswer>({
    moved: { kind, id, title: result.title, position: result.position, of: result.of, direction: direction ?? null },
  });
}

const BULK_STATUS = {
  invalid: 400,
  not_found: 404,
  forbidden: 403,
  stale: 409,
  invalid_assignee: 400,
  before_start: 400,
};

/** The bulk bar's answer: how many tasks changed, or why none did and which tasks are why. */
async function bulk(request: Request, actor: Actor, accountId: string) {
  const parsed = await readSubmission(request, BulkFormSchema);
  if (!parsed.ok) {
    const error = parsed.submission.status === "error" ? parsed.submission.error : undefined;
    const key = Object.values(error ?? {}).flatMap((messages) => messages ?? [])[0] ?? "";
    const code = key.startsWith("plans:bulk.errors.") ? key.slice("plans:bulk.errors.".length) : "malformed";
    return data<BulkAnswer>({ bulk: { ok: false, error: "invalid", titles: [], code } }, { status: 400 });
  }
  const result = await bulkEditTasks(actor, accountId, parsed.data);
  return data<BulkAnswer>({ bulk: result }, { status: result.ok ? 200 : BULK_STATUS[result.error] });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  const intent = (
    await request
      .clone()
      .formData()
      .catch(() => null)
  )?.get("intent");
  if (intent === "moveTask" || intent === "moveMilestone") return move(request, actor, account.id);
  if (intent === "bulk") return bulk(request, actor, account.id);
  return applyPlan(request, actor, account.id);
}

async function applyPlan(request: Request, actor: Actor, accountId: string) {
  if (!canOnPlan(actor, "plan.create", { accountId })) forbidden();
  const parsed = await readSubmission(request, ApplySchema);
  if (!parsed.ok) return parsed.answer;
  const templates = await listTemplates();
  const template = templates.find((candidate) => candidate.id === parsed.data.templateId);
  const name = parsed.data.name || template?.name || "";
  const result = await applyTemplate(actor, {
    accountId,
    templateId: parsed.data.templateId,
    startDate: parsed.data.startDate,
    name,
  });
  if (!result.ok) {
    const field = { unknown_template: "templateId", invalid_start_date: "startDate" } as const;
    return refuse(parsed.submission, "planApply", result.error, field[result.error as keyof typeof field]);
  }
  return redirectWithNotice(`/accounts/${accountId}/plan`, serverT(actor.locale)("plans:apply.created", { name }));
}

export default function PlanPage() {
  const { t } = useTranslation(["plans", "common", "value"]);
  const {
    account,
    isStaff,
    view,
    allTasks,
    filtered,
    activity,
    canApply,
    templates,
    today,
    plans,
    canEditPlan,
    outcomeOwners,
    interact: loaded,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const applyReply = result && "form" in result ? result.form : undefined;
  const [params] = useSearchParams();
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const planAction = `/accounts/${account.id}/plan${view && !view.plan.isCurrent ? `?plan=${view.plan.id}` : ""}`;
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback(
    (id: string, on: boolean) =>
      setSelected((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const clearSelection = useCallback(() => setSelected(new Set()), []);
  const selectable = useMemo(
    () => new Set((view?.tasks ?? []).filter((task) => loaded.taskCan[task.id]?.edit).map((task) => task.id)),
    [view, loaded.taskCan],
  );
  const milestoneDrag = useDragReorder("milestone", view?.plan.id ?? "", planAction);
  const interact: PlanInteractions = {
    ...loaded,
    vendorName: root?.vendorName ?? "",
    planId: view?.plan.id ?? "",
    startDate: view?.plan.startDate ?? today,
    outcomes: (view?.outcomes ?? []).map((outcome) => ({ value: outcome.id, label: outcome.title })),
    planAction,
    canReorder: !filtered,
    selection: selectable.size > 0 ? { has: (id) => selected.has(id), toggle } : null,
  };
  const selectedCount = [...selected].filter((id) => selectable.has(id)).length;
  const suggested = templates.find((template) => template.segmentId === account.segmentId)?.id ?? templates[0]?.id;

  if (!view) {
    return (
      <div className="space-y-6">
        {isStaff ? null : <PageHeader title={t("title")} />}
        <EmptyState title={isStaff ? t("empty.staffTitle") : t("empty.customerTitle")}>
          {isStaff ? t("empty.staffBody") : t("empty.customerBody")}
        </EmptyState>
        {canApply ? (
          <ApplyTemplateForm
            templates={templates}
            suggestedTemplateId={suggested}
            today={today}
            hasPlan={false}
            reply={applyReply}
          />
        ) : null}
      </div>
    );
  }

  const attention = allTasks
    .filter((task) => task.overdue || task.status === "blocked")
    .sort((a, b) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"));
  const editing = { accountId: account.id, planId: view.plan.id, startDate: view.plan.startDate };
  const viewingOlder = !view.plan.isCurrent;
  const planQuery = viewingOlder ? `?plan=${view.plan.id}` : "";
  // Filtering hides the milestones it leaves empty, so the matching tasks aren't lost in a wall.
  const shownMilestones = filtered
    ? view.milestones.filter((milestone) => view.tasks.some((task) => task.milestoneId === milestone.id))
    : view.milestones;
  const hiddenMilestones = view.milestones.length - shownMilestones.length;
  const current = view.summary.nextMilestone;
  const assignees = [
    ...new Map(
      allTasks.filter((task) => task.assigneeId).map((task) => [task.assigneeId!, task.assigneeName ?? ""]),
    ).entries(),
  ];

  return (
    <div className="space-y-6">
      {viewingOlder ? <OlderPlanNotice accountId={account.id} plan={view.plan} canEdit={canEditPlan} /> : null}
      <PageHeader
        title={isStaff ? view.plan.name : t("title")}
        actions={canEditPlan ? <RenamePlan accountId={account.id} plan={view.plan} /> : undefined}
        description={
          <>
            {isStaff ? null : <span className="block font-medium text-slate-800">{view.plan.name}</span>}
            {view.plan.templateName
              ? t("startedOn", { date: formatDate(view.plan.startDate, locale), template: view.plan.templateName })
              : t("startedOnNoTemplate", { date: formatDate(view.plan.startDate, locale) })}
          </>
        }
      />
      <Glance summary={view.summary} locale={locale} />
      <p className="-mt-2 flex flex-wrap justify-end gap-x-4 gap-y-1 text-sm">
        {current ? (
          <a href={`#milestone-${current.id}`} className="mr-auto font-medium text-brand-700 hover:underline">
            {t("milestone.jumpToCurrent", { title: current.title })}
          </a>
        ) : null}
        <Link to={`/accounts/${account.id}/plan/summary`} className="font-medium text-brand-700 hover:underline">
          {t("value:summary.link")}
        </Link>
        <a href={`/accounts/${account.id}/plan.ics`} className="font-medium text-brand-700 hover:underline" download>
          {t("calendar.download")}
        </a>
      </p>

      {attention.length > 0 ? (
        <Card title={t("attention.title")}>
          <p className="mb-3 text-sm text-slate-600">{t("attention.body")}</p>
          <Table
            caption={t("attention.title")}
            stack
            head={[
              t("tasks.columns.task"),
              t("tasks.columns.side"),
              t("tasks.columns.assignee"),
              t("tasks.columns.due"),
              t("tasks.columns.status"),
            ]}
          >
            <TaskRows tasks={attention} locale={locale} />
          </Table>
        </Card>
      ) : null}

      <Timeline view={view} locale={locale} />

      <OutcomesCard
        outcomes={view.outcomes}
        locale={locale}
        editor={canEditPlan ? { ...editing, owners: outcomeOwners } : null}
      />

      <section aria-labelledby="tasks-heading" className="space-y-4">
        <h2 id="tasks-heading" className="text-lg font-semibold text-slate-900">
          {t("tasks.title")}
        </h2>
        <Form
          method="get"
          aria-label={t("filters.label")}
          className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-4 sm:items-end"
        >
          {viewingOlder ? <input type="hidden" name="plan" value={view.plan.id} /> : null}
          <SelectField
            label={t("filters.side")}
            name="side"
            defaultValue={params.get("side") ?? ""}
            options={[
              { value: "", label: t("filters.any") },
              { value: "customer", label: t("side.customer") },
              { value: "vendor", label: t("side.vendor") },
            ]}
          />
          <SelectField
            label={t("filters.assignee")}
            name="assignee"
            defaultValue={params.get("assignee") ?? ""}
            options={[
              { value: "", label: t("filters.any") },
              { value: "none", label: t("tasks.unassigned") },
              ...assignees.map(([id, name]) => ({ value: id, label: name })),
            ]}
          />
          <SelectField
            label={t("filters.status")}
            name="status"
            defaultValue={params.get("status") ?? ""}
            options={[
              { value: "", label: t("filters.any") },
              { value: "open", label: t("filters.open") },
              ...(["todo", "in_progress", "blocked", "done"] as const).map((status) => ({
                value: status,
                label: t(`taskStatus.${status}`),
              })),
            ]}
          />
          <div className="flex gap-2">
            <Button variant="secondary">{t("filters.apply")}</Button>
            {filtered ? (
              <ButtonLink to={`/accounts/${account.id}/plan${planQuery}`} variant="ghost">
                {t("filters.clear")}
              </ButtonLink>
            ) : null}
          </div>
        </Form>
        <p className="text-sm text-slate-600" role="status">
          {t("filters.showing", { count: view.tasks.length })}
          {hiddenMilestones > 0 ? ` ${t("filters.hiddenMilestones", { count: hiddenMilestones })}` : null}
          {filtered && (canEditPlan || Object.values(loaded.taskCan).some((can) => can.move))
            ? ` ${t("reorder.clearFiltersToMove")}`
            : null}
        </p>
        <MoveAnnouncer fallback={result && ("moved" in result || "moveError" in result) ? result : null} />
        {interact.selection ? (
          <BulkBar
            action={planAction}
            selectedCount={selectedCount}
            onApplied={clearSelection}
            onClear={clearSelection}
            assigneesBySide={loaded.assigneesBySide}
            locale={locale}
            fallback={result && "bulk" in result ? result : null}
          />
        ) : null}
        {shownMilestones.map((milestone, index) => (
          <MilestoneSection
            key={milestone.id}
            milestone={milestone}
            tasks={view.tasks.filter((task) => task.milestoneId === milestone.id)}
            taskCount={allTasks.filter((task) => task.milestoneId === milestone.id).length}
            locale={locale}
            interact={interact}
            collapsed={!filtered && milestone.status === "achieved"}
            place={canEditPlan && !filtered ? { index, count: shownMilestones.length, drag: milestoneDrag } : null}
          />
        ))}
        {canEditPlan ? <AddMilestone options={{ ...editing, outcomes: interact.outcomes }} /> : null}
      </section>

      <ActivityLog entries={activity} locale={locale} timeZone={loaded.timeZone} />

      {isStaff ? (
        <PlanList accountId={account.id} plans={plans} viewingId={view.plan.id} canEdit={canEditPlan} locale={locale} />
      ) : null}

      {canApply ? (
        <details className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("apply.another")}</summary>
          <div className="mt-4">
            <ApplyTemplateForm
              templates={templates}
              suggestedTemplateId={suggested}
              today={today}
              hasPlan
              reply={applyReply}
            />
          </div>
        </details>
      ) : null}
    </div>
  );
}
