import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { milestones, plans, tasks } from "~db/schema";
import { DAY_MS } from "~/lib/time";
import { milestoneProgress, nextMilestone, planProgress } from "./progress";

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The most tasks a digest lists per group; the rest are counted. */
const DIGEST_TASK_LIMIT = 10;

interface DigestTask {
  id: string;
  title: string;
  dueDate: string | null;
}

export interface DigestPlanFigures {
  /** The person's open tasks in their account's current plan (customer-visible ones only). */
  openTasks: number;
  overdue: DigestTask[];
  /** Due today or in the next 6 days (7 days in all), in the person's own calendar. */
  dueThisWeek: DigestTask[];
  plan: {
    accountId: string;
    name: string;
    /** 0..1, as the plan page computes it. */
    progress: number;
    nextMilestone: { title: string; targetDate: string } | null;
  } | null;
}

/**
 * What the weekly digest says about plans for many customer people (three queries whatever their
 * number): their own open tasks — overdue and due within 7 days of `today` in their own calendar,
 * like My tasks — and their account's current plan with its progress and next milestone.
 */
export async function planDigestInputs(
  people: readonly { userId: string; accountId: string; today: string }[],
): Promise<Map<string, DigestPlanFigures>> {
  const result = new Map<string, DigestPlanFigures>();
  if (people.length === 0) return result;
  const userIds = people.map((person) => person.userId);
  const accountIds = [...new Set(people.map((person) => person.accountId))];
  const inCurrentPlan = sql`exists (select 1 from ${plans} p where p.id = ${tasks.planId} and p.account_id = ${tasks.accountId} and p.is_current)`;
  const ranked = db
    .select({
      id: tasks.id,
      title: tasks.title,
      dueDate: tasks.dueDate,
      assigneeId: tasks.assigneeId,
      accountId: tasks.accountId,
      rank: sql<number>`row_number() over (partition by ${tasks.assigneeId} order by coalesce(${tasks.dueDate}, '9999-12-31'::date), ${tasks.id})`.as(
        "rank",
      ),
      total: sql<number>`count(*) over (partition by ${tasks.assigneeId})`.as("total"),
    })
    .from(tasks)
    .where(and(inArray(tasks.assigneeId, userIds), ne(tasks.status, "done"), eq(tasks.internal, false), inCurrentPlan))
    .as("ranked");
  const [taskRows, planRows, milestoneRows, milestoneTasks] = await Promise.all([
    // Bounded per person: overdue and this week's come first by due date, so 2 × the limit covers both.
    db
      .select()
      .from(ranked)
      .where(sql`${ranked.rank} <= ${DIGEST_TASK_LIMIT * 2}`),
    db
      .select({ id: plans.id, accountId: plans.accountId, name: plans.name })
      .from(plans)
      .where(and(inArray(plans.accountId, accountIds), eq(plans.isCurrent, true))),
    db
      .select({
        id: milestones.id,
        accountId: milestones.accountId,
        title: milestones.title,
        targetDate: milestones.targetDate,
        vendorSignedAt: milestones.vendorSignedAt,
        customerSignedAt: milestones.customerSignedAt,
      })
      .from(milestones)
      .innerJoin(plans, and(eq(plans.id, milestones.planId), eq(plans.isCurrent, true)))
      .where(inArray(milestones.accountId, accountIds))
      .orderBy(asc(milestones.position), asc(milestones.targetDate)),
    db
      .select({
        milestoneId: tasks.milestoneId,
        total: sql<number>`count(*)`.mapWith(Number),
        done: sql<number>`count(*) filter (where ${tasks.status} = 'done')`.mapWith(Number),
      })
      .from(tasks)
      .innerJoin(plans, and(eq(plans.id, tasks.planId), eq(plans.isCurrent, true)))
      .where(inArray(tasks.accountId, accountIds))
      .groupBy(tasks.milestoneId),
  ]);

  const counts = new Map(milestoneTasks.map((row) => [row.milestoneId, row]));
  const milestonesByAccount = new Map<string, typeof milestoneRows>();
  for (const milestone of milestoneRows) {
    const list = milestonesByAccount.get(milestone.accountId) ?? [];
    list.push(milestone);
    milestonesByAccount.set(milestone.accountId, list);
  }
  const planByAccount = new Map<string, DigestPlanFigures["plan"]>();
  for (const plan of planRows) {
    const own = (milestonesByAccount.get(plan.accountId) ?? []).map((milestone) => {
      const achieved = Boolean(milestone.vendorSignedAt && milestone.customerSignedAt);
      const count = counts.get(milestone.id);
      // milestoneProgress reads the share of tasks done; the counts stand in for the task list.
      const progress = achieved
        ? 1
        : count && count.total > 0
          ? count.done / count.total
          : milestoneProgress({ achieved, tasks: [] });
      return { title: milestone.title, targetDate: milestone.targetDate, achieved, progress };
    });
    const next = nextMilestone(own);
    planByAccount.set(plan.accountId, {
      accountId: plan.accountId,
      name: plan.name,
      progress: planProgress(own.map((milestone) => milestone.progress)),
      nextMilestone: next ? { title: next.title, targetDate: next.targetDate } : null,
    });
  }

  const tasksByPerson = new Map<string, typeof taskRows>();
  for (const row of taskRows) {
    const key = `${row.assigneeId}:${row.accountId}`;
    const list = tasksByPerson.get(key) ?? [];
    list.push(row);
    tasksByPerson.set(key, list);
  }
  for (const person of people) {
    const own = tasksByPerson.get(`${person.userId}:${person.accountId}`) ?? [];
    const weekEnd = addDays(person.today, 6);
    const pick = (row: (typeof own)[number]): DigestTask => ({ id: row.id, title: row.title, dueDate: row.dueDate });
    result.set(person.userId, {
      openTasks: Number(own[0]?.total ?? 0),
      overdue: own
        .filter((row) => row.dueDate !== null && row.dueDate < person.today)
        .slice(0, DIGEST_TASK_LIMIT)
        .map(pick),
      dueThisWeek: own
        .filter((row) => row.dueDate !== null && row.dueDate >= person.today && row.dueDate <= weekEnd)
        .slice(0, DIGEST_TASK_LIMIT)
        .map(pick),
      plan: planByAccount.get(person.accountId) ?? null,
    });
  }
  return result;
}
