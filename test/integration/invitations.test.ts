import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type User, activity, invitations, users } from "~db/schema";
import { actorOf, createAccount, createCustomer, createStaff } from "~db/seed/factories";
import type { Actor } from "~/domain/auth/actor";
import { verifyPassword } from "~/domain/auth/passwords.server";
import { getAccountById } from "~/domain/people/accounts.server";
import {
  INVITATION_LIFETIME_DAYS,
  acceptInvitation,
  findUsableInvitation,
  invite,
  listPendingInvitations,
  revokeInvitation,
} from "~/domain/people/invitations.server";
import { lastMailTo, linkIn, mailsTo } from "../support/outbox";
import { DAY_MS } from "~/lib/time";

const origin = "http://tandem.test";
let emailCount = 0;
const newEmail = () => `invitee-${++emailCount}-${Date.now()}@test.example`;

/** The token of the newest invitation link mailed to an address. */
async function invitationToken(email: string) {
  const message = await lastMailTo(email);
  const link = linkIn(message.text, "/invitations/");
  expect(link.origin).toBe(origin);
  return decodeURIComponent(link.pathname.slice("/invitations/".length));
}

function invitationRows(email: string) {
  return db
    .select()
    .from(invitations)
    .where(sql`lower(${invitations.email}) = lower(${email})`)
    .orderBy(invitations.createdAt);
}

let account: Account;
let champion: User;
let championActor: Actor;

beforeEach(async () => {
  account = await createAccount({ licensedSeats: 5 });
  champion = await createCustomer(account.id, "champion");
  championActor = actorOf(champion);
});

describe("inviting someone into an account and accepting", () => {
  it("creates the person with the invited role and account, records activity, and works once", async () => {
    const email = newEmail();
    const result = await invite({
      actor: championActor,
      email,
      name: "Ada",
      target: { kind: "account", accountId: account.id, accountRole: "member" },
      origin,
    });
    expect(result.ok).toBe(true);

    const message = await lastMailTo(email);
    expect(message.status).toBe("queued");
    expect(message.subject).toContain(account.name);
    expect(message.text).toContain(champion.name);
    const token = await invitationToken(email);

    const [row] = await invitationRows(email);
    expect(row).toMatchObject({
      accountId: account.id,
      accountRole: "member",
      staffRole: null,
      invitedById: champion.id,
      name: "Ada",
    });
    // Only the hash of the token is stored.
    expect(row!.tokenHash).not.toContain(token);
    const lifetime = row!.expiresAt.getTime() - row!.createdAt.getTime();
    expect(Math.abs(lifetime - INVITATION_LIFETIME_DAYS * DAY_MS)).toBeLessThan(60_000);

    await expect(findUsableInvitation(token)).resolves.toEqual({
      email,
      name: "Ada",
      accountName: account.name,
      role: "member",
      inviterName: champion.name,
    });
    expect((await getAccountById(account.id))!.pendingInvitations).toBe(1);

    const accepted = await acceptInvitation(token, { name: "Ada Lovelace", password: "correct horse battery" });
    expect(accepted.ok).toBe(true);
    if (!accepted.ok) return;

    const [user] = await db.select().from(users).where(eq(users.id, accepted.userId));
    expect(user).toMatchObject({
      email,
      name: "Ada Lovelace",
      accountId: account.id,
      accountRole: "member",
      staffRole: null,
      deactivatedAt: null,
    });
    expect(await verifyPassword(user!.passwordHash, "correct horse battery")).toBe(true);

    const entries = await db
      .select()
      .from(activity)
      .where(and(eq(activity.subjectId, accepted.userId), eq(activity.action, "invitation.accepted")));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      accountId: account.id,
      actorId: accepted.userId,
      subjectType: "user",
      details: { email, role: "member" },
    });
    const sent = await db
      .select()
      .from(activity)
      .where(and(eq(activity.subjectId, row!.id), eq(activity.action, "invitation.sent")));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ accountId: account.id, actorId: champion.id, details: { email, role: "member" } });

    const summary = await getAccountById(account.id);
    expect(summary).toMatchObject({ activePeople: 2, pendingInvitations: 0 });

    await expect(findUsableInvitation(token)).resolves.toBeNull();
    await expect(acceptInvitation(token, { name: "Someone else", password: "another password" })).resolves.toEqual({
      ok: false,
      error: "invalid_link",
    });
    expect(await db.$count(users, sql`lower(${users.email}) = ${email}`)).toBe(1);
  });

  it("answers invalid_link for a token that was never issued", async () => {
    await expect(findUsableInvitation("not-a-real-token")).resolves.toBeNull();
    await expect(acceptInvitation("not-a-real-token", { name: "X", password: "whatever password" })).resolves.toEqual({
      ok: false,
      error: "invalid_link",
    });
  });

  it("refuses an expired invitation", async () => {
    const email = newEmail();
    await invite({
      actor: championActor,
      email,
      target: { kind: "account", accountId: account.id, accountRole: "member" },
      origin,
    });
    const token = await invitationToken(email);
    await db.execute(
      sql`update invitations set expires_at = now() - interval '1 minute' where lower(email) = ${email}`,
    );

    await expect(findUsableInvitation(token)).resolves.toBeNull();
    await expect(acceptInvitation(token, { name: "Late", password: "late password 1" })).resolves.toEqual({
      ok: false,
      error: "invalid_link",
    });
    expect(await db.$count(users, eq(users.email, email))).toBe(0);
    // An expired invitation no longer holds a seat.
    expect((await getAccountById(account.id))!.pendingInvitations).toBe(0);
  });
});

describe("invite refusals", () => {
  it("refuses an address that already belongs to someone, whatever its case", async () => {
    const existing = await createCustomer(account.id, "member", { email: `Dana.Smith-${Date.now()}@Example.COM` });
    const result = await invite({
      actor: championActor,
      email: existing.email.toLowerCase(),
      target: { kind: "account", accountId: account.id, accountRole: "member" },
      origin,
    });
    expect(result).toEqual({ ok: false, error: "email_taken" });
    expect(await invitationRows(existing.email)).toHaveLength(0);
    expect(await mailsTo(existing.email.toLowerCase())).toHaveLength(0);
  });

  it("refuses a staff member's address too", async () => {
    const staff = await createStaff("csm");
    const result = await invite({
      actor: championActor,
      email: staff.email,
      target: { kind: "account", accountId: account.id, accountRole: "member" },
      origin,
    });
    expect(result).toEqual({ ok: false, error: "email_taken" });
  });

  it("refuses when every seat is taken by people, writing nothing", async () => {
    const full = await createAccount({ licensedSeats: 2 });
    const owner = await createCustomer(full.id, "champion");
    await createCustomer(full.id, "member");
    const email = newEmail();
    const activityBefore = await db.$count(activity, eq(activity.accountId, full.id));

    const result = await invite({
      actor: actorOf(owner),
      email,
      target: { kind: "account", accountId: full.id, accountRole: "member" },
      origin,
    });
    expect(result).toEqual({ ok: false, error: "seats_full" });
    expect(await invitationRows(email)).toHaveLength(0);
    expect(await db.$count(activity, eq(activity.accountId, full.id))).toBe(activityBefore);
    expect(await mailsTo(email)).toHaveLength(0);
  });

  it("counts pending invitations against the seats, but not deactivated people", async () => {
    const small = await createAccount({ licensedSeats: 2 });
    const owner = await createCustomer(small.id, "champion");
    await createCustomer(small.id, "member", { deactivatedAt: new Date() });
    const target = { kind: "account", accountId: small.id, accountRole: "member" } as const;

    expect((await invite({ actor: actorOf(owner), email: newEmail(), target, origin })).ok).toBe(true);
    const refused = newEmail();
    expect(await invite({ actor: actorOf(owner), email: refused, target, origin })).toEqual({
      ok: false,
      error: "seats_full",
    });
    expect(await invitationRows(refused)).toHaveLength(0);
  });
});

describe("re-inviting", () => {
  it("replaces the pending invitation: the old link stops working, one seat is held", async () => {
    const email = newEmail();
    const target = { kind: "account", accountId: account.id, accountRole: "member" } as const;
    await invite({ actor: championActor, email, target, origin });
    const firstToken = await invitationToken(email);
    await invite({ actor: championActor, email, target: { ...target, accountRole: "champion" }, origin });
    const secondToken = await invitationToken(email);
    expect(secondToken).not.toBe(firstToken);

    const rows = await invitationRows(email);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.revokedAt).not.toBeNull();
    expect(rows[1]!.revokedAt).toBeNull();

    await expect(findUsableInvitation(firstToken)).resolves.toBeNull();
    await expect(findUsableInvitation(secondToken)).resolves.toMatchObject({ email, role: "champion" });
    const pending = (await listPendingInvitations(account.id)).rows;
    expect(pending.map((p) => p.email)).toEqual([email]);
    expect((await getAccountById(account.id))!.pendingInvitations).toBe(1);

    await expect(acceptInvitation(firstToken, { name: "Old", password: "old link password" })).resolves.toEqual({
      ok: false,
      error: "invalid_link",
    });
    const accepted = await acceptInvitation(secondToken, { name: "New", password: "new link password" });
    expect(accepted.ok).toBe(true);
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user!.accountRole).toBe("champion");
  });

  it("lets a full account re-send an invitation that already holds a seat", async () => {
    const full = await createAccount({ licensedSeats: 2 });
    const owner = await createCustomer(full.id, "champion");
    const email = newEmail();
    const target = { kind: "account", accountId: full.id, accountRole: "member" } as const;
    expect((await invite({ actor: actorOf(owner), email, target, origin })).ok).toBe(true);
    expect((await invite({ actor: actorOf(owner), email, target, origin })).ok).toBe(true);
    expect((await getAccountById(full.id))!.pendingInvitations).toBe(1);
  });
});

describe("revokeInvitation", () => {
  it("revokes only within the invitation's own account", async () => {
    const email = newEmail();
    await invite({
      actor: championActor,
      email,
      target: { kind: "account", accountId: account.id, accountRole: "member" },
      origin,
    });
    const token = await invitationToken(email);
    const [row] = await invitationRows(email);
    const elsewhere = await createAccount();

    await expect(revokeInvitation(championActor, elsewhere.id, row!.id)).resolves.toBe(false);
    await expect(revokeInvitation(championActor, null, row!.id)).resolves.toBe(false);
    await expect(findUsableInvitation(token)).resolves.not.toBeNull();

    await expect(revokeInvitation(championActor, account.id, row!.id)).resolves.toBe(true);
    await expect(findUsableInvitation(token)).resolves.toBeNull();
    await expect(acceptInvitation(token, { name: "Too late", password: "revoked password" })).resolves.toEqual({
      ok: false,
      error: "invalid_link",
    });
    const entries = await db
      .select()
      .from(activity)
      .where(and(eq(activity.subjectId, row!.id), eq(activity.action, "invitation.revoked")));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ accountId: account.id, actorId: champion.id, details: { email } });

    // Already revoked: nothing left to revoke.
    await expect(revokeInvitation(championActor, account.id, row!.id)).resolves.toBe(false);
  });

  it("answers false for an unknown invitation id", async () => {
    await expect(revokeInvitation(championActor, account.id, "zzzzzzzzzzzzzzzz")).resolves.toBe(false);
  });
});

describe("staff invitations", () => {
  it("invites into the vendor team and creates a staff member on acceptance", async () => {
    const admin = await createStaff("admin");
    const email = newEmail();
    const result = await invite({ actor: actorOf(admin), email, target: { kind: "staff", staffRole: "csm" }, origin });
    expect(result.ok).toBe(true);

    const message = await lastMailTo(email);
    expect(message.subject).toContain("the vendor team");
    const token = await invitationToken(email);
    await expect(findUsableInvitation(token)).resolves.toMatchObject({
      email,
      accountName: null,
      role: "csm",
      inviterName: admin.name,
    });

    // The vendor team's invitations are shared by every test: walk all their pages.
    const pendingStaff = [];
    for (let cursor: string | null | undefined = undefined; ;) {
      const { rows, page } = await listPendingInvitations(null, { cursor, pageSize: 500 });
      pendingStaff.push(...rows);
      cursor = page.next;
      if (!cursor) break;
    }
    expect(pendingStaff.map((p) => p.email)).toContain(email);
    expect((await listPendingInvitations(account.id)).rows.map((p) => p.email)).not.toContain(email);

    // A staff invitation is revoked in the vendor scope only.
    const [row] = await invitationRows(email);
    await expect(revokeInvitation(actorOf(admin), account.id, row!.id)).resolves.toBe(false);

    const accepted = await acceptInvitation(token, { name: "New CSM", password: "staff password 1" });
    expect(accepted.ok).toBe(true);
    if (!accepted.ok) return;
    const [user] = await db.select().from(users).where(eq(users.id, accepted.userId));
    expect(user).toMatchObject({ staffRole: "csm", accountId: null, accountRole: null });
    const [entry] = await db
      .select()
      .from(activity)
      .where(and(eq(activity.subjectId, accepted.userId), eq(activity.action, "invitation.accepted")));
    expect(entry).toMatchObject({ accountId: null, details: { role: "csm" } });
  });
});

describe("invitations to one address from two places", () => {
  it("leaves another account's pending invitation alone, even when this one is refused", async () => {
    const other = await createAccount({ licensedSeats: 1 });
    const otherChampion = await createCustomer(other.id, "champion");
    const email = newEmail();
    expect(
      (
        await invite({
          actor: championActor,
          email,
          target: { kind: "account", accountId: account.id, accountRole: "member" },
          origin,
        })
      ).ok,
    ).toBe(true);
    const refused = await invite({
      actor: actorOf(otherChampion),
      email,
      target: { kind: "account", accountId: other.id, accountRole: "member" },
      origin,
    });
    expect(refused).toEqual({ ok: false, error: "seats_full" });
    const rows = await invitationRows(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ accountId: account.id, revokedAt: null, acceptedAt: null });
  });

  it("when the address got an account meanwhile, acceptance fails and writes nothing", async () => {
    const email = newEmail();
    await invite({
      actor: championActor,
      email,
      target: { kind: "account", accountId: account.id, accountRole: "member" },
      origin,
    });
    const token = await invitationToken(email);
    // Someone else with this address joined elsewhere first (e.g. through another account's invitation).
    const elsewhere = await createAccount();
    await createCustomer(elsewhere.id, "member", { email });
    await expect(acceptInvitation(token, { name: "Late", password: "a good password" })).resolves.toEqual({
      ok: false,
      error: "email_taken",
    });
    const [row] = await invitationRows(email);
    expect(row).toMatchObject({ acceptedAt: null, revokedAt: null });
  });
});
