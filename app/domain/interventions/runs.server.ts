import { and, asc, count, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import {
  accounts,
  interventionNotices,
  playbookRunSteps,
  playbookRuns,
  playbooks,
  users,
  type Playbook,
  type PlaybookRun,
} from "~db/schema";
import { getEvent } from "~/domain/events/record.server";
import { playbookChampionMail, playbookReminderMail } from "~/domain/mail/messages.server";
import { queueMail } from "~/domain/mail/outbox.server";
import { type TaskForPlaybook, tasksForPlaybooks } from "~/domain/plans/playbook-inputs.server";
import { serverT } from "~/i18n";
import { appOrigin } from "~/lib/http.server";
import { newId } from "~/lib/ids.server";
import { DAY_MS } from "~/lib/time";
import { MESSAGES_PER_PERSON_PER_WEEK, WATCH_DAYS_AFTER_LAST_STEP, type PlaybookStep } from "./playbook-rules";
import { insertWorkItem } from "./work-items.server";

type RunSubject = Pick<PlaybookRun, "subjectType" | "subjectId">;

const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

/** Enabled playbooks with this trigger kind that apply to an account in `segmentId`. */
function appliesTo(playbook: Playbook, segmentId: string) {
  return playbook.enabled && (playbook.segmentIds.length === 0 || playbook.segmentIds.includes(segmentId));
}

/**
 * Starts runs, at most one open per account + playbook + subject (the unique index decides; a
 * duplicate is skipped, so starting twice is harmless). Answers how many started.
 */
async function startRuns(
  executor: Executor,
  starts: { playbook: Playbook; accountId: string; subject: RunSubject; at: Date }[],
): Promise<number> {
  if (starts.length === 0) return 0;
  const inserted = await executor
    .insert(playbookRuns)
    .values(
      starts.map(({ playbook, accountId, subject, at }) => ({
        id: newId(),
        accountId,
        playbookId: playbook.id,
        ...subject,
        startedAt: at,
        nextStepAt: addDays(at, playbook.steps[0]?.delayDays ?? 0),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: playbookRuns.id });
  return inserted.length;
}

/** The reaction to `task.overdue` (events/reactions.server.ts): the overdue playbooks start a run for the task. */
export async function startPlaybookRunsForEvent(eventId: string, executor: Executor = db): Promise<number> {
  const event = await getEvent(eventId, executor);
  if (!event || event.type !== "task.overdue" || !event.accountId) return 0;
  const accountId = event.accountId;
  const [account] = await executor
    .select({ segmentId: accounts.segmentId })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account) return 0;
  const task = (await tasksForPlaybooks([event.payload.taskId], executor)).get(event.payload.taskId);
  if (!task || task.done) return 0;
  const candidates = await executor
    .select()
    .from(playbooks)
    .where(and(eq(playbooks.enabled, true), sql`${playbooks.trigger} ->> 'kind' = 'task_overdue'`));
  return startRuns(
    executor,
    candidates
      .filter((playbook) => appliesTo(playbook, account.segmentId))
      .map((playbook) => ({
        playbook,
        accountId,
        subject: { subjectType: "task" as const, subjectId: task.id },
        at: event.occurredAt,
      })),
  );
}

/**
 * The condition triggers, checked by the advance job: "N days before the renewal date" (the
 * account's `renewal_date` as it is, in its time zone) and "no sign-in by the account's people for N
 * days". The subject names the occasion (`renewal:2027-03-31`, `sign-in:2026-10-02`), and a run
 * starts once per occasion, whatever its status now.
 */
export async function startConditionRuns(now: Date, executor: Executor = db): Promise<number> {
  const conditional = await executor
    .select()
    .from(playbooks)
    .where(and(eq(playbooks.enabled, true), sql`${playbooks.trigger} ->> 'kind' in ('renewal_within', 'no_sign_in')`));
  let started = 0;
  for (const playbook of conditional) {
    const trigger = playbook.trigger;
    if (trigger.kind === "task_overdue") continue;
    const segments = playbook.segmentIds.length
      ? sql`and a.segment_id in (${sql.join(
          playbook.segmentIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``;
    const today = sql`(${now.toISOString()}::timestamptz at time zone a.time_zone)::date`;
    const rows =
      trigger.kind === "renewal_within"
        ? await executor.execute<{ account_id: string; subject_id: string }>(sql`
            select a.id as account_id, 'renewal:' || a.renewal_date::text as subject_id
            from accounts a
            where a.renewal_date >= ${today} and a.renewal_date <= ${today} + ${trigger.days}::int ${segments}
              and not exists (select 1 from playbook_runs r where r.playbook_id = ${playbook.id}
                and r.account_id = a.id and r.subject_id = 'renewal:' || a.renewal_date::text)`)
        : await executor.execute<{ account_id: string; subject_id: string }>(sql`
            select s.account_id, 'sign-in:' || coalesce(s.last::date::text, 'never') as subject_id
            from (
              select a.id as account_id, a.created_at,
                (select max(u.last_sign_in_at) from users u
                  where u.account_id = a.id and u.deactivated_at is null) as last
              from accounts a where true ${segments}
            ) s
            where coalesce(s.last, s.created_at) < ${now.toISOString()}::timestamptz - make_interval(days => ${trigger.days}::int)
              and not exists (select 1 from playbook_runs r where r.playbook_id = ${playbook.id}
                and r.account_id = s.account_id and r.subject_id = 'sign-in:' || coalesce(s.last::date::text, 'never'))`);
    started += await startRuns(
      executor,
      rows.map((row) => ({
        playbook,
        accountId: row.account_id,
        subject: {
          subjectType: trigger.kind === "renewal_within" ? ("renewal" as const) : ("sign_in" as const),
          subjectId: row.subject_id,
        },
        at: now,
      })),
    );
  }
  return started;
}

interface RunContext {
  account: { id: string; name: string; renewalDate: string; csmId: string | null; lastSignIn: string | null };
  task: TaskForPlaybook | undefined;
}

/** Whether the run's reason is gone: the task is done, the renewal date moved, someone signed in. */
function reasonResolved(run: PlaybookRun, context: RunContext): boolean {
  if (run.subjectType === "task") return !context.task || context.task.done;
  if (run.subjectType === "renewal") return run.subjectId !== `renewal:${context.account.renewalDate}`;
  return run.subjectId !== `sign-in:${context.account.lastSignIn ?? "never"}`;
}

interface Person {
  id: string;
  name: string;
  email: string;
  locale: string;
}

async function activePeople(tx: Executor, ids: (string | null)[]): Promise<Person[]> {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return [];
  return tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, wanted), isNull(users.deactivatedAt)));
}

/**
 * The weekly cap, asked under a per-person lock so two runs messaging one person at once take turns
 * and see each other's message.
 */
async function underWeeklyCap(tx: Executor, personId: string, now: Date): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('playbook-cap:' || ${personId}))`);
  const [row] = await tx
    .select({ sent: count() })
    .from(playbookRunSteps)
    .where(
      and(
        eq(playbookRunSteps.recipientId, personId),
        eq(playbookRunSteps.outcome, "sent"),
        gt(playbookRunSteps.at, addDays(now, -7)),
      ),
    );
  return Number(row?.sent ?? 0) < MESSAGES_PER_PERSON_PER_WEEK;
}

function subjectText(run: PlaybookRun, context: RunContext, locale: string, playbook: Playbook): string {
  const t = serverT(locale);
  if (run.subjectType === "task") {
    return t("interventions:workItems.subjects.task", { title: context.task?.title ?? "" });
  }
  if (run.subjectType === "renewal") {
    return t("interventions:workItems.subjects.renewal", { date: run.subjectId.slice("renewal:".length) });
  }
  const days = playbook.trigger.kind === "no_sign_in" ? playbook.trigger.days : 0;
  return t("interventions:workItems.subjects.sign_in", { days: String(days) });
}

function subjectHref(run: PlaybookRun, context: RunContext): string {
  return run.subjectType === "task" && context.task
    ? `/accounts/${context.account.id}/tasks/${context.task.id}`
    : `/accounts/${context.account.id}`;
}

async function firstAdmin(tx: Executor): Promise<string | null> {
  const [admin] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.staffRole, "admin"), isNull(users.deactivatedAt)))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  return admin?.id ?? null;
}

/** Does one step, recording what it did for whom (the history, and what the cap counts). */
async function runStep(
  tx: Executor,
  input: { run: PlaybookRun; playbook: Playbook; step: PlaybookStep; index: number; context: RunContext; now: Date },
) {
  const { run, playbook, step, index, context, now } = input;
  const record = (outcome: "sent" | "capped" | "skipped" | "created", recipientId: string | null) =>
    tx.insert(playbookRunSteps).values({
      id: newId(),
      runId: run.id,
      accountId: run.accountId,
      stepIndex: index,
      kind: step.kind,
      outcome,
      recipientId,
      at: now,
    });
  const link = `${appOrigin()}${subjectHref(run, context)}`;

  if (step.kind === "remind_assignee" || step.kind === "tell_champion") {
    const people =
      step.kind === "remind_assignee"
        ? await activePeople(tx, [context.task?.assigneeId ?? context.account.csmId])
        : await tx
            .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
            .from(users)
            .where(
              and(eq(users.accountId, run.accountId), eq(users.accountRole, "champion"), isNull(users.deactivatedAt)),
            )
            .limit(5);
    if (people.length === 0) return record("skipped", null);
    for (const person of people) {
      if (!(await underWeeklyCap(tx, person.id, now))) {
        await record("capped", person.id);
        continue;
      }
      const values = {
        name: person.name,
        reason: subjectText(run, context, person.locale, playbook),
        account: context.account.name,
        link,
        recipientId: person.id,
      };
      const mail =
        step.kind === "remind_assignee"
          ? playbookReminderMail(person.email, person.locale, values)
          : playbookChampionMail(person.email, person.locale, values);
      const queued = await queueMail(tx, mail);
      // The person turned this kind of email off: a champion then hears nothing, so nothing was
      // sent (and the weekly cap isn't used); an assignee still gets the in-app reminder.
      if (!queued && step.kind === "tell_champion") {
        await record("skipped", person.id);
        continue;
      }
      if (step.kind === "remind_assignee") {
        await tx.insert(interventionNotices).values({
          id: newId(),
          userId: person.id,
          accountId: run.accountId,
          runId: run.id,
          href: subjectHref(run, context),
          title: values.reason,
          createdAt: now,
        });
      }
      await record("sent", person.id);
    }
    return;
  }

  const escalate = step.kind === "escalate_admin";
  const assigneeId = escalate ? await firstAdmin(tx) : (context.account.csmId ?? (await firstAdmin(tx)));
  if (!assigneeId) return record("skipped", null);
  const [assignee] = await activePeople(tx, [assigneeId]);
  const locale = assignee?.locale ?? "en";
  const t = serverT(locale);
  const values = { playbook: playbook.name, subject: subjectText(run, context, locale, playbook) };
  await insertWorkItem(tx, {
    accountId: run.accountId,
    assigneeId,
    reason: t(escalate ? "interventions:workItems.escalationReason" : "interventions:workItems.playbookReason", values),
    priority: escalate ? "urgent" : "high",
    dueDate: addDays(now, escalate ? 1 : 3)
      .toISOString()
      .slice(0, 10),
    runId: run.id,
    subjectType: run.subjectType,
    subjectId: run.subjectType === "task" ? (context.task?.id ?? null) : run.subjectId,
    createdById: null,
  });
  return record("created", assigneeId);
}

const BATCH = 100;

/**
 * Advances every run that is due: stops it when its reason is resolved, else does its next step
 * and schedules the one after. Each batch is one transaction that locks its runs with SKIP LOCKED,
 * so two workers running this at once share the runs and no step is done twice.
 */
export async function advancePlaybookRuns(
  now: Date,
  executor: Executor = db,
): Promise<{ steps: number; resolved: number; completed: number }> {
  const totals = { steps: 0, resolved: 0, completed: 0 };
  for (;;) {
    const batch = await executor.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(playbookRuns)
        .where(and(eq(playbookRuns.status, "open"), lte(playbookRuns.nextStepAt, now)))
        .orderBy(asc(playbookRuns.nextStepAt), asc(playbookRuns.id))
        .limit(BATCH)
        .for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      const playbookRows = await tx
        .select()
        .from(playbooks)
        .where(inArray(playbooks.id, [...new Set(due.map((run) => run.playbookId))]));
      const playbookById = new Map(playbookRows.map((row) => [row.id, row]));
      const taskById = await tasksForPlaybooks(
        due.filter((run) => run.subjectType === "task").map((run) => run.subjectId),
        tx,
      );
      const accountRows = await tx
        .select({
          id: accounts.id,
          name: accounts.name,
          renewalDate: accounts.renewalDate,
          csmId: accounts.csmId,
          // Qualified by hand: drizzle renders ${accounts.id} as a bare "id", which inside the
          // subquery is the user's own id (the last sign-in then always read as null).
          lastSignIn: sql<string | null>`(select max(u.last_sign_in_at)::date::text from users u
            where u.account_id = "accounts"."id" and u.deactivated_at is null)`,
        })
        .from(accounts)
        .where(inArray(accounts.id, [...new Set(due.map((run) => run.accountId))]));
      const accountById = new Map(accountRows.map((row) => [row.id, row]));

      for (const run of due) {
        const playbook = playbookById.get(run.playbookId)!;
        const context: RunContext = { account: accountById.get(run.accountId)!, task: taskById.get(run.subjectId) };
        if (reasonResolved(run, context)) {
          await tx
            .update(playbookRuns)
            .set({ status: "resolved", resolvedAt: now, endedAt: now, nextStepAt: null })
            .where(eq(playbookRuns.id, run.id));
          totals.resolved++;
          continue;
        }
        const step = playbook.steps[run.currentStep];
        if (!step || !playbook.enabled) {
          // All steps done (or the playbook was turned off): watch the reason a while, then end.
          const ended =
            !playbook.enabled || now.getTime() - run.startedAt.getTime() > WATCH_DAYS_AFTER_LAST_STEP * DAY_MS;
          await tx
            .update(playbookRuns)
            .set(
              ended
                ? { status: playbook.enabled ? "completed" : "stopped", endedAt: now, nextStepAt: null }
                : { nextStepAt: addDays(now, 1) },
            )
            .where(eq(playbookRuns.id, run.id));
          if (ended) totals.completed++;
          continue;
        }
        await runStep(tx, { run, playbook, step, index: run.currentStep, context, now });
        const next = playbook.steps[run.currentStep + 1];
        await tx
          .update(playbookRuns)
          .set({ currentStep: run.currentStep + 1, nextStepAt: addDays(now, next ? next.delayDays : 1) })
          .where(eq(playbookRuns.id, run.id));
        totals.steps++;
      }
      return due.length;
    });
    if (batch < BATCH) return totals;
  }
}
