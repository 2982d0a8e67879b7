import { inArray } from "drizzle-orm";
import { db } from "~db/client.server";
import { plans, type tasks, users } from "~db/schema";
import { type ActivityEntry, recordActivities } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { requestHealthRecompute } from "~/domain/health/triggers.server";
import { findPerson, isOtherAccount } from "./edit-support.server";
import { changesOf, dateErrors } from "./plan-edit-rules";
import { notifyTaskAssigned } from "./plan-notices.server";
import { canOnPlan } from "./plan-permissions";
import { type BulkEditInput, BulkEditSchema } from "./task-bulk";
import { type LockedTask, lockTasks, statusChange, taskDetails, writeTaskVersion } from "./task-actions.server";

/**
 * Why a bulk edit wrote nothing. Each refusal that is about some of the tasks names them
 * (`titles`), so the person knows which rows to look at.
 * - `invalid`          the input itself (`code`: a key under `plans:bulk.errors`)
 * - `not_found`        some selected tasks no longer exist (or never did, for this person)
 * - `forbidden`        the person may not edit these tasks (a champion's vendor-side ones)
 * - `stale`            these tasks changed since the page was loaded
 * - `invalid_assignee` the chosen person can't take these tasks (the other side's tasks, or no such person)
 * - `before_start`     the due date is before these tasks' plan started
 */
type BulkEditError = "invalid" | "not_found" | "forbidden" | "stale" | "invalid_assignee" | "before_start";
export type BulkEditResult =
  { ok: true; updated: number } | { ok: false; error: BulkEditError; titles: string[]; code?: string };

const refuse = (error: BulkEditError, titles: string[] = [], code?: string): BulkEditResult => ({
  ok: false,
  error,
  titles,
  ...(code ? { code } : {}),
});

const FIELDS = ["assigneeId", "dueDate", "status"] as const;

/**
 * Sets the assignee, the due date and/or the status of up to `BULK_MAX` tasks in one transaction.
 * Every task is checked first — it exists for this person, "task.edit" (so a champion edits only
 * customer-side tasks), the version the person was shown, an assignee of its side
 * ("task.assign"), a due date not before its plan's start, and the status rule of a single change
 * (`statusChange`) — and if any task fails, nothing is written and the answer names those tasks.
 * Then each changed task is written through the one versioned write, with one "task.updated"
 * entry per task (its changed fields, `bulk: true`) and, for a new assignee, the same bell item /
 * email a single assignment sends, all in the same transaction. Tasks already as asked are left
 * alone.
 */
export async function bulkEditTasks(actor: Actor, accountId: string, input: BulkEditInput): Promise<BulkEditResult> {
  const parsed = BulkEditSchema.safeParse(input);
  if (!parsed.success) return refuse("invalid", [], parsed.error.issues[0]?.message ?? "malformed");
  const edit = parsed.data;
  if (isOtherAccount(actor, accountId)) return refuse("not_found");

  return db.transaction(async (tx): Promise<BulkEditResult> => {
    const locked = await lockTasks(
      tx,
      actor,
      accountId,
      edit.tasks.map((task) => task.id),
    );
    if (locked.length !== edit.tasks.length) return refuse("not_found");
    const expected = new Map(edit.tasks.map((task) => [task.id, task.version]));
    // In the order the person selected them, so the answer names them as the page lists them.
    const byId = new Map(locked.map((task) => [task.id, task]));
    const selected = edit.tasks.map((task) => byId.get(task.id)!);

    const assignee = edit.assigneeId ? await findPerson(tx, edit.assigneeId) : null;
    const startDates = new Map(
      (
        await tx
          .select({ id: plans.id, startDate: plans.startDate })
          .from(plans)
          .where(inArray(plans.id, [...new Set(selected.map((task) => task.planId))]))
      ).map((plan) => [plan.id, plan.startDate]),
    );

    const problems: Record<Exclude<BulkEditError, "invalid" | "not_found">, LockedTask[]> = {
      forbidden: [],
      stale: [],
      invalid_assignee: [],
      before_start: [],
    };
    const now = new Date();
    const writes: { task: LockedTask; values: Partial<typeof tasks.$inferInsert> }[] = [];
    let reasonMissing = false;
    for (const task of selected) {
      const ref = { side: task.side, assigneeId: task.assigneeId, internal: task.internal };
      if (!canOnPlan(actor, "task.edit", { accountId, task: ref })) {
        problems.forbidden.push(task);
        continue;
      }
      if (task.version !== expected.get(task.id)) problems.stale.push(task);
      const values: Partial<typeof tasks.$inferInsert> = {};
      if (edit.assigneeId !== undefined && edit.assigneeId !== task.assigneeId) {
        if (
          edit.assigneeId !== null &&
          (!assignee || !canOnPlan(actor, "task.assign", { accountId, task: ref, assignee }))
        )
          problems.invalid_assignee.push(task);
        values.assigneeId = edit.assigneeId;
      }
      if (edit.dueDate !== undefined && edit.dueDate !== task.dueDate) {
        if (dateErrors(startDates.get(task.planId)!, { dueDate: edit.dueDate }).dueDate)
          problems.before_start.push(task);
        values.dueDate = edit.dueDate;
      }
      if (edit.status !== undefined) {
        const change = statusChange(
          actor,
          accountId,
          task,
          { status: edit.status, blockedReason: edit.blockedReason },
          now,
        );
        if (!change.ok) {
          if (change.error === "forbidden") problems.forbidden.push(task);
          else reasonMissing = true;
        } else if (!change.unchanged) Object.assign(values, change.values);
      }
      if (Object.keys(values).length > 0) writes.push({ task, values: { ...values, updatedAt: now } });
    }
    if (reasonMissing) return refuse("invalid", [], "reason");
    for (const error of ["forbidden", "stale", "invalid_assignee", "before_start"] as const) {
      if (problems[error].length > 0)
        return refuse(
          error,
          problems[error].map((task) => task.title),
        );
    }

    const previousIds = writes.flatMap(({ task, values }) =>
      "assigneeId" in values && task.assigneeId ? [task.assigneeId] : [],
    );
    const names = new Map(
      previousIds.length > 0
        ? (
            await tx
              .select({ id: users.id, name: users.name })
              .from(users)
              .where(inArray(users.id, [...new Set(previousIds)]))
          ).map((person) => [person.id, person.name])
        : [],
    );
    const entries: ActivityEntry[] = [];
    for (const { task, values } of writes) {
      // Locked above, so this refuses nothing; it is the single edits' one versioned write.
      if (!(await writeTaskVersion(tx, accountId, task, values)))
        throw new Error(`task ${task.id} changed under its lock`);
      const changes = changesOf(task, { ...task, ...values } as LockedTask, FIELDS);
      entries.push({
        accountId,
        actorId: actor.id,
        action: "task.updated",
        subjectType: "task",
        subjectId: task.id,
        details: {
          ...taskDetails(task),
          changes,
          bulk: true,
          ...(changes.assigneeId
            ? {
                assigneeName: {
                  from: task.assigneeId ? (names.get(task.assigneeId) ?? null) : null,
                  to: edit.assigneeId ? (assignee?.name ?? null) : null,
                },
              }
            : {}),
          ...("blockedReason" in values && values.blockedReason !== task.blockedReason
            ? { blockedReason: { from: task.blockedReason, to: values.blockedReason } }
            : {}),
        },
      });
    }
    await recordActivities(tx, entries);
    for (const { task, values } of writes)
      if ("assigneeId" in values) await notifyTaskAssigned(tx, actor, accountId, task, values.assigneeId ?? null);
    if (writes.length > 0) await requestHealthRecompute(tx, accountId);
    return { ok: true, updated: writes.length };
  });
}
