import { and, asc, count, eq, gt, inArray, isNull, lte, notInArray, sql } from "drizzle-orm";
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
import type { DomainEvent } from "~/domain/events/types";
import { playbookChampionMail, playbookReminderMail } from "~/domain/mail/messages.server";
import { type Mail, queueMails } from "~/domain/mail/outbox.server";
import { inApp } from "~/domain/mail/channels";
import { type DigestLineInput, addDigestLines } from "~/domain/mail/digest-lines.server";
import { type MailSchedule, channelsFor, mailSchedules, scheduleKey } from "~/domain/mail/preferences.server";
import { type TaskForPlaybook, tasksForPlaybooks } from "~/domain/plans/playbook-inputs.server";
import { serverT } from "~/i18n";
import { appOrigin } from "~/lib/http.server";
import { newId } from "~/lib/ids.server";
import { addDays } from "~/lib/time";
import type { PlaybookStep } from "./playbook-rules";
import {
  CONDITION_TRIGGERS,
  EVENT_TRIGGERS,
  type Occasion,
  accountFacts,
  eventKindsFor,
  isConditionKind,
  occasionKey,
  reasonsHolding,
  taskIdOf,
} from "./triggers.server";
import {
  type RunState,
  type StepFacts,
  type StepPerson,
  type WeeklyCap,
  advanceRun,
  messageKindOf,
  stepEffects,
  stepRecipients,
  weeklyCap,
} from "./step-effects";
import { type WorkItemDraft, insertWorkItems } from "./work-items.server";

type RunSubject = Pick<PlaybookRun, "subjectType" | "subjectId">;

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
  let started = 0;
  // Rows per insert: well under PostgreSQL's limit of 65,535 parameters per statement.
  for (let from = 0; from < starts.length; from += 2000) {
    started += await insertRuns(executor, starts.slice(from, from + 2000));
  }
  return started;
}

async function insertRuns(
  executor: Executor,
  starts: { playbook: Playbook; accountId: string; subject: RunSubject; at: Date }[],
): Promise<number> {
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

/** `startPlaybookRunsForEvents` for one recorded event (the demo's replay). */
export async function startPlaybookRunsForEvent(eventId: string, executor: Executor = db): Promise<number> {
  const event = await getEvent(eventId, executor);
  return event ? startPlaybookRunsForEvents([event], executor) : 0;
}

/**
 * The reaction to events (events/reactions.server.ts): the playbooks of the trigger kinds an event
 * starts (`task.overdue`, a detractor's `nps.submitted`, a worse `health.grade_changed`) start a
 * run about its subject, in its account's segments, if the reason still holds (an overdue task done
 * meanwhile starts nothing). A fixed number of queries for any number of events.
 */
export async function startPlaybookRunsForEvents(
  events: readonly DomainEvent[],
  executor: Executor = db,
): Promise<number> {
  const wanted = events.flatMap((event) =>
    event.accountId
      ? eventKindsFor(event.type).flatMap((kind) => {
          const subjectId = EVENT_TRIGGERS[kind].subject(event);
          return subjectId === null
            ? []
            : [
                {
                  kind,
                  event,
                  reason: { accountId: event.accountId!, subjectType: EVENT_TRIGGERS[kind].subjectType, subjectId },
                },
              ];
        })
      : [],
  );
  if (wanted.length === 0) return 0;
  const kinds = [...new Set(wanted.map(({ kind }) => kind))];
  const candidates = await executor
    .select()
    .from(playbooks)
    .where(and(eq(playbooks.enabled, true), inArray(sql<string>`${playbooks.trigger} ->> 'kind'`, kinds)));
  if (candidates.length === 0) return 0;
  const accountRows = await executor
    .select({ id: accounts.id, segmentId: accounts.segmentId })
    .from(accounts)
    .where(inArray(accounts.id, [...new Set(wanted.map(({ reason }) => reason.accountId))]));
  const segmentOf = new Map(accountRows.map((row) => [row.id, row.segmentId]));
  const latest = new Date(Math.max(...wanted.map(({ event }) => event.occurredAt.getTime())));
  const holding = await reasonsHolding(
    executor,
    wanted.map(({ reason }) => reason),
    latest,
  );
  const starts = wanted.flatMap(({ kind, event, reason }) => {
    const segmentId = segmentOf.get(reason.accountId);
    if (segmentId === undefined || !holding.has(occasionKey(reason.accountId, reason.subjectId))) return [];
    return candidates
      .filter((playbook) => playbook.trigger.kind === kind && appliesTo(playbook, segmentId))
      .map((playbook) => ({
        playbook,
        accountId: reason.accountId,
        subject: { subjectType: reason.subjectType, subjectId: reason.subjectId },
        at: event.occurredAt,
      }));
  });
  return startRuns(executor, starts);
}

/**
 * The condition triggers, checked by the advance job (see triggers.server.ts): each kind asked
 * once for every account's current occasions, each playbook starting a run for those past its
 * threshold in its segments — once per occasion, whatever that run's status now.
 */
export async function startConditionRuns(now: Date, executor: Executor = db): Promise<number> {
  const conditional = (await executor.select().from(playbooks).where(eq(playbooks.enabled, true))).filter((playbook) =>
    isConditionKind(playbook.trigger.kind),
  );
  if (conditional.length === 0) return 0;
  const all = await accountFacts(executor);
  const kinds = [...new Set(conditional.map((playbook) => playbook.trigger.kind))].filter(isConditionKind);
  let started = 0;
  // Accounts a pass at a time: every area's read takes a bounded list of ids.
  for (let from = 0; from < all.length; from += CONDITION_ACCOUNTS) {
    const facts = all.slice(from, from + CONDITION_ACCOUNTS);
    const segmentOf = new Map(facts.map((account) => [account.id, account.segmentId]));
    for (const kind of kinds) {
      const condition = CONDITION_TRIGGERS[kind];
      const ofKind = conditional.filter((playbook) => playbook.trigger.kind === kind);
      const horizon = Math.max(...ofKind.map((playbook) => ("days" in playbook.trigger ? playbook.trigger.days : 0)));
      const occasions = await condition.occasions(executor, facts, now, horizon);
      for (const playbook of ofKind) {
        const wanted = occasions.filter(
          (occasion) =>
            condition.starts(occasion, playbook.trigger) && appliesTo(playbook, segmentOf.get(occasion.accountId)!),
        );
        const fresh = await withoutRuns(executor, playbook.id, wanted);
        started += await startRuns(
          executor,
          fresh.map((occasion) => ({
            playbook,
            accountId: occasion.accountId,
            subject: { subjectType: condition.subjectType, subjectId: occasion.subjectId },
            at: now,
          })),
        );
      }
    }
  }
  return started;
}

/** Accounts the condition triggers look at in one pass (each area's reads take this many ids). */
const CONDITION_ACCOUNTS = 5000;

/** The occasions the playbook has no run for yet (of any status): one query per 5,000. */
async function withoutRuns(
  executor: Executor,
  playbookId: string,
  occasions: readonly Occasion[],
): Promise<Occasion[]> {
  const fresh: Occasion[] = [];
  for (let start = 0; start < occasions.length; start += 5000) {
    const chunk = occasions.slice(start, start + 5000);
    const seen = await executor.execute<{ account_id: string; subject_id: string }>(sql`
      select r.account_id, r.subject_id from playbook_runs r
      join unnest(${`{${chunk.map((o) => JSON.stringify(o.accountId)).join(",")}}`}::text[],
                  ${`{${chunk.map((o) => JSON.stringify(o.subjectId)).join(",")}}`}::text[]) as o(account_id, subject_id)
        on r.account_id = o.account_id and r.subject_id = o.subject_id
      where r.playbook_id = ${playbookId}`);
    const known = new Set(seen.map((row) => occasionKey(row.account_id, row.subject_id)));
    fresh.push(...chunk.filter((occasion) => !known.has(occasionKey(occasion.accountId, occasion.subjectId))));
  }
  return fresh;
}

interface RunContext {
  account: { id: string; name: string; csmId: string | null };
  task: TaskForPlaybook | undefined;
  /** The run's reason as it stands now; undefined: it is gone (the run is resolved). */
  reason: Occasion | undefined;
}

type Person = StepPerson;

/** The batch's active people by id (who a step names: assignees, CSMs, the admin), one query. */
async function activePeople(tx: Executor, ids: (string | null | undefined)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, wanted), isNull(users.deactivatedAt)));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Each account's active champions (up to 5, oldest first), one query for the batch. */
async function activeChampions(tx: Executor, accountIds: string[]): Promise<Map<string, Person[]>> {
  const byAccount = new Map<string, Person[]>();
  if (accountIds.length === 0) return byAccount;
  const ranked = tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      accountId: users.accountId,
      rank: sql<number>`row_number() over (partition by ${users.accountId} order by ${users.createdAt}, ${users.id})`.as(
        "rank",
      ),
    })
    .from(users)
    .where(
      and(
        inArray(users.accountId, [...new Set(accountIds)]),
        eq(users.accountRole, "champion"),
        isNull(users.deactivatedAt),
      ),
    )
    .as("ranked");
  const rows = await tx.select().from(ranked).where(lte(ranked.rank, 5)).orderBy(ranked.accountId, ranked.rank);
  for (const { rank: _rank, accountId, ...person } of rows) {
    const list = byAccount.get(accountId!) ?? [];
    list.push(person);
    byAccount.set(accountId!, list);
  }
  return byAccount;
}

/**
 * The weekly cap of the batch's recipients: their `sent` steps of the last 7 days, asked under a
 * per-person lock so two workers messaging one person at once take turns and see each other's
 * messages. The locks are taken in one order (by key) so two batches never wait on each other in a
 * circle; within the batch the counts grow in memory (see `weeklyCap`).
 */
async function lockWeeklyCaps(tx: Executor, personIds: string[], now: Date): Promise<WeeklyCap> {
  const ids = [...new Set(personIds)].sort();
  if (ids.length === 0) return weeklyCap(new Map());
  const list = `{${ids.join(",")}}`;
  await tx.execute(sql`
    select pg_advisory_xact_lock(k) from (
      select hashtext('playbook-cap:' || id) as k from unnest(${list}::text[]) as id order by 1
    ) keys`);
  const rows = await tx
    .select({ personId: playbookRunSteps.recipientId, sent: count() })
    .from(playbookRunSteps)
    .where(
      and(
        inArray(playbookRunSteps.recipientId, ids),
        eq(playbookRunSteps.outcome, "sent"),
        gt(playbookRunSteps.at, addDays(now, -7)),
      ),
    )
    .groupBy(playbookRunSteps.recipientId);
  return weeklyCap(new Map(rows.map((row) => [row.personId!, Number(row.sent)])));
}

function subjectText(run: PlaybookRun, context: RunContext, locale: string, playbook: Playbook): string {
  const t = serverT(locale);
  const [, first = "", second = ""] = run.subjectId.split(":");
  switch (run.subjectType) {
    case "task":
      return run.subjectId.includes("@")
        ? t("interventions:workItems.subjects.task_due", {
            title: context.task?.title ?? "",
            date: run.subjectId.split("@")[1] ?? "",
          })
        : t("interventions:workItems.subjects.task", { title: context.task?.title ?? "" });
    case "renewal":
      return t("interventions:workItems.subjects.renewal", { date: first });
    case "sign_in":
      return t("interventions:workItems.subjects.sign_in", { days: String(days(playbook)) });
    case "milestone":
      return t("interventions:workItems.subjects.milestone", { title: context.reason?.label ?? "" });
    case "nps":
      return t("interventions:workItems.subjects.nps", { score: second });
    case "champion":
      return t("interventions:workItems.subjects.champion", { name: context.reason?.label ?? "" });
    case "health":
      return t("interventions:workItems.subjects.health", {
        grade: t(`interventions:workItems.grades.${first as "red" | "yellow" | "green"}`),
      });
    case "qbr":
      return first === "never"
        ? t("interventions:workItems.subjects.qbr_never")
        : t("interventions:workItems.subjects.qbr", { date: first, days: String(days(playbook)) });
  }
}

const days = (playbook: Playbook) => ("days" in playbook.trigger ? playbook.trigger.days : 0);

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

/** The rows one run's advance writes; a batch writes all of its runs' together. */
interface RunWrites {
  runId: string;
  next: RunState;
  steps: (typeof playbookRunSteps.$inferInsert)[];
  notices: (typeof interventionNotices.$inferInsert)[];
  mails: Mail[];
  workItems: WorkItemDraft[];
  digestLines: DigestLineInput[];
}

/**
 * Does one step, as rows to write: what it did for whom (the history, and what the cap counts),
 * the emails and reminders of a message step, the work item of the others. Who and whether are
 * `stepEffects`'s (step-effects.ts); this renders them in each person's language.
 */
function runStep(
  facts: StepFacts,
  writes: RunWrites,
  input: { run: PlaybookRun; playbook: Playbook; step: PlaybookStep; index: number; context: RunContext; now: Date },
) {
  const { run, playbook, step, index, context, now } = input;
  const effects = stepEffects(facts, {
    step,
    accountId: run.accountId,
    csmId: context.account.csmId,
    taskAssigneeId: context.task?.assigneeId,
    now,
  });
  for (const { outcome, recipientId } of effects.records) {
    writes.steps.push({
      id: newId(),
      runId: run.id,
      accountId: run.accountId,
      stepIndex: index,
      kind: step.kind,
      outcome,
      recipientId,
      at: now,
    });
  }
  const link = `${appOrigin()}${subjectHref(run, context)}`;

  if (step.kind === "remind_assignee" || step.kind === "tell_champion") {
    for (const { person, email, notice } of effects.messages) {
      const values = {
        name: person.name,
        reason: subjectText(run, context, person.locale, playbook),
        account: context.account.name,
        link,
        recipientId: person.id,
      };
      if (email) {
        writes.mails.push(
          step.kind === "remind_assignee"
            ? playbookReminderMail(person.email, person.locale, values)
            : playbookChampionMail(person.email, person.locale, values),
        );
      }
      if (notice) {
        writes.notices.push({
          id: newId(),
          userId: person.id,
          accountId: run.accountId,
          runId: run.id,
          href: subjectHref(run, context),
          title: values.reason,
          createdAt: now,
        });
      }
    }
    return;
  }

  for (const person of effects.digestLines) {
    writes.digestLines.push({
      accountId: run.accountId,
      userId: person.id,
      kind: "playbook",
      params: { reason: subjectText(run, context, person.locale, playbook) },
      href: subjectHref(run, context),
      runId: run.id,
      createdAt: now,
    });
  }

  if (!effects.workItem) return;
  const { assigneeId, locale, escalate, dueDate } = effects.workItem;
  const t = serverT(locale);
  const values = { playbook: playbook.name, subject: subjectText(run, context, locale, playbook) };
  writes.workItems.push({
    accountId: run.accountId,
    assigneeId,
    reason: t(escalate ? "interventions:workItems.escalationReason" : "interventions:workItems.playbookReason", values),
    priority: escalate ? "urgent" : "high",
    dueDate,
    runId: run.id,
    subjectType: run.subjectType,
    subjectId: run.subjectType === "task" ? (context.task?.id ?? null) : run.subjectId,
    createdById: null,
  });
}

/** Writes the runs' rows in a fixed number of statements: the steps, notices, mail, work items and the runs themselves. */
async function writeRuns(
  tx: Executor,
  runs: readonly RunWrites[],
  mail: { now: Date; schedules: ReadonlyMap<string, MailSchedule> },
) {
  const all = <K extends "steps" | "notices" | "mails" | "workItems" | "digestLines">(key: K) =>
    runs.flatMap((run) => run[key] as RunWrites[K][number][]);
  const steps = all("steps");
  const notices = all("notices");
  if (steps.length) await tx.insert(playbookRunSteps).values(steps);
  if (notices.length) await tx.insert(interventionNotices).values(notices);
  await queueMails(tx, all("mails"), mail.now, mail.schedules);
  await insertWorkItems(tx, all("workItems"));
  await addDigestLines(tx, all("digestLines"));
  const changes = runs.map(({ runId, next }) => ({
    id: runId,
    status: next.status,
    current_step: next.currentStep,
    next_step_at: next.nextStepAt,
    resolved_at: next.resolvedAt,
    ended_at: next.endedAt,
  }));
  await tx.execute(sql`
    update playbook_runs r set status = v.status, current_step = v.current_step, next_step_at = v.next_step_at,
      resolved_at = v.resolved_at, ended_at = v.ended_at
    from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
      as v(id text, status text, current_step int, next_step_at timestamptz, resolved_at timestamptz, ended_at timestamptz)
    where r.id = v.id`);
}

/** Due runs a batch takes at once: large enough that its queries are few per run, small enough to lock briefly. */
const BATCH = 250;

/**
 * Advances every run that is due: stops it when its reason is resolved, else does its next step
 * and schedules the one after. Each batch is one transaction that locks its runs with SKIP LOCKED,
 * so two workers running this at once share the runs and no step is done twice. A batch reads what
 * its steps need in a few queries, decides each run in memory (`advanceRun`, `stepEffects`) and
 * writes everything together; should that write fail, each run is written on its own (a savepoint
 * each), so one bad run is logged and left due while the others advance.
 */
export async function advancePlaybookRuns(
  now: Date,
  executor: Executor = db,
  options: { batchSize?: number } = {},
): Promise<{ steps: number; resolved: number; completed: number; failed: number }> {
  const batchSize = options.batchSize ?? BATCH;
  const totals = { steps: 0, resolved: 0, completed: 0, failed: 0 };
  // Runs that failed in this call stay due for the next one; later batches leave them out.
  const failed = new Set<string>();
  for (;;) {
    const batch = await executor.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(playbookRuns)
        .where(
          and(
            eq(playbookRuns.status, "open"),
            lte(playbookRuns.nextStepAt, now),
            failed.size ? notInArray(playbookRuns.id, [...failed]) : undefined,
          ),
        )
        .orderBy(asc(playbookRuns.nextStepAt), asc(playbookRuns.id))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      if (due.length === 0) return 0;
      const playbookRows = await tx
        .select()
        .from(playbooks)
        .where(inArray(playbooks.id, [...new Set(due.map((run) => run.playbookId))]));
      const playbookById = new Map(playbookRows.map((row) => [row.id, row]));
      const taskById = await tasksForPlaybooks(
        due.filter((run) => run.subjectType === "task").map((run) => taskIdOf(run.subjectId)),
        tx,
      );
      const accountRows = await tx
        .select({ id: accounts.id, name: accounts.name, csmId: accounts.csmId })
        .from(accounts)
        .where(inArray(accounts.id, [...new Set(due.map((run) => run.accountId))]));
      const accountById = new Map(accountRows.map((row) => [row.id, row]));
      const holding = await reasonsHolding(tx, due, now);

      const planned = due.map((run) => {
        const playbook = playbookById.get(run.playbookId)!;
        const context: RunContext = {
          account: accountById.get(run.accountId)!,
          task: run.subjectType === "task" ? taskById.get(taskIdOf(run.subjectId)) : undefined,
          reason: holding.get(occasionKey(run.accountId, run.subjectId)),
        };
        return { run, playbook, context, advance: advanceRun(run, playbook, context.reason === undefined, now) };
      });
      const stepping = planned.flatMap((entry) =>
        entry.advance.kind === "step" ? [{ ...entry, advance: entry.advance }] : [],
      );
      const kinds = new Set(stepping.map(({ advance }) => advance.step.kind));
      const needsAdmin = kinds.has("escalate_admin") || stepping.some(({ context }) => !context.account.csmId);
      const adminId = needsAdmin ? await firstAdmin(tx) : null;
      const people = await activePeople(
        tx,
        stepping.flatMap(({ context }) => [context.task?.assigneeId, context.account.csmId]).concat(adminId),
      );
      const champions = await activeChampions(
        tx,
        stepping
          .filter(
            ({ advance }) => advance.step.kind === "tell_champion" || advance.step.kind === "tell_champion_digest",
          )
          .map(({ run }) => run.accountId),
      );
      const stepInput = ({ run, context, advance }: (typeof stepping)[number]) => ({
        step: advance.step,
        accountId: run.accountId,
        csmId: context.account.csmId,
        taskAssigneeId: context.task?.assigneeId,
        now,
      });
      const wanted = stepping.flatMap((entry) =>
        stepRecipients({ people, champions }, stepInput(entry)).map((person) => ({
          recipientId: person.id,
          kind: messageKindOf(entry.advance.step.kind),
        })),
      );
      const cap = await lockWeeklyCaps(
        tx,
        wanted.map((want) => want.recipientId),
        now,
      );
      const schedules = await mailSchedules(tx, wanted, now);
      const reminderChannels = await channelsFor(
        tx,
        wanted.filter((want) => want.kind === "reminders").map((want) => want.recipientId),
        "task_due",
      );
      const facts: StepFacts = {
        people,
        champions,
        firstAdminId: adminId,
        cap,
        accepts: (personId, kind) => schedules.get(scheduleKey(personId, kind)) != null,
        showsReminders: (personId) => inApp(reminderChannels.get(personId) ?? "app_email"),
      };

      const writes: RunWrites[] = [];
      for (const { run, playbook, context, advance } of planned) {
        const runWrites: RunWrites = {
          runId: run.id,
          next: advance.next,
          steps: [],
          notices: [],
          mails: [],
          workItems: [],
          digestLines: [],
        };
        try {
          if (advance.kind === "step") {
            runStep(facts, runWrites, { run, playbook, step: advance.step, index: advance.index, context, now });
          }
          writes.push(runWrites);
        } catch (error) {
          console.error(`[playbooks] run ${run.id} failed at step ${run.currentStep}`, error);
          failed.add(run.id);
        }
      }
      const mail = { now, schedules };
      let written = writes;
      try {
        await tx.transaction((savepoint) => writeRuns(savepoint, writes, mail));
      } catch (error) {
        console.error("[playbooks] writing a batch failed; writing its runs one by one", error);
        written = [];
        for (const runWrites of writes) {
          try {
            await tx.transaction((savepoint) => writeRuns(savepoint, [runWrites], mail));
            written.push(runWrites);
          } catch (runError) {
            console.error(`[playbooks] run ${runWrites.runId} failed`, runError);
            failed.add(runWrites.runId);
          }
        }
      }
      const writtenIds = new Set(written.map((entry) => entry.runId));
      for (const { run, advance } of planned) {
        if (!writtenIds.has(run.id)) continue;
        if (advance.kind === "resolved") totals.resolved++;
        else if (advance.kind === "ended") totals.completed++;
        else if (advance.kind === "step") totals.steps++;
      }
      return due.length;
    });
    if (batch < batchSize) {
      totals.failed = failed.size;
      return totals;
    }
  }
}
