import { type SQL, and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { accounts, users, workItems, type WorkItemOutcome, type WorkItemPriority } from "~db/schema";
import type { StaffActor } from "~/domain/auth/actor";
import { recordActivities, recordActivity } from "~/domain/activity/activity.server";
import { newId } from "~/lib/ids.server";
import { type SortPart, keysetCondition, keysetOrder } from "~/lib/keyset.server";
import { PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { type AccountGroupKey, type AccountGroupRow, groupKeyOf } from "~/lib/account-groups";
import type { CloseWorkItemInput, NewWorkItemInput, WorkQueueScope } from "./work-item-rules";

export interface WorkItemDraft {
  accountId: string;
  assigneeId: string;
  reason: string;
  priority: WorkItemPriority;
  dueDate: string | null;
  runId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  createdById: string | null;
}

/** Writes a work item and its activity entry in the caller's transaction (a playbook step or a CSM). */
export async function insertWorkItem(tx: Executor, draft: WorkItemDraft): Promise<string> {
  const [id] = await insertWorkItems(tx, [draft]);
  return id!;
}

/** `insertWorkItem` for many items: one insert for the items, one for their activity entries. */
export async function insertWorkItems(tx: Executor, drafts: readonly WorkItemDraft[]): Promise<string[]> {
  if (drafts.length === 0) return [];
  const rows = drafts.map((draft) => ({ id: newId(), ...draft }));
  await tx.insert(workItems).values(rows);
  await recordActivities(
    tx,
    rows.map((row) => ({
      accountId: row.accountId,
      actorId: row.createdById,
      action: "work_item.created",
      subjectType: "work_item",
      subjectId: row.id,
      details: { title: row.reason, priority: row.priority, ...(row.runId ? { runId: row.runId } : {}) },
    })),
  );
  return rows.map((row) => row.id);
}

/** Staff who can own a work item: active admins and CSMs. */
export async function listWorkItemAssignees(executor: Executor = db) {
  return executor
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.staffRole, ["admin", "csm"]), isNull(users.deactivatedAt)))
    .orderBy(users.name)
    .limit(200);
}

/** A CSM adds a call to action by hand on an account's page. */
export async function createWorkItem(
  actor: StaffActor,
  accountId: string,
  input: NewWorkItemInput,
): Promise<{ ok: true; id: string } | { ok: false; error: "not_found" | "invalid_assignee" }> {
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId));
    if (!account) return { ok: false as const, error: "not_found" as const };
    const [assignee] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(eq(users.id, input.assigneeId), inArray(users.staffRole, ["admin", "csm"]), isNull(users.deactivatedAt)),
      );
    if (!assignee) return { ok: false as const, error: "invalid_assignee" as const };
    const id = await insertWorkItem(tx, {
      accountId,
      assigneeId: assignee.id,
      reason: input.reason,
      priority: input.priority,
      dueDate: input.dueDate,
      subjectType: "manual",
      createdById: actor.id,
    });
    return { ok: true as const, id };
  });
}

/**
 * Closes an open item with its outcome and note. Scoped by account in the update itself: an item of
 * another account (or none) is not_found, one closed already is `closed`; nothing changes either way.
 */
export async function closeWorkItem(
  actor: StaffActor,
  accountId: string,
  input: Pick<CloseWorkItemInput, "itemId" | "outcome" | "note">,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: "not_found" | "closed" }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: workItems.id, status: workItems.status, reason: workItems.reason })
      .from(workItems)
      .where(and(eq(workItems.id, input.itemId), eq(workItems.accountId, accountId)))
      .for("update");
    if (!row) return { ok: false as const, error: "not_found" as const };
    if (row.status !== "open") return { ok: false as const, error: "closed" as const };
    await tx
      .update(workItems)
      .set({
        status: "closed",
        outcome: input.outcome as WorkItemOutcome,
        note: input.note,
        closedById: actor.id,
        closedAt: now,
      })
      .where(and(eq(workItems.id, row.id), eq(workItems.accountId, accountId)));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "work_item.closed",
      subjectType: "work_item",
      subjectId: row.id,
      details: { title: row.reason, outcome: input.outcome },
    });
    return { ok: true as const };
  });
}

/** Open work items per account (the account page now; the account list can call it with a page's ids). */
export async function countOpenWorkItems(
  accountIds: readonly string[],
  executor: Executor = db,
): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const rows = await executor
    .select({ accountId: workItems.accountId, open: count() })
    .from(workItems)
    .where(and(inArray(workItems.accountId, [...accountIds]), eq(workItems.status, "open")))
    .groupBy(workItems.accountId);
  return new Map(rows.map((row) => [row.accountId, Number(row.open)]));
}

/** Each assignee's open work items and how many of those are past due on `today`: one query (the portfolio's team view). */
export async function workItemLoadByAssignee(
  assigneeIds: readonly string[],
  today: string,
  executor: Executor = db,
): Promise<Map<string, { open: number; overdue: number }>> {
  if (assigneeIds.length === 0) return new Map();
  const rows = await executor
    .select({
      assigneeId: workItems.assigneeId,
      open: count(),
      overdue: sql<number>`count(*) filter (where ${workItems.dueDate} < ${today}::date)`.mapWith(Number),
    })
    .from(workItems)
    .where(and(inArray(workItems.assigneeId, [...assigneeIds]), eq(workItems.status, "open")))
    .groupBy(workItems.assigneeId);
  return new Map(rows.map((row) => [row.assigneeId, { open: Number(row.open), overdue: row.overdue }]));
}

export interface WorkQueueFilters {
  scope: WorkQueueScope;
  status: "open" | "closed";
  priority?: WorkItemPriority;
  accountId?: string;
}

/**
 * The work queue, overdue first (due before the viewer's today), then by due date (none last),
 * then newest. Keyset paged: the key is (overdue rank, due date text, id).
 */
export async function listWorkQueue(
  actor: StaffActor,
  filters: WorkQueueFilters,
  rawCursor?: string | null,
  options: { now?: Date; pageSize?: number } = {},
) {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: actor.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(options.now ?? new Date());
  const rank = sql<number>`(case when ${workItems.dueDate} < ${today}::date then 0 else 1 end)`;
  const due = sql<string>`coalesce(${workItems.dueDate}::text, '9999-12-31')`;
  const order: SortPart[] = [{ expr: rank }, { expr: due }, { expr: workItems.id }];
  const fingerprint = filterFingerprint({ list: "work-queue", today, ...filters, viewer: actor.id });
  const cursor = decodeCursor(rawCursor, fingerprint, order.length);
  const conditions: (SQL | undefined)[] = [
    eq(workItems.status, filters.status),
    filters.scope === "mine" ? eq(workItems.assigneeId, actor.id) : undefined,
    filters.priority ? eq(workItems.priority, filters.priority) : undefined,
    filters.accountId ? eq(workItems.accountId, filters.accountId) : undefined,
  ];
  const assignee = sql<string>`(select ${users.name} from ${users} where ${users.id} = ${workItems.assigneeId})`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: workItems.id,
        accountId: workItems.accountId,
        accountName: accounts.name,
        reason: workItems.reason,
        priority: workItems.priority,
        dueDate: workItems.dueDate,
        subjectType: workItems.subjectType,
        subjectId: workItems.subjectId,
        runId: workItems.runId,
        outcome: workItems.outcome,
        note: workItems.note,
        assigneeName: assignee,
        createdAt: workItems.createdAt,
        rank,
        dueKey: due,
      })
      .from(workItems)
      .innerJoin(accounts, eq(accounts.id, workItems.accountId))
      .where(and(...conditions, keysetCondition(order, cursor)))
      .orderBy(...keysetOrder(order, cursor))
      .limit(pageSize + 1),
    db
      .select({ total: count() })
      .from(workItems)
      .where(and(...conditions)),
  ]);
  const { rows: shown, page } = pageFromRows(rows, {
    cursor,
    pageSize,
    fingerprint,
    total: Number(total?.total ?? 0),
    keyOf: (row) => [row.rank, row.dueKey, row.id],
  });
  return {
    page,
    today,
    items: shown.map(({ rank, dueKey: _dueKey, ...row }) => ({ ...row, overdue: rank === 0 })),
  };
}

/** The window of closed work items the vendor's own measures count. */
export const CLOSED_IN_TIME_DAYS = 90;

export interface WorkItemTimeliness extends AccountGroupKey {
  /** Work items with a due date closed in the last CLOSED_IN_TIME_DAYS days, and those closed by it. */
  closed: number;
  onTime: number;
}

/** Per CSM and per segment (the account's): work items closed in time over the last 90 days. One query. */
export async function workItemTimelinessByGroup(
  now = new Date(),
  executor: Executor = db,
): Promise<WorkItemTimeliness[]> {
  const rows = await executor.execute<AccountGroupRow & { closed: string; on_time: string }>(sql`
    select grouping(a.csm_id) = 0 as by_csm, a.csm_id, a.segment_id,
      count(*) as closed,
      count(*) filter (where (w.closed_at at time zone a.time_zone)::date <= w.due_date) as on_time
    from work_items w join accounts a on a.id = w.account_id
    where w.status = 'closed' and w.due_date is not null
      and w.closed_at > ${now.toISOString()}::timestamptz - make_interval(days => ${CLOSED_IN_TIME_DAYS}::int)
    group by grouping sets ((a.csm_id), (a.segment_id))`);
  return rows.map((row) => ({ ...groupKeyOf(row), closed: Number(row.closed), onTime: Number(row.on_time) }));
}
