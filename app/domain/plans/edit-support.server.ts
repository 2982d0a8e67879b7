import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "~db/client.server";
import { plans, users } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import type { AssigneeRef } from "./plan-permissions";

/**
 * Lookups the plan-editing functions share. Everything is scoped by the account in the WHERE
 * clause, and another account simply doesn't exist for a customer.
 */

export const isOtherAccount = (actor: Actor, accountId: string) =>
  actor.kind === "customer" && actor.accountId !== accountId;

/** The plan, or null when no plan with this id belongs to this account (for this actor). */
export async function findPlan(tx: Transaction, actor: Actor, accountId: string, planId: string, lock = false) {
  if (isOtherAccount(actor, accountId)) return null;
  const query = tx
    .select({
      id: plans.id,
      name: plans.name,
      startDate: plans.startDate,
      isCurrent: plans.isCurrent,
      version: plans.version,
    })
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.accountId, accountId)));
  const [plan] = lock ? await query.for("update") : await query;
  return plan ?? null;
}

/** A person as the assignment and ownership rules need them; null for an id that matches no one. */
export async function findPerson(
  tx: Transaction,
  id: string,
): Promise<(AssigneeRef & { id: string; name: string }) | null> {
  const [person] = await tx
    .select({
      id: users.id,
      name: users.name,
      staffRole: users.staffRole,
      accountId: users.accountId,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!person) return null;
  return {
    id: person.id,
    name: person.name,
    staffRole: person.staffRole,
    accountId: person.accountId,
    active: person.deactivatedAt === null,
  };
}

/** The name of a person, for old → new entries in the activity log. */
export async function nameOf(tx: Transaction, id: string | null): Promise<string | null> {
  if (id === null) return null;
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

/** The next position at the end of a list (`max + 1`, or 0 for an empty one). */
export const nextPosition = (column: unknown) => sql<number>`coalesce(max(${column}), -1)::int + 1`;
