import { and, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { type StaffRole, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { endAllSessions } from "~/domain/auth/sessions.server";
import type { StaffContact } from "./profile-schemas";
import { type SortPart, keysetCondition, keysetOrder } from "~/lib/keyset.server";
import { PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";

const staffColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  staffRole: users.staffRole,
  title: users.title,
  meetingUrl: users.meetingUrl,
  deactivatedAt: users.deactivatedAt,
  lastSignInAt: users.lastSignInAt,
};

// Active people first, then by name; the id makes the order total for keyset pages.
const inactive = sql`(${users.deactivatedAt} is not null)::int`;
const staffOrder: SortPart[] = [{ expr: inactive }, { expr: users.name }, { expr: users.id }];

/**
 * One page of the vendor team (active people first, then by name) and how many there are: two
 * queries. A cursor that is unreadable or from another list means the first page.
 */
export async function listStaffPage(options: { cursor?: string | null; pageSize?: number } = {}) {
  const fingerprint = filterFingerprint({ list: "staff" });
  const cursor = decodeCursor(options.cursor, fingerprint, staffOrder.length);
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const [rows, [counted]] = await Promise.all([
    db
      .select(staffColumns)
      .from(users)
      .where(and(isNotNull(users.staffRole), keysetCondition(staffOrder, cursor)))
      .orderBy(...keysetOrder(staffOrder, cursor))
      .limit(pageSize + 1),
    db.select({ n: count() }).from(users).where(isNotNull(users.staffRole)),
  ]);
  return pageFromRows(rows, {
    cursor,
    pageSize,
    fingerprint,
    total: counted?.n ?? 0,
    keyOf: (row) => [row.deactivatedAt ? 1 : 0, row.name, row.id],
  });
}

/** One vendor team member, or null. */
export async function getStaffMember(userId: string) {
  const [member] = await db
    .select(staffColumns)
    .from(users)
    .where(and(eq(users.id, userId), isNotNull(users.staffRole)));
  return member ?? null;
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

/**
 * An admin sets a teammate's title and meeting link (what customers see on their CSM card). Checked
 * by the caller's `StaffContactSchema`; only a staff row is changed, and the change is in the trail.
 */
export async function updateStaffContact(
  actor: Actor,
  userId: string,
  contact: StaffContact,
): Promise<{ ok: true } | { ok: false; error: "not_found" }> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ title: contact.title, meetingUrl: contact.meetingUrl })
      .where(and(eq(users.id, userId), isNotNull(users.staffRole)))
      .returning({ id: users.id });
    if (!updated) return { ok: false as const, error: "not_found" as const };
    await recordActivity(tx, {
      accountId: null,
      actorId: actor.id,
      action: "staff.contact_changed",
      subjectType: "user",
      subjectId: userId,
      details: {},
    });
    return { ok: true as const };
  });
}
