import { and, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { activity, sessions, users } from "~db/schema";
import { actorOf, createAccount, createCustomer, createStaff, sessionCookie } from "~db/seed/factories";
import { requireActor } from "~/domain/auth/guards.server";
import { listStaff, updateStaffMember } from "~/domain/people/staff.server";
import { thrownResponse } from "../support/responses";

async function staffRow(userId: string) {
  const [row] = await db
    .select({ role: users.staffRole, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, userId));
  return row!;
}

/** Tests in this file share one workspace: one that needs "the last admin" retires the others first. */
async function retireOtherAdmins(keep: string) {
  await db
    .update(users)
    .set({ deactivatedAt: new Date() })
    .where(and(eq(users.staffRole, "admin"), ne(users.id, keep)));
}

describe("updateStaffMember", () => {
  it("refuses to demote or deactivate the last active admin", async () => {
    const lastAdmin = await createStaff("admin");
    await retireOtherAdmins(lastAdmin.id);
    // In practice only admins manage staff; a deactivated admin stands in for "someone else".
    const someoneElse = actorOf(await createStaff("admin", { deactivatedAt: new Date() }));

    await expect(updateStaffMember(someoneElse, lastAdmin.id, { role: "csm" })).resolves.toEqual({
      ok: false,
      error: "last_admin",
    });
    await expect(updateStaffMember(someoneElse, lastAdmin.id, { deactivate: true })).resolves.toEqual({
      ok: false,
      error: "last_admin",
    });
    expect(await staffRow(lastAdmin.id)).toEqual({ role: "admin", deactivatedAt: null });
    // Keeping the role is not a removal.
    await expect(updateStaffMember(someoneElse, lastAdmin.id, { role: "admin" })).resolves.toEqual({ ok: true });
  });

  it("allows demoting an admin while another active admin remains, and records it", async () => {
    const a = await createStaff("admin");
    const b = await createStaff("admin");
    await expect(updateStaffMember(actorOf(b), a.id, { role: "marketing" })).resolves.toEqual({ ok: true });
    expect((await staffRow(a.id)).role).toBe("marketing");
    const [entry] = await db
      .select()
      .from(activity)
      .where(and(eq(activity.subjectId, a.id), eq(activity.action, "staff.role_changed")));
    expect(entry).toMatchObject({ accountId: null, actorId: b.id, details: { from: "admin", to: "marketing" } });

    await retireOtherAdmins(b.id);
    await expect(updateStaffMember(actorOf(a), b.id, { role: "csm" })).resolves.toEqual({
      ok: false,
      error: "last_admin",
    });
  });

  it("refuses any change to yourself", async () => {
    const admin = await createStaff("admin");
    await createStaff("admin");
    for (const change of [{ role: "csm" as const }, { deactivate: true as const }, { reactivate: true as const }]) {
      await expect(updateStaffMember(actorOf(admin), admin.id, change)).resolves.toEqual({ ok: false, error: "self" });
    }
    expect(await staffRow(admin.id)).toEqual({ role: "admin", deactivatedAt: null });
  });

  it("deactivation ends every session of the person and keeps their row", async () => {
    const admin = await createStaff("admin");
    const csm = await createStaff("csm");
    const cookie = await sessionCookie(csm.id);
    await sessionCookie(csm.id);
    const adminCookie = await sessionCookie(admin.id);

    await expect(updateStaffMember(actorOf(admin), csm.id, { deactivate: true })).resolves.toEqual({ ok: true });
    expect(await db.$count(sessions, eq(sessions.userId, csm.id))).toBe(0);
    expect(await db.$count(sessions, eq(sessions.userId, admin.id))).toBe(1);
    expect((await staffRow(csm.id)).deactivatedAt).toBeInstanceOf(Date);
    expect(
      (await thrownResponse(requireActor(new Request("http://localhost/", { headers: { Cookie: cookie } })))).status,
    ).toBe(302);
    await expect(
      requireActor(new Request("http://localhost/", { headers: { Cookie: adminCookie } })),
    ).resolves.toMatchObject({ id: admin.id });

    const listed = (await listStaff()).find((s) => s.id === csm.id);
    expect(listed?.deactivatedAt).not.toBeNull();
    expect(
      await db.$count(activity, and(eq(activity.subjectId, csm.id), eq(activity.action, "staff.deactivated"))),
    ).toBe(1);

    await expect(updateStaffMember(actorOf(admin), csm.id, { reactivate: true })).resolves.toEqual({ ok: true });
    expect((await staffRow(csm.id)).deactivatedAt).toBeNull();
  });

  it("deactivates an admin while another admin remains", async () => {
    const a = await createStaff("admin");
    const b = await createStaff("admin");
    await expect(updateStaffMember(actorOf(a), b.id, { deactivate: true })).resolves.toEqual({ ok: true });
    expect((await staffRow(b.id)).deactivatedAt).not.toBeNull();
  });

  it("answers not_found for a customer or an unknown id", async () => {
    const admin = await createStaff("admin");
    const account = await createAccount();
    const customer = await createCustomer(account.id, "champion");
    await expect(updateStaffMember(actorOf(admin), customer.id, { deactivate: true })).resolves.toEqual({
      ok: false,
      error: "not_found",
    });
    expect((await db.select({ d: users.deactivatedAt }).from(users).where(eq(users.id, customer.id)))[0]!.d).toBeNull();
    await expect(updateStaffMember(actorOf(admin), "zzzzzzzzzzzzzzzz", { role: "csm" })).resolves.toEqual({
      ok: false,
      error: "not_found",
    });
  });
});
