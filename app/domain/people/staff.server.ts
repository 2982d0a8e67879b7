import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { type StaffRole, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { endAllSessions } from "~/domain/auth/sessions.server";

export async function listStaff() {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      staffRole: users.staffRole,
      deactivatedAt: users.deactivatedAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(isNotNull(users.staffRole))
    .orderBy(sql`${users.deactivatedAt} is not null`, asc(users.name));
}

export type StaffChangeError = "not_found" | "last_admin" | "self";

/** Role changes and deactivation never leave the workspace without an active admin. */
export async function updateStaffMember(
  actor: Actor,
  userId: string,
  change: { role: StaffRole } | { deactivate: true } | { reactivate: true },
): Promise<{ ok: true } | { ok: false; error: StaffChangeError }> {
  if (actor.id === userId) return { ok: false, error: "self" };
  return db.transaction(async (tx) => {
    // Serialize admin-count checks across concurrent changes.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tandem.staff'))`);
    const [member] = await tx
      .select({ role: users.staffRole, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(and(eq(users.id, userId), isNotNull(users.staffRole)));
    if (!member) return { ok: false as const, error: "not_found" as const };
    const [admins] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(users)
      .where(and(eq(users.staffRole, "admin"), isNull(users.deactivatedAt)));
    const changesNothing =
      ("role" in change && change.role === member.role) ||
      ("deactivate" in change && member.deactivatedAt) ||
      ("reactivate" in change && !member.deactivatedAt);
    if (changesNothing) return { ok: true as const };
    const isActiveAdmin = member.role === "admin" && !member.deactivatedAt;
    const removesAdmin = ("role" in change && change.role !== "admin") || "deactivate" in change;
    if (isActiveAdmin && removesAdmin && (admins?.n ?? 0) <= 1)
      return { ok: false as const, error: "last_admin" as const };

    if ("role" in change) {
      await tx.update(users).set({ staffRole: change.role }).where(eq(users.id, userId));
    } else if ("deactivate" in change) {
      await tx.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, userId));
      await endAllSessions(tx, userId);
    } else {
      await tx.update(users).set({ deactivatedAt: null }).where(eq(users.id, userId));
    }
    await recordActivity(tx, {
      accountId: null,
      actorId: actor.id,
      action:
        "role" in change ? "staff.role_changed" : "deactivate" in change ? "staff.deactivated" : "staff.reactivated",
      subjectType: "user",
      subjectId: userId,
      details: "role" in change ? { from: member.role, to: change.role } : {},
    });
    return { ok: true as const };
  });
}
