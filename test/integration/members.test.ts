import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type User, activity, sessions, users } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createStaff,
  sessionCookie,
  signedInRequest,
} from "~db/seed/factories";
import { requireActor } from "~/domain/auth/guards.server";
import { getAccountById } from "~/domain/people/accounts.server";
import { invite, revokeInvitation, listPendingInvitations } from "~/domain/people/invitations.server";
import {
  changeMemberRole,
  deactivateMember,
  listMembersPage,
  peopleChoices,
  reactivateMember,
} from "~/domain/people/members.server";
import { thrownResponse } from "../support/responses";

async function roleOf(userId: string) {
  const [row] = await db
    .select({ role: users.accountRole, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

const activePeople = async (accountId: string) => (await getAccountById(accountId))!.activePeople;

let account: Account;
let champion: User;
let member: User;

beforeEach(async () => {
  account = await createAccount({ licensedSeats: 3 });
  champion = await createCustomer(account.id, "champion");
  member = await createCustomer(account.id, "member");
});

describe("changeMemberRole", () => {
  it("refuses to demote the last active champion", async () => {
    const admin = actorOf(await createStaff("admin"));
    await expect(changeMemberRole(admin, account.id, champion.id, "member")).resolves.toEqual({
      ok: false,
      error: "last_champion",
    });
    expect((await roleOf(champion.id))!.role).toBe("champion");
  });

  it("does not count a deactivated champion as another one", async () => {
    await createCustomer(account.id, "champion", { deactivatedAt: new Date() });
    await expect(changeMemberRole(actorOf(champion), account.id, champion.id, "member")).resolves.toEqual({
      ok: false,
      error: "last_champion",
    });
  });

  it("allows the demotion once another champion exists, and records it", async () => {
    await expect(changeMemberRole(actorOf(champion), account.id, member.id, "champion")).resolves.toEqual({ ok: true });
    await expect(changeMemberRole(actorOf(member), account.id, champion.id, "member")).resolves.toEqual({ ok: true });
    expect((await roleOf(champion.id))!.role).toBe("member");
    expect((await roleOf(member.id))!.role).toBe("champion");

    const entries = await db
      .select()
      .from(activity)
      .where(and(eq(activity.accountId, account.id), eq(activity.action, "member.role_changed")))
      .orderBy(activity.createdAt);
    expect(entries.map((e) => [e.subjectId, e.actorId, e.details])).toEqual([
      [member.id, champion.id, { name: member.name, from: "member", to: "champion" }],
      [champion.id, member.id, { name: champion.name, from: "champion", to: "member" }],
    ]);
  });

  it("treats setting the same role as a no-op without an activity entry", async () => {
    await expect(changeMemberRole(actorOf(champion), account.id, member.id, "member")).resolves.toEqual({ ok: true });
    expect(
      await db.$count(activity, and(eq(activity.accountId, account.id), eq(activity.action, "member.role_changed"))),
    ).toBe(0);
  });
});

describe("deactivateMember", () => {
  it("ends the person's sessions, keeps their row and frees their seat", async () => {
    const memberCookie = await sessionCookie(member.id);
    await sessionCookie(member.id);
    const championRequest = await signedInRequest(champion.id);
    expect(await db.$count(sessions, eq(sessions.userId, member.id))).toBe(2);
    expect(await activePeople(account.id)).toBe(2);

    await expect(deactivateMember(actorOf(champion), account.id, member.id)).resolves.toEqual({ ok: true });

    expect(await db.$count(sessions, eq(sessions.userId, member.id))).toBe(0);
    expect(await db.$count(sessions, eq(sessions.userId, champion.id))).toBe(1);
    const row = await roleOf(member.id);
    expect(row).toBeDefined();
    expect(row!.deactivatedAt).toBeInstanceOf(Date);
    expect(await activePeople(account.id)).toBe(1);
    // Still listed on the team page, after the active people; no longer offered in forms.
    expect((await listMembersPage(account.id)).rows.map((m) => m.id)).toEqual([champion.id, member.id]);
    expect((await peopleChoices(account.id)).people.map((m) => m.id)).toEqual([champion.id]);

    const stale = new Request("http://localhost/accounts", { headers: { Cookie: memberCookie } });
    expect((await thrownResponse(requireActor(stale))).status).toBe(302);
    await expect(requireActor(championRequest)).resolves.toMatchObject({ id: champion.id });

    const [entry] = await db
      .select()
      .from(activity)
      .where(and(eq(activity.subjectId, member.id), eq(activity.action, "member.deactivated")));
    expect(entry).toMatchObject({ accountId: account.id, actorId: champion.id });
  });

  it("refuses to deactivate yourself", async () => {
    const second = await createCustomer(account.id, "champion");
    await expect(deactivateMember(actorOf(second), account.id, second.id)).resolves.toEqual({
      ok: false,
      error: "self",
    });
    expect((await roleOf(second.id))!.deactivatedAt).toBeNull();
  });

  it("refuses to deactivate the last active champion", async () => {
    const csm = actorOf(await createStaff("csm"));
    await expect(deactivateMember(csm, account.id, champion.id)).resolves.toEqual({
      ok: false,
      error: "last_champion",
    });
    expect((await roleOf(champion.id))!.deactivatedAt).toBeNull();
  });

  it("deactivates a champion when another champion remains", async () => {
    const second = await createCustomer(account.id, "champion");
    await expect(deactivateMember(actorOf(second), account.id, champion.id)).resolves.toEqual({ ok: true });
    expect((await roleOf(champion.id))!.deactivatedAt).not.toBeNull();
  });

  it("is a no-op for someone already deactivated", async () => {
    await deactivateMember(actorOf(champion), account.id, member.id);
    await expect(deactivateMember(actorOf(champion), account.id, member.id)).resolves.toEqual({ ok: true });
    expect(
      await db.$count(activity, and(eq(activity.subjectId, member.id), eq(activity.action, "member.deactivated"))),
    ).toBe(1);
  });
});

describe("reactivateMember", () => {
  it("brings a person back when a seat is free", async () => {
    await deactivateMember(actorOf(champion), account.id, member.id);
    expect(await activePeople(account.id)).toBe(1);
    await expect(reactivateMember(actorOf(champion), account.id, member.id)).resolves.toEqual({ ok: true });
    expect((await roleOf(member.id))!.deactivatedAt).toBeNull();
    expect(await activePeople(account.id)).toBe(2);
    expect(
      await db.$count(activity, and(eq(activity.subjectId, member.id), eq(activity.action, "member.reactivated"))),
    ).toBe(1);
  });

  it("refuses when the seats are taken, counting pending invitations", async () => {
    // 3 seats: champion, member, then an invitation fills the seat the member left.
    await deactivateMember(actorOf(champion), account.id, member.id);
    await createCustomer(account.id, "member");
    const email = `seat-holder-${Date.now()}@test.example`;
    const invited = await invite({
      actor: actorOf(champion),
      email,
      target: { kind: "account", accountId: account.id, accountRole: "member" },
      origin: "http://t",
    });
    expect(invited.ok).toBe(true);

    await expect(reactivateMember(actorOf(champion), account.id, member.id)).resolves.toEqual({
      ok: false,
      error: "seats_full",
    });
    expect((await roleOf(member.id))!.deactivatedAt).not.toBeNull();

    const [pending] = (await listPendingInvitations(account.id)).rows;
    await revokeInvitation(actorOf(champion), account.id, pending!.id);
    await expect(reactivateMember(actorOf(champion), account.id, member.id)).resolves.toEqual({ ok: true });
    expect(await activePeople(account.id)).toBe(3);
  });

  it("is a no-op for someone already active", async () => {
    await expect(reactivateMember(actorOf(champion), account.id, member.id)).resolves.toEqual({ ok: true });
    expect(
      await db.$count(activity, and(eq(activity.subjectId, member.id), eq(activity.action, "member.reactivated"))),
    ).toBe(0);
  });
});

describe("scoping", () => {
  it("answers not_found for a person of another account, and changes nothing", async () => {
    const other = await createAccount();
    await createCustomer(other.id, "champion");
    const outsider = await createCustomer(other.id, "member");
    const actor = actorOf(champion);

    await expect(changeMemberRole(actor, account.id, outsider.id, "champion")).resolves.toEqual({
      ok: false,
      error: "not_found",
    });
    await expect(deactivateMember(actor, account.id, outsider.id)).resolves.toEqual({ ok: false, error: "not_found" });
    const row = await roleOf(outsider.id);
    expect(row).toEqual({ role: "member", deactivatedAt: null });

    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, outsider.id));
    await expect(reactivateMember(actor, account.id, outsider.id)).resolves.toEqual({ ok: false, error: "not_found" });
    expect((await roleOf(outsider.id))!.deactivatedAt).not.toBeNull();
  });

  it("answers not_found for staff and unknown ids", async () => {
    const staff = await createStaff("csm");
    await expect(deactivateMember(actorOf(champion), account.id, staff.id)).resolves.toEqual({
      ok: false,
      error: "not_found",
    });
    await expect(changeMemberRole(actorOf(champion), account.id, "zzzzzzzzzzzzzzzz", "member")).resolves.toEqual({
      ok: false,
      error: "not_found",
    });
  });
});
