import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts, activity, invitations, users } from "~db/schema";
import * as factories from "~db/seed/factories";
import { actorOf, createCustomer, createSegment, createStaff } from "~db/seed/factories";
import { newId } from "~/lib/ids.server";
import type { AccountInput } from "~/domain/people/account-schemas";
import {
  createAccount,
  getAccountById,
  listAccountOwners,
  listAccounts,
  updateAccount,
} from "~/domain/people/accounts.server";
import { createInvitation } from "~/domain/people/invitations.server";
import { DAY_MS } from "~/lib/time";

let tagCount = 0;
/** A token no other test's account name contains. */
const tag = () => `t${++tagCount}x${Date.now().toString(36)}`;

const names = (rows: { name: string }[]) => rows.map((row) => row.name);

async function inputFor(overrides: Partial<AccountInput> = {}): Promise<AccountInput> {
  return {
    name: `New account ${tag()}`,
    segmentId: overrides.segmentId ?? (await createSegment()).id,
    industry: "Retail",
    region: "APAC",
    licensedSeats: 20,
    renewalDate: "2027-09-01",
    csmId: null,
    timeZone: "Australia/Sydney",
    currency: "USD",
    useCases: [],
    ...overrides,
  };
}

describe("listAccounts", () => {
  it("searches names case-insensitively", async () => {
    const t = tag();
    await factories.createAccount({ name: `Northwind ${t}` });
    await factories.createAccount({ name: `Southwind ${t}` });
    expect(names(await listAccounts({ q: `NORTHWIND ${t.toUpperCase()}`, sort: "name" }))).toEqual([`Northwind ${t}`]);
    expect(names(await listAccounts({ q: `wind ${t}`, sort: "name" }))).toEqual([`Northwind ${t}`, `Southwind ${t}`]);
  });

  it("treats % and _ in the search as literal characters", async () => {
    const t = tag();
    await factories.createAccount({ name: `${t} 100% Growth` });
    await factories.createAccount({ name: `${t} 1000 Growth` });
    await factories.createAccount({ name: `${t} a_b` });
    await factories.createAccount({ name: `${t} axb` });
    await factories.createAccount({ name: `${t} back\\slash` });
    await factories.createAccount({ name: `${t} backslash` });
    expect(names(await listAccounts({ q: `${t} 100%`, sort: "name" }))).toEqual([`${t} 100% Growth`]);
    expect(names(await listAccounts({ q: `${t} a_b`, sort: "name" }))).toEqual([`${t} a_b`]);
    expect(names(await listAccounts({ q: `${t} back\\`, sort: "name" }))).toEqual([`${t} back\\slash`]);
    expect(await listAccounts({ q: `${t} %`, sort: "name" })).toEqual([]);
  });

  it("filters by segment and by CSM", async () => {
    const segment = await createSegment();
    const csm = await createStaff("csm");
    const t = tag();
    await factories.createAccount({ name: `${t} A`, segmentId: segment.id });
    await factories.createAccount({ name: `${t} B`, segmentId: segment.id, csmId: csm.id });
    await factories.createAccount({ name: `${t} C`, csmId: csm.id });
    await factories.createAccount({ name: `${t} D` });

    expect(names(await listAccounts({ segment: segment.id, sort: "name" }))).toEqual([`${t} A`, `${t} B`]);
    expect(names(await listAccounts({ csm: csm.id, sort: "name" }))).toEqual([`${t} B`, `${t} C`]);
    expect(names(await listAccounts({ segment: segment.id, csm: csm.id, sort: "name" }))).toEqual([`${t} B`]);
    expect(names(await listAccounts({ q: t, sort: "name" }))).toHaveLength(4);
    const [row] = await listAccounts({ csm: csm.id, segment: segment.id, sort: "name" });
    expect(row).toMatchObject({ segmentId: segment.id, segmentName: segment.name, csmId: csm.id, csmName: csm.name });
  });

  it("sorts by renewal (soonest or latest first, then name) or by name", async () => {
    const segment = await createSegment();
    const t = tag();
    const make = (name: string, renewalDate: string) =>
      factories.createAccount({ name: `${t} ${name}`, renewalDate, segmentId: segment.id });
    await make("Charlie", "2027-01-15");
    await make("Alpha", "2027-03-01");
    await make("Bravo", "2026-12-01");
    await make("Delta", "2027-01-15");

    const list = async (sort: "renewal_asc" | "renewal_desc" | "name") =>
      names(await listAccounts({ segment: segment.id, sort })).map((name) => name.slice(t.length + 1));
    expect(await list("renewal_asc")).toEqual(["Bravo", "Charlie", "Delta", "Alpha"]);
    expect(await list("renewal_desc")).toEqual(["Alpha", "Charlie", "Delta", "Bravo"]);
    expect(await list("name")).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
  });

  it("counts active people and pending invitations per account", async () => {
    const account = await factories.createAccount({ name: `Counted ${tag()}` });
    const champion = await createCustomer(account.id, "champion");
    await createCustomer(account.id, "member");
    await createCustomer(account.id, "member", { deactivatedAt: new Date() });
    const invitation = (email: string, extra: Partial<typeof invitations.$inferInsert> = {}) => ({
      id: newId(),
      email,
      accountId: account.id,
      accountRole: "member" as const,
      invitedById: champion.id,
      tokenHash: newId(),
      expiresAt: new Date(Date.now() + DAY_MS),
      ...extra,
    });
    await db
      .insert(invitations)
      .values([
        invitation(`pending-${tag()}@test.example`),
        invitation(`revoked-${tag()}@test.example`, { revokedAt: new Date() }),
        invitation(`accepted-${tag()}@test.example`, { acceptedAt: new Date() }),
        invitation(`expired-${tag()}@test.example`, { expiresAt: new Date(Date.now() - 60_000) }),
      ]);
    const empty = await factories.createAccount({ name: `Empty ${tag()}` });

    const rows = await listAccounts({ sort: "name" });
    expect(rows.find((row) => row.id === account.id)).toMatchObject({ activePeople: 2, pendingInvitations: 1 });
    expect(rows.find((row) => row.id === empty.id)).toMatchObject({ activePeople: 0, pendingInvitations: 0 });
    expect(await getAccountById(account.id)).toMatchObject({ activePeople: 2, pendingInvitations: 1 });
  });
});

describe("createAccount", () => {
  it("creates the account and records it", async () => {
    const admin = await createStaff("admin");
    const csm = await createStaff("csm");
    const input = await inputFor({ csmId: csm.id });
    const result = await createAccount(actorOf(admin), input, async () => "extra value");
    expect(result).toMatchObject({ ok: true, extra: "extra value" });
    if (!result.ok) return;
    expect(await getAccountById(result.accountId)).toMatchObject({
      ...input,
      id: result.accountId,
      csmName: csm.name,
      activePeople: 0,
    });
    const [entry] = await db.select().from(activity).where(eq(activity.subjectId, result.accountId));
    expect(entry).toMatchObject({
      accountId: result.accountId,
      actorId: admin.id,
      action: "account.created",
      details: { name: input.name },
    });
  });

  it("runs afterInsert in the same transaction", async () => {
    const admin = actorOf(await createStaff("admin"));
    const email = `first-champion-${tag()}@test.example`;
    const result = await createAccount(admin, await inputFor(), (tx, accountId) =>
      createInvitation(tx, {
        actor: admin,
        email,
        target: { kind: "account", accountId, accountRole: "champion" },
        origin: "http://t",
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(row).toMatchObject({ accountId: result.accountId, accountRole: "champion" });
  });

  it("refuses a name already taken, whatever its case", async () => {
    const admin = actorOf(await createStaff("admin"));
    const existing = await factories.createAccount({ name: `Acme ${tag()}` });
    const input = await inputFor({ name: existing.name.toUpperCase() });
    await expect(createAccount(admin, input, async () => null)).resolves.toEqual({ ok: false, error: "name_taken" });
    expect(await db.$count(accounts, sql`lower(${accounts.name}) = lower(${existing.name})`)).toBe(1);
  });

  it("refuses an unknown segment", async () => {
    const admin = actorOf(await createStaff("admin"));
    const input = await inputFor({ segmentId: newId() });
    await expect(createAccount(admin, input, async () => null)).resolves.toEqual({
      ok: false,
      error: "unknown_segment",
    });
    expect(await db.$count(accounts, eq(accounts.name, input.name))).toBe(0);
  });

  it("refuses an owner who is not an active CSM or admin", async () => {
    const admin = actorOf(await createStaff("admin"));
    const marketing = await createStaff("marketing");
    const gone = await createStaff("csm", { deactivatedAt: new Date() });
    const customerAccount = await factories.createAccount();
    const customer = await createCustomer(customerAccount.id, "champion");
    for (const csmId of [marketing.id, gone.id, customer.id, newId()]) {
      await expect(createAccount(admin, await inputFor({ csmId }), async () => null)).resolves.toEqual({
        ok: false,
        error: "unknown_csm",
      });
    }
    expect((await listAccountOwners()).map((o) => o.id)).not.toContain(gone.id);
  });

  it("rolls the whole account back when afterInsert fails", async () => {
    const admin = actorOf(await createStaff("admin"));
    const input = await inputFor();
    let createdId = "";
    const failing = createAccount(admin, input, async (tx, accountId) => {
      createdId = accountId;
      await tx
        .insert(users)
        .values({ id: newId(), email: `half-${tag()}@test.example`, name: "Half", accountId, accountRole: "champion" });
      throw new Error("mail server exploded");
    });
    await expect(failing).rejects.toThrow("mail server exploded");
    expect(createdId).not.toBe("");
    expect(await db.$count(accounts, eq(accounts.id, createdId))).toBe(0);
    expect(await db.$count(accounts, eq(accounts.name, input.name))).toBe(0);
    expect(await db.$count(activity, eq(activity.accountId, createdId))).toBe(0);
    expect(await db.$count(users, eq(users.accountId, createdId))).toBe(0);
  });
});

describe("updateAccount", () => {
  it("changes the account and records each changed field with from and to", async () => {
    const csm = await createStaff("csm");
    const actor = actorOf(csm);
    const account = await factories.createAccount({ licensedSeats: 10, renewalDate: "2027-06-30" });
    const input: AccountInput = {
      name: account.name,
      segmentId: account.segmentId,
      industry: account.industry,
      region: account.region,
      licensedSeats: 25,
      renewalDate: "2028-01-31",
      csmId: csm.id,
      timeZone: account.timeZone,
      currency: "USD",
      useCases: [],
    };
    await expect(updateAccount(actor, account.id, input, 1)).resolves.toEqual({ ok: true });
    expect(await getAccountById(account.id)).toMatchObject({
      licensedSeats: 25,
      renewalDate: "2028-01-31",
      csmId: csm.id,
    });

    const entries = await db
      .select()
      .from(activity)
      .where(and(eq(activity.accountId, account.id), eq(activity.action, "account.updated")));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: csm.id, subjectType: "account", subjectId: account.id });
    expect(entries[0]!.details).toEqual({
      licensedSeats: { from: 10, to: 25 },
      renewalDate: { from: "2027-06-30", to: "2028-01-31" },
      csmId: { from: null, to: csm.id },
    });

    // Saving the same values again changes nothing and records nothing.
    await expect(updateAccount(actor, account.id, input, 2)).resolves.toEqual({ ok: true });
    expect(
      await db.$count(activity, and(eq(activity.accountId, account.id), eq(activity.action, "account.updated"))),
    ).toBe(1);
  });

  it("lets an account keep its own name, but not take another's", async () => {
    const actor = actorOf(await createStaff("admin"));
    const taken = await factories.createAccount();
    const account = await factories.createAccount();
    const base = await inputFor({ segmentId: account.segmentId });
    await expect(updateAccount(actor, account.id, { ...base, name: account.name.toUpperCase() }, 1)).resolves.toEqual({
      ok: true,
    });
    await expect(updateAccount(actor, account.id, { ...base, name: taken.name.toLowerCase() }, 2)).resolves.toEqual({
      ok: false,
      error: "name_taken",
    });
    expect((await getAccountById(account.id))!.name).toBe(account.name.toUpperCase());
  });

  it("answers not_found for an unknown account", async () => {
    const actor = actorOf(await createStaff("admin"));
    await expect(updateAccount(actor, newId(), await inputFor(), 1)).resolves.toEqual({
      ok: false,
      error: "not_found",
    });
  });

  it("refuses an edit made against an older version, keeping the newer one", async () => {
    const actor = actorOf(await createStaff("csm"));
    const account = await factories.createAccount({ licensedSeats: 10 });
    const base = await inputFor({ segmentId: account.segmentId, name: account.name });
    // Two people opened the form at version 1; the first save wins.
    await expect(updateAccount(actor, account.id, { ...base, licensedSeats: 20 }, 1)).resolves.toEqual({ ok: true });
    await expect(updateAccount(actor, account.id, { ...base, licensedSeats: 30 }, 1)).resolves.toEqual({
      ok: false,
      error: "stale",
    });
    expect(await getAccountById(account.id)).toMatchObject({ licensedSeats: 20, version: 2 });
  });
});
