import { and, eq, isNotNull, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { activity, sessions, users } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createStaff,
  sessionCookie,
  signedInRequest,
} from "~db/seed/factories";
import { requireActor } from "~/domain/auth/guards.server";
import { getStaffMember, listStaffPage, updateStaffMember } from "~/domain/people/staff.server";
import { PAGE_SIZE } from "~/lib/pagination";
import { loader as staffLoader } from "~/routes/staff";
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

    const listed = await getStaffMember(csm.id);
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

describe("the vendor team list", () => {
  it("pages through every member once, 50 at a time, active people first, with the count", async () => {
    const admin = await createStaff("admin");
    for (let i = 0; i < 60; i++) {
      await createStaff("marketing", i % 10 === 0 ? { deactivatedAt: new Date() } : {});
    }
    const total = await db.$count(users, isNotNull(users.staffRole));
    const first = await listStaffPage();
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.page).toMatchObject({ from: 0, total, previous: null });

    const seen: { id: string; inactive: boolean }[] = [];
    let cursor: string | null = null;
    do {
      const result: Awaited<ReturnType<typeof listStaffPage>> = await listStaffPage({ cursor, pageSize: 7 });
      expect(result.rows.length).toBeLessThanOrEqual(7);
      seen.push(...result.rows.map((row) => ({ id: row.id, inactive: row.deactivatedAt !== null })));
      cursor = result.page.next;
    } while (cursor);
    expect(new Set(seen.map((row) => row.id)).size).toBe(total);
    expect(seen.length).toBe(total);
    const firstInactive = seen.findIndex((row) => row.inactive);
    expect(seen.slice(firstInactive).every((row) => row.inactive)).toBe(true);

    // The page: the pager's figures, and a foreign cursor is the first page.
    const request = await signedInRequest(admin.id, "http://localhost/staff?cursor=bm9wZQ");
    const data = await staffLoader({ request, params: {}, context: { clientIp: "127.0.0.1" } });
    expect(data.staff).toHaveLength(PAGE_SIZE);
    expect(data.page).toMatchObject({ from: 0, total });
  });
});
