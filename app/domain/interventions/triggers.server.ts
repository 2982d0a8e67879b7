import { and, inArray, sql } from "drizzle-orm";
import type { Executor } from "~db/client.server";
import { accounts, users, type PlaybookSubjectType, type PlaybookTrigger } from "~db/schema";
import type { DomainEvent } from "~/domain/events/types";
import { currentGrades, lastQbrDates } from "~/domain/health/playbook-inputs.server";
import {
  milestonesAtRiskForPlaybooks,
  openTasksDueForPlaybooks,
  tasksForPlaybooks,
} from "~/domain/plans/playbook-inputs.server";
import { championsLost } from "~/domain/people/champions-lost.server";
import { renewalStates } from "~/domain/revenue/account-revenue.server";
import { daysUntil, todayIn } from "~/lib/format";
import { DAY_MS } from "~/lib/time";
import { CHAMPION_LOOKBACK_DAYS, NPS_DETRACTOR_MAX } from "./playbook-rules";

/*
 * Every trigger kind in one table: what a run is about (its subject) and when its reason is gone.
 *
 * A condition trigger answers the accounts' current *occasions*: `renewal:2027-03-31` (the renewal
 * date), `sign-in:2026-10-02` (the last sign-in), `milestone:<id>` (at risk or stalled)… each with
 * a number of days (until the renewal, since the last sign-in). The advance job starts a run for an
 * occasion whose days pass the playbook's threshold, once per occasion whatever its status now; a
 * run is resolved when its occasion is no longer among its account's current ones (the renewal date
 * moved, someone signed in, the milestone was achieved). An event trigger names the subject from the
 * event and answers which of its runs' reasons still hold.
 */

export interface Occasion {
  accountId: string;
  subjectId: string;
  /** Days until (renewal, due date) or since (sign-in, QBR, deactivation); 0 when the kind has none. */
  days: number;
  /** What the run is about, for its messages (a task's or milestone's title). */
  label?: string;
}

export interface AccountFacts {
  id: string;
  segmentId: string;
  timeZone: string;
  renewalDate: string;
  createdAt: Date;
}

type Key = string;
export const occasionKey = (accountId: string, subjectId: string): Key => `${accountId}\u0000${subjectId}`;

type ConditionKind =
  "renewal_within" | "no_sign_in" | "task_due_soon" | "qbr_overdue" | "milestone_at_risk" | "champion_deactivated";
type EventKind = "task_overdue" | "nps_detractor" | "health_grade_dropped";

interface ConditionTrigger {
  subjectType: PlaybookSubjectType;
  /**
   * The accounts' current occasions. `horizon`: the largest threshold of the playbooks asking, to
   * leave out occasions none of them would start (null when telling which runs still hold).
   */
  occasions(
    executor: Executor,
    accounts: readonly AccountFacts[],
    now: Date,
    horizon: number | null,
  ): Promise<Occasion[]>;
  /** Whether an occasion starts a run of a playbook with this trigger. */
  starts(occasion: Occasion, trigger: PlaybookTrigger): boolean;
}

const triggerDays = (trigger: PlaybookTrigger) => ("days" in trigger ? trigger.days : 0);

/** Today in each time zone, asked once per zone. */
function todays(now: Date) {
  const byZone = new Map<string, string>();
  return (timeZone: string) => {
    let today = byZone.get(timeZone);
    if (!today) byZone.set(timeZone, (today = todayIn(timeZone, now)));
    return today;
  };
}

const daysSince = (at: Date, now: Date) => (now.getTime() - at.getTime()) / DAY_MS;

export const CONDITION_TRIGGERS: Record<ConditionKind, ConditionTrigger> = {
  /**
   * N days before the renewal date: the revenue subscription's (the account's own column without
   * one), in the account's calendar. A churned account has no renewal coming, and one whose renewal
   * is recorded (a `renewal` ledger entry for this term) or closed (the date moved on) has no
   * occasion for the old date any more.
   */
  renewal_within: {
    subjectType: "renewal",
    async occasions(executor, list, now) {
      const renewals = await renewalStates(
        list.map((account) => account.id),
        executor,
      );
      const today = todays(now);
      return list.flatMap((account) => {
        const renewal = renewals.get(account.id);
        if (renewal?.churned || renewal?.recorded) return [];
        const date = renewal?.renewalDate ?? account.renewalDate;
        return [
          { accountId: account.id, subjectId: `renewal:${date}`, days: daysUntil(date, today(account.timeZone)) },
        ];
      });
    },
    starts: (occasion, trigger) => occasion.days >= 0 && occasion.days <= triggerDays(trigger),
  },
  /** Nobody of the account (active people) signed in for N days; the subject is the last sign-in's day. */
  no_sign_in: {
    subjectType: "sign_in",
    async occasions(executor, list, now) {
      const rows = list.length
        ? await executor
            .select({
              accountId: users.accountId,
              last: sql<Date | null>`max(${users.lastSignInAt})`.mapWith((value: string | null) =>
                value === null ? null : new Date(value),
              ),
              lastDay: sql<string | null>`max(${users.lastSignInAt})::date::text`,
            })
            .from(users)
            .where(
              and(
                inArray(
                  users.accountId,
                  list.map((account) => account.id),
                ),
                sql`${users.deactivatedAt} is null`,
              ),
            )
            .groupBy(users.accountId)
        : [];
      const byAccount = new Map(rows.map((row) => [row.accountId!, row]));
      return list.map((account) => {
        const row = byAccount.get(account.id);
        return {
          accountId: account.id,
          subjectId: `sign-in:${row?.lastDay ?? "never"}`,
          days: daysSince(row?.last ?? account.createdAt, now),
        };
      });
    },
    starts: (occasion, trigger) => occasion.days > triggerDays(trigger),
  },
  /** An open task due within N days (its subject: the task at its due date, so a moved date is a new occasion). */
  task_due_soon: {
    subjectType: "task",
    async occasions(executor, list, now, horizon) {
      const due = await openTasksDueForPlaybooks(
        list.map((account) => account.id),
        now,
        horizon,
        executor,
      );
      return due.map((task) => ({
        accountId: task.accountId,
        subjectId: dueTaskSubject(task.id, task.dueDate),
        days: task.daysLeft,
        label: task.title,
      }));
    },
    starts: (occasion, trigger) => occasion.days >= 0 && occasion.days <= triggerDays(trigger),
  },
  /** N days since the account's last QBR touch (since it was created, without one). */
  qbr_overdue: {
    subjectType: "qbr",
    async occasions(executor, list, now) {
      const last = await lastQbrDates(
        list.map((account) => account.id),
        executor,
      );
      const today = todays(now);
      return list.map((account) => {
        const day = last.get(account.id);
        return {
          accountId: account.id,
          subjectId: `qbr:${day ?? "never"}`,
          days: day ? -daysUntil(day, today(account.timeZone)) : daysSince(account.createdAt, now),
        };
      });
    },
    starts: (occasion, trigger) => occasion.days >= triggerDays(trigger),
  },
  /** A milestone of the current plan at risk or stalled; resolved once it is achieved or back on track. */
  milestone_at_risk: {
    subjectType: "milestone",
    async occasions(executor, list, now) {
      const milestones = await milestonesAtRiskForPlaybooks(
        list.map((account) => account.id),
        now,
        executor,
      );
      return milestones.map((milestone) => ({
        accountId: milestone.accountId,
        subjectId: `milestone:${milestone.id}`,
        days: 0,
        label: milestone.title,
      }));
    },
    starts: () => true,
  },
  /**
   * A champion lost within the last CHAMPION_LOOKBACK_DAYS: deactivated, or made a member;
   * resolved when they are active again or champion again.
   */
  champion_deactivated: {
    subjectType: "champion",
    async occasions(executor, list, now, horizon) {
      const since = horizon === null ? null : new Date(now.getTime() - CHAMPION_LOOKBACK_DAYS * DAY_MS);
      const lost = await championsLost(
        executor,
        list.map((account) => account.id),
        since,
      );
      return lost.map((entry) => ({
        accountId: entry.accountId,
        subjectId: `champion:${entry.userId}`,
        days: daysSince(entry.at, now),
        label: entry.name,
      }));
    },
    starts: (occasion) => occasion.days <= CHAMPION_LOOKBACK_DAYS,
  },
};

export const isConditionKind = (kind: PlaybookTrigger["kind"]): kind is ConditionKind => kind in CONDITION_TRIGGERS;

/** A due-soon task's subject: the task at this due date. An overdue task's subject is the task id alone. */
const dueTaskSubject = (taskId: string, dueDate: string) => `${taskId}@${dueDate}`;
export const taskIdOf = (subjectId: string) => subjectId.split("@")[0]!;

interface EventTrigger {
  subjectType: PlaybookSubjectType;
  eventType: DomainEvent["type"];
  /** The run's subject for this event, or null when the event doesn't start one. */
  subject(event: DomainEvent): string | null;
}

const GRADE_RANK = { red: 0, yellow: 1, green: 2 } as const;

export const EVENT_TRIGGERS: Record<EventKind, EventTrigger> = {
  task_overdue: {
    subjectType: "task",
    eventType: "task.overdue",
    subject: (event) => (event.type === "task.overdue" ? event.payload.taskId : null),
  },
  nps_detractor: {
    subjectType: "nps",
    eventType: "nps.submitted",
    subject: (event) =>
      event.type === "nps.submitted" && event.payload.score <= NPS_DETRACTOR_MAX
        ? `nps:${event.payload.responseId}:${event.payload.score}`
        : null,
  },
  /** The subject keeps the grade it fell from: the run is resolved once the account is back at it. */
  health_grade_dropped: {
    subjectType: "health",
    eventType: "health.grade_changed",
    subject: (event) =>
      event.type === "health.grade_changed" &&
      event.payload.from !== null &&
      GRADE_RANK[event.payload.to] < GRADE_RANK[event.payload.from]
        ? `grade:${event.payload.from}:${event.id}`
        : null,
  },
};

/** The trigger kinds an event type starts runs for. */
export function eventKindsFor(type: DomainEvent["type"]): EventKind[] {
  return (Object.keys(EVENT_TRIGGERS) as EventKind[]).filter((kind) => EVENT_TRIGGERS[kind].eventType === type);
}

/** The accounts' facts the condition triggers read (people's `accounts`, readable by every area). */
export async function accountFacts(executor: Executor, accountIds?: readonly string[]): Promise<AccountFacts[]> {
  return executor
    .select({
      id: accounts.id,
      segmentId: accounts.segmentId,
      timeZone: accounts.timeZone,
      renewalDate: accounts.renewalDate,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .where(accountIds ? inArray(accounts.id, [...new Set(accountIds)]) : undefined);
}

export interface RunReason {
  accountId: string;
  subjectType: PlaybookSubjectType;
  subjectId: string;
}

/**
 * Which of these runs' reasons still hold, by `occasionKey` (with the occasion, for its label): a
 * fixed number of queries per subject type for any number of runs. A run not in the answer is resolved.
 */
export async function reasonsHolding(
  executor: Executor,
  runs: readonly RunReason[],
  now: Date,
): Promise<Map<Key, Occasion>> {
  const holding = new Map<Key, Occasion>();
  const byType = new Map<PlaybookSubjectType, RunReason[]>();
  for (const run of runs) {
    const list = byType.get(run.subjectType) ?? [];
    list.push(run);
    byType.set(run.subjectType, list);
  }
  const hold = (run: RunReason, label?: string) =>
    holding.set(occasionKey(run.accountId, run.subjectId), { ...run, days: 0, label });

  for (const [type, list] of byType) {
    if (type === "task") {
      const tasks = await tasksForPlaybooks(
        list.map((run) => taskIdOf(run.subjectId)),
        executor,
      );
      for (const run of list) {
        const task = tasks.get(taskIdOf(run.subjectId));
        const [, dueDate] = run.subjectId.split("@");
        if (task && !task.done && (dueDate === undefined || task.dueDate === dueDate)) hold(run, task.title);
      }
    } else if (type === "nps") {
      // A detractor's answer stays what it was: its run goes through its steps and ends.
      for (const run of list) hold(run);
    } else if (type === "health") {
      const grades = await currentGrades(
        list.map((run) => run.accountId),
        executor,
      );
      for (const run of list) {
        const from = run.subjectId.split(":")[1] as keyof typeof GRADE_RANK;
        const grade = grades.get(run.accountId);
        if (!grade || GRADE_RANK[grade] < GRADE_RANK[from]) hold(run);
      }
    } else {
      const condition = Object.values(CONDITION_TRIGGERS).find((trigger) => trigger.subjectType === type);
      if (!condition) continue;
      const facts = await accountFacts(
        executor,
        list.map((run) => run.accountId),
      );
      for (const occasion of await condition.occasions(executor, facts, now, null)) {
        holding.set(occasionKey(occasion.accountId, occasion.subjectId), occasion);
      }
    }
  }
  return holding;
}
