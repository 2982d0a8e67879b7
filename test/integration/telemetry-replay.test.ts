import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts, activity, telemetryProductUsers } from "~db/schema";
import { actorOf, createAccount, createCustomer, createStaff } from "~db/seed/factories";
import { handleIngestRequest } from "~/domain/telemetry/api.server";
import { createRateLimiter } from "~/domain/telemetry/rate-limit";
import { getUnmatchedGroup, linkUnmatchedGroup, listUnmatched } from "~/domain/telemetry/unmatched.server";
import { createApiKey } from "~/domain/telemetry/api-keys.server";
import type { Actor } from "~/domain/auth/actor";

let key: string;
let admin: Actor;
let sequence = 0;
const uid = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(sequence += 1)}`;
const limiter = createRateLimiter({ burst: 10_000, perSecond: 10_000 });

async function send(body: unknown, now = new Date()) {
  const request = new Request("http://localhost/api/v1/batch", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  const response = await handleIngestRequest(request, { limiter, now: () => now });
  return { status: response.status, body: (await response.json()) as { accepted: number; duplicates: number } };
}

const track = (userId: string | null, overrides: Record<string, unknown> = {}) => ({
  type: "track",
  messageId: uid("m"),
  ...(userId ? { userId } : { anonymousId: uid("anon") }),
  event: "Report Viewed",
  ...overrides,
});

type Counted = Record<string, number>;

/** The rollup rows of some accounts, keyed by their columns. */
async function rollupsOf(accountIds: string[]) {
  const ids = sql.join(
    accountIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const [byAccount, byUser, byEvent] = await Promise.all([
    db.execute<{ k: string; n: number }>(
      sql`select account_id || '|' || day as k, events as n from telemetry_daily_accounts where account_id in (${ids})`,
    ),
    db.execute<{ k: string; n: number }>(
      sql`select account_id || '|' || day || '|' || product_user_id as k, events as n from telemetry_daily_users where account_id in (${ids})`,
    ),
    db.execute<{ k: string; n: number }>(
      sql`select account_id || '|' || day || '|' || event || '|' || product_user_id as k, events as n from telemetry_daily_events where account_id in (${ids})`,
    ),
  ]);
  const asMap = (rows: { k: string; n: number }[]): Counted =>
    Object.fromEntries(rows.map((row) => [row.k, Number(row.n)]));
  return { accounts: asMap(byAccount), users: asMap(byUser), events: asMap(byEvent) };
}

/**
 * The same rollups counted from scratch from the raw events, in JavaScript rather than SQL: a
 * track call with a name counts on its UTC day for its account, its product user, and its event
 * name (anonymous under "").
 */
async function recountOf(accountIds: string[]) {
  const rows = await db.execute<{
    account_id: string;
    type: string;
    event: string | null;
    product_user_id: string | null;
    occurred_at: string;
  }>(sql`select account_id, type, event, product_user_id, occurred_at from telemetry_events
         where account_id in (${sql.join(
           accountIds.map((id) => sql`${id}`),
           sql`, `,
         )})`);
  const result = { accounts: {} as Counted, users: {} as Counted, events: {} as Counted };
  const add = (map: Counted, k: string) => (map[k] = (map[k] ?? 0) + 1);
  for (const row of rows) {
    if (row.type !== "track" || !row.event) continue;
    const day = new Date(row.occurred_at).toISOString().slice(0, 10);
    add(result.accounts, `${row.account_id}|${day}`);
    if (row.product_user_id) add(result.users, `${row.account_id}|${day}|${row.product_user_id}`);
    add(result.events, `${row.account_id}|${day}|${row.event}|${row.product_user_id ?? ""}`);
  }
  return result;
}

async function unmatchedEvents(groupId: string) {
  const [row] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from telemetry_events where account_id is null and group_id = ${groupId}`,
  );
  return Number(row!.n);
}

beforeAll(async () => {
  key = (await createApiKey({ name: "Replay (test)", createdById: null })).key;
  admin = actorOf(await createStaff("admin"));
});

describe("rollups", () => {
  it("equal a recount from raw events after a mixed ingest: days, duplicates, skewed clocks, users", async () => {
    const [orbit, helix] = [uid("crm"), uid("crm")];
    const a = await createAccount({ externalId: orbit });
    const b = await createAccount({ externalId: helix });
    const [ana, ben, cleo] = [uid("ana"), uid("ben"), uid("cleo")];
    const day = (offset: number, hour = 12) => new Date(Date.UTC(2026, 10, 20 + offset, hour));

    await send(
      {
        batch: [
          { type: "group", messageId: uid("m"), userId: ana, groupId: orbit, timestamp: day(0, 1).toISOString() },
          { type: "group", messageId: uid("m"), userId: ben, groupId: helix, timestamp: day(0, 1).toISOString() },
          { type: "identify", messageId: uid("m"), userId: ana, traits: { email: "ana@example.com" } },
          track(ana, { timestamp: day(0, 2).toISOString() }),
          track(ana, { event: "Export", timestamp: day(0, 3).toISOString() }),
          track(ben, { timestamp: day(0, 4).toISOString() }),
          track(null, { context: { groupId: orbit }, timestamp: day(0, 5).toISOString() }),
        ],
        sentAt: day(0, 6).toISOString(),
      },
      day(0, 6),
    );
    // A device whose clock is 3 days fast: corrected by sentAt onto the day it really happened.
    const skewed = track(cleo, { context: { groupId: helix }, timestamp: day(4, 23).toISOString() });
    await send({ batch: [skewed], sentAt: day(4, 23).toISOString() }, day(1, 23));
    // The same messageIds again, a day later and within one request: duplicates that change nothing.
    const repeated = track(ben, { timestamp: day(1, 8).toISOString() });
    const first = await send(
      { batch: [repeated, repeated, track(ana, { timestamp: day(1, 9).toISOString() })] },
      day(1, 10),
    );
    expect([first.body.accepted, first.body.duplicates]).toEqual([2, 1]);
    expect(
      (await send({ batch: [repeated, skewed], sentAt: day(4, 23).toISOString() }, day(2, 10))).body.duplicates,
    ).toBe(2);
    // Just before and after midnight UTC: two days.
    await send(
      {
        batch: [
          track(ana, { timestamp: new Date(Date.UTC(2026, 10, 22, 23, 59, 59)).toISOString() }),
          track(ana, { timestamp: new Date(Date.UTC(2026, 10, 23, 0, 0, 1)).toISOString() }),
          // Ben moves to Orbit; his later events count there.
          { type: "group", messageId: uid("m"), userId: ben, groupId: orbit, timestamp: day(3, 1).toISOString() },
          track(ben, { event: "Export", timestamp: day(3, 2).toISOString() }),
        ],
      },
      day(3, 3),
    );

    const rollups = await rollupsOf([a.id, b.id]);
    expect(rollups).toEqual(await recountOf([a.id, b.id]));
    expect(Object.values(rollups.accounts).reduce((sum, n) => sum + n, 0)).toBe(10);
    // The skewed event counts on the day it was sent (Nov 21), not on the device's Nov 24.
    expect(Object.keys(rollups.accounts)).toContain(`${b.id}|2026-11-21`);
    expect(Object.keys(rollups.accounts)).not.toContain(`${b.id}|2026-11-24`);
  });
});

describe("unmatched events", () => {
  it("are listed by group and user, then linked: the account gets the id and the events replay exactly once", async () => {
    const group = uid("crm-new");
    const account = await createAccount();
    const person = await createCustomer(account.id, "member", { email: `${uid("dora")}@example.com` });
    const [dora, eli, loner] = [uid("dora"), uid("eli"), uid("loner")];
    const now = new Date();
    await send({
      batch: [
        { type: "group", messageId: uid("m"), userId: dora, groupId: group, timestamp: now.toISOString() },
        { type: "identify", messageId: uid("m"), userId: dora, traits: { email: person.email.toUpperCase() } },
        track(dora),
        track(dora, { event: "Export" }),
        track(eli, { context: { groupId: group } }),
        track(null, { context: { groupId: group } }),
        track(loner),
      ],
    });

    const listed = await listUnmatched({ groups: 0, users: 0 });
    const row = listed.groups.find((entry) => entry.id === group);
    expect(row?.events).toBe(6);
    expect(row?.sample).toContain(group);
    expect(listed.users.find((entry) => entry.id === loner)?.events).toBe(1);
    expect((await rollupsOf([account.id])).accounts).toEqual({});

    const linked = await linkUnmatchedGroup(admin, { groupId: group, accountId: account.id });
    expect(linked).toEqual({ ok: true, replayed: 6, accountName: account.name });
    const [saved] = await db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(saved!.externalId).toBe(group);
    expect(saved!.version).toBe(account.version + 1);
    const history = await db.select().from(activity).where(eq(activity.accountId, account.id));
    expect(history.map((entry) => entry.action)).toContain("account.updated");

    const users = await db
      .select()
      .from(telemetryProductUsers)
      .where(inArray(telemetryProductUsers.externalId, [dora, eli]));
    expect(users.map((user) => user.accountId)).toEqual([account.id, account.id]);
    expect(users.find((user) => user.externalId === dora)!.personId).toBe(person.id);

    const rollups = await rollupsOf([account.id]);
    expect(rollups).toEqual(await recountOf([account.id]));
    expect(Object.values(rollups.accounts)).toEqual([4]);
    expect(Object.keys(rollups.users)).toHaveLength(2);
    expect(await getUnmatchedGroup(group)).toBeNull();
    expect((await listUnmatched({ groups: 0, users: 0 })).groups.map((entry) => entry.id)).not.toContain(group);

    // A second link finds nothing waiting, and changes nothing.
    expect(await linkUnmatchedGroup(admin, { groupId: group, accountId: account.id })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await rollupsOf([account.id])).toEqual(rollups);

    // From now on the group's events arrive matched.
    await send([track(dora)]);
    expect(Object.values((await rollupsOf([account.id])).accounts)).toEqual([5]);
    expect(await rollupsOf([account.id])).toEqual(await recountOf([account.id]));
  });

  it("replays once when two admins link the same group at the same time", async () => {
    const group = uid("crm-race");
    const account = await createAccount();
    await send([
      track(uid("fay"), { context: { groupId: group } }),
      track(uid("gus"), { context: { groupId: group } }),
    ]);
    const results = await Promise.all([
      linkUnmatchedGroup(admin, { groupId: group, accountId: account.id }),
      linkUnmatchedGroup(admin, { groupId: group, accountId: account.id }),
    ]);
    const replayed = results.map((result) => (result.ok ? result.replayed : 0));
    expect(replayed.sort()).toEqual([0, 2]);
    expect(Object.values((await rollupsOf([account.id])).accounts)).toEqual([2]);
    expect(await rollupsOf([account.id])).toEqual(await recountOf([account.id]));
  });

  it("refuses an unknown account, an account with another external id, a taken id and a forged group; nothing changes", async () => {
    const group = uid("crm-refused");
    const fresh = await createAccount();
    const named = await createAccount({ externalId: uid("crm-other") });
    await send([track(uid("hal"), { context: { groupId: group } })]);

    expect(await linkUnmatchedGroup(admin, { groupId: group, accountId: "acc_does_not_exist" })).toEqual({
      ok: false,
      error: "unknown_account",
    });
    expect(await linkUnmatchedGroup(admin, { groupId: group, accountId: named.id })).toEqual({
      ok: false,
      error: "has_external_id",
    });
    expect(await linkUnmatchedGroup(admin, { groupId: uid("never-sent"), accountId: fresh.id })).toEqual({
      ok: false,
      error: "not_found",
    });
    // The account form gave another account this id after the events arrived: that one owns it.
    const owner = await createAccount({ externalId: group });
    expect(await linkUnmatchedGroup(admin, { groupId: group, accountId: fresh.id })).toEqual({
      ok: false,
      error: "external_id_taken",
    });
    expect(await unmatchedEvents(group)).toBe(1);
    const [untouched] = await db.select().from(accounts).where(eq(accounts.id, fresh.id));
    expect([untouched!.externalId, untouched!.version]).toEqual([null, fresh.version]);
    expect((await rollupsOf([fresh.id, named.id, owner.id])).accounts).toEqual({});

    // Linking it to the account that has the id already replays it there.
    expect(await linkUnmatchedGroup(admin, { groupId: group, accountId: owner.id })).toEqual({
      ok: true,
      replayed: 1,
      accountName: owner.name,
    });
    expect(await unmatchedEvents(group)).toBe(0);
  });
});
