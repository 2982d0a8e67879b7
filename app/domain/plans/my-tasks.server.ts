import { type SQL, and, count, eq, gte, lte, ne, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { type TaskSide, type TaskStatus, accounts, milestones, plans, tasks } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { todayIn } from "~/lib/format";
import { type SortPart, keysetCondition, keysetOrder } from "~/lib/keyset.server";
import { type Cursor, type PageInfo, PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { MY_TASK_GROUPS, type MyTaskGroup, UNDATED, groupRange } from "./my-task-groups";

export interface MyTask {
  id: string;
  title: string;
  status: TaskStatus;
  dueDate: string | null;
  overdue: boolean;
  side: TaskSide;
  version: number;
  planId: string;
  planName: string;
  accountId: string;
  accountName: string;
  milestoneTitle: string;
}

export interface MyTaskFilters {
  /** Staff only: one account's tasks (a customer's list is their own account's anyway). */
  accountId?: string;
  side?: TaskSide;
  /** One of the open statuses. */
  status?: Exclude<TaskStatus, "done">;
}

/**
 * Counting a group stops here: a person with 500,000 tasks needs "1,000+", not a scan of all of
 * them on every page load.
 */
const COUNT_CAP = 1_000;

export interface MyTaskGroupPage {
  group: MyTaskGroup;
  tasks: MyTask[];
  page: PageInfo;
  /** Tasks in the group, up to COUNT_CAP; `capped` when there are more. */
  count: number;
  capped: boolean;
}

/** A task's due date for sorting and ranges, undated last; the expression the indexes are built on. */
export const myTaskDueKey = sql<string>`coalesce(${tasks.dueDate}, ${sql.raw(`'${UNDATED}'::date`)})`;

/**
 * "In its account's current plan", as a per-row subquery rather than a join: joined on (plan id,
 * account id) the planner multiplies two selectivities, expects a handful of rows and sorts all of
 * a person's tasks; as a filter it walks the (assignee, due key, id) index in order and stops at
 * the page's end.
 */
const inCurrentPlan = sql`(select ${plans.isCurrent} from ${plans} where ${plans.id} = ${tasks.planId} and ${plans.accountId} = ${tasks.accountId})`;

/**
 * Which tasks are a person's own open ones: assigned to them, not done, in a current plan, and for
 * a customer only in their own account and never internal. My tasks and the calendar feed both
 * select with this (over `tasks`, no join needed), so they can't drift apart.
 */
export function myOpenTasksCondition(actor: Actor): SQL {
  return and(
    eq(tasks.assigneeId, actor.id),
    ne(tasks.status, "done"),
    inCurrentPlan,
    actor.kind === "customer" ? and(eq(tasks.accountId, actor.accountId), eq(tasks.internal, false)) : undefined,
  )!;
}

const planOfTask = and(eq(plans.id, tasks.planId), eq(plans.accountId, tasks.accountId));
const ORDER: SortPart[] = [{ expr: myTaskDueKey }, { expr: tasks.id }];

function groupCondition(group: MyTaskGroup, today: string): SQL | undefined {
  const { from, to } = groupRange(group, today);
  return and(from ? gte(myTaskDueKey, from) : undefined, to ? lte(myTaskDueKey, to) : undefined);
}

function filterCondition(actor: Actor, filters: MyTaskFilters): SQL | undefined {
  return and(
    filters.side ? eq(tasks.side, filters.side) : undefined,
    filters.status ? eq(tasks.status, filters.status) : undefined,
    filters.accountId && actor.kind === "staff" ? eq(tasks.accountId, filters.accountId) : undefined,
  );
}

/** A page of a group's rows (pageSize + 1, for pageFromRows), as a query; exported for EXPLAIN checks. */
function myTaskPageQuery(
  actor: Actor,
  group: MyTaskGroup,
  today: string,
  filters: MyTaskFilters,
  cursor: Cursor | null,
  pageSize: number,
) {
  // The page's ids first, from the index alone; the joins then touch only those rows.
  const page = db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        myOpenTasksCondition(actor),
        groupCondition(group, today),
        filterCondition(actor, filters),
        cursorBound(cursor),
        keysetCondition(ORDER, cursor),
      ),
    )
    .orderBy(...keysetOrder(ORDER, cursor))
    .limit(pageSize + 1)
    .as("page");
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      status: tasks.status,
      dueDate: tasks.dueDate,
      side: tasks.side,
      version: tasks.version,
      planId: plans.id,
      planName: plans.name,
      accountId: accounts.id,
      accountName: accounts.name,
      milestoneTitle: milestones.title,
    })
    .from(page)
    .innerJoin(tasks, eq(tasks.id, page.id))
    .innerJoin(plans, planOfTask)
    .innerJoin(accounts, eq(accounts.id, tasks.accountId))
    .innerJoin(milestones, and(eq(milestones.id, tasks.milestoneId), eq(milestones.accountId, tasks.accountId)))
    .orderBy(...keysetOrder(ORDER, cursor));
}

/**
 * keysetCondition's OR of branches is exact but no index range; this redundant bound on the first
 * key makes the scan start at the cursor, so a deep page reads a page's worth of index, not all
 * the rows before it.
 */
function cursorBound(cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  const [due] = cursor.key;
  return cursor.direction === "after" ? gte(myTaskDueKey, String(due)) : lte(myTaskDueKey, String(due));
}

/** Counts a group up to COUNT_CAP + 1 rows, as a query; exported for EXPLAIN checks. */
function myTaskCountQuery(actor: Actor, group: MyTaskGroup, today: string, filters: MyTaskFilters) {
  const capped = db
    .select({ one: sql`1` })
    .from(tasks)
    .where(and(myOpenTasksCondition(actor), groupCondition(group, today), filterCondition(actor, filters)))
    .limit(COUNT_CAP + 1)
    .as("capped");
  return db.select({ count: count() }).from(capped);
}

/** The cursor fingerprint of a group's pages. Today is in it: at midnight the edges move and old cursors start over. */
function myTaskFingerprint(group: MyTaskGroup, today: string, filters: MyTaskFilters): string {
  return filterFingerprint({
    list: "my-tasks",
    group,
    today,
    side: filters.side,
    status: filters.status,
    account: filters.accountId,
  });
}

async function groupPage(
  actor: Actor,
  group: MyTaskGroup,
  today: string,
  filters: MyTaskFilters,
  rawCursor: string | undefined,
  pageSize: number,
) {
  const fingerprint = myTaskFingerprint(group, today, filters);
  const cursor = decodeCursor(rawCursor, fingerprint, ORDER.length);
  const rows = await myTaskPageQuery(actor, group, today, filters, cursor, pageSize);
  return pageFromRows(
    rows.map((row) => ({ ...row, overdue: group === "overdue" })),
    { cursor, pageSize, fingerprint, keyOf: (row) => [row.dueDate ?? UNDATED, row.id] },
  );
}

async function groupCount(actor: Actor, group: MyTaskGroup, today: string, filters: MyTaskFilters) {
  const [row] = await myTaskCountQuery(actor, group, today, filters);
  const total = row?.count ?? 0;
  return { count: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}

/**
 * A person's open tasks in three groups by due date on their own calendar (`actor.timeZone`):
 * overdue, due this week (today and the next six days) and later (undated last). Each group is one
 * keyset page (cursors per group in `cursors`) and a capped count: six bounded queries, whatever
 * the number of tasks.
 */
export async function listMyTasks(
  actor: Actor,
  options: {
    filters?: MyTaskFilters;
    cursors?: Partial<Record<MyTaskGroup, string | undefined>>;
    now?: Date;
    pageSize?: number;
  } = {},
): Promise<{ today: string; groups: MyTaskGroupPage[] }> {
  const filters = options.filters ?? {};
  const today = todayIn(actor.timeZone, options.now);
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const groups = await Promise.all(
    MY_TASK_GROUPS.map(async (group) => {
      const [{ rows, page }, counted] = await Promise.all([
        groupPage(actor, group, today, filters, options.cursors?.[group], pageSize),
        groupCount(actor, group, today, filters),
      ]);
      return { group, tasks: rows, page: { ...page, total: counted.capped ? null : counted.count }, ...counted };
    }),
  );
  return { today, groups };
}

/** The name of the account My tasks is filtered to (staff only), or null when there is no such account. */
export async function myTasksAccountName(accountId: string): Promise<string | null> {
  const [row] = await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId));
  return row?.name ?? null;
}
