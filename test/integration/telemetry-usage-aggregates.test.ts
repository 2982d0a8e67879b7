import { type SQL, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { actorOf, createAccount, createStaff } from "~db/seed/factories";
import { handleIngestRequest } from "~/domain/telemetry/api.server";
import { createKeyFeature, deleteKeyFeature, updateKeyFeature } from "~/domain/telemetry/key-features.server";
import { createRateLimiter } from "~/domain/telemetry/rate-limit";
import { linkUnmatchedGroup } from "~/domain/telemetry/unmatched.server";
import { createApiKey } from "~/domain/telemetry/api-keys.server";
import { DAY_MS, HOUR_MS } from "~/lib/time";

/*
 * The usage aggregates (DAU / WAU / MAU per account-day, trailing-30-day users per event and per
 * filtered key feature) are kept by triggers on the per-user rollups. Here they must equal a naive
 * recount from the raw events after every kind of write: batches in any order, late events,
 * concurrent requests, resends, days on the edges of the 7- and 30-day windows, a key feature
 * saved after its events, and the replay of unmatched events.
 */

let key: string;
let sequence = 0;
const uid = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(sequence += 1)}`;
const limiter = createRateLimiter({ burst: 100_000, perSecond: 100_000 });
const NOW = new Date();
const MIDNIGHT = Date.parse(`${NOW.toISOString().slice(0, 10)}T00:00:00Z`);

async function send(batch: unknown[]) {
  const request = new Request("http://localhost/api/v1/batch", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ batch }),
  });
  const response = await handleIngestRequest(request, { limiter, now: () => NOW });
  expect(response.status).toBe(200);
  return (await response.json()) as { accepted: number; duplicates: number };
}

/** A pseudo-random sequence, the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** A time `days` before today's UTC midnight plus `ms` into that day (so 0 and DAY_MS - 1 are its edges). */
const at = (days: number, ms: number) => new Date(MIDNIGHT - days * DAY_MS + ms).toISOString();

const track = (userId: string | null, event: string, timestamp: string, extra: Record<string, unknown> = {}) => ({
  type: "track",
  messageId: uid("m"),
  ...(userId ? { userId } : { anonymousId: uid("anon") }),
  event,
  timestamp,
  ...extra,
});

const list = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

async function rows(query: SQL) {
  return (await db.execute(query)).map((row) => ({ ...row }));
}

/** The three aggregates next to their recount from `telemetry_events`, for some accounts. */
async function compare(accountIds: string[]) {
  const ids = list(accountIds);
  const raw = sql`select account_id, event, product_user_id, properties, (occurred_at at time zone 'UTC')::date as day
    from telemetry_events where type = 'track' and event is not null and account_id in (${ids})`;
  const activeRecount = sql`
    with d as (select * from (${raw}) r where product_user_id is not null),
    span as (
      select account_id, (lo + k)::date as day
      from (select account_id, min(day) as lo, max(day) + 29 as hi from d group by 1) s, generate_series(0, hi - lo) k
    )
    select s.account_id, s.day::text,
      (count(distinct d.product_user_id) filter (where d.day = s.day))::int as daily,
      (count(distinct d.product_user_id) filter (where d.day > s.day - 7))::int as weekly,
      count(distinct d.product_user_id)::int as monthly
    from span s join d on d.account_id = s.account_id and d.day between s.day - 29 and s.day
    group by 1, 2 order by 1, 2`;
  const active = sql`select account_id, day::text, daily, weekly, monthly from telemetry_daily_active_users
    where account_id in (${ids}) order by 1, 2`;

  const usageRecount = (source: SQL, subject: string) => sql`
    with d as (${source}),
    span as (
      select account_id, subject, (lo + k)::date as day
      from (select account_id, subject, min(day) as lo, max(day) + 29 as hi from d group by 1, 2) s,
        generate_series(0, hi - lo) k
    )
    select s.account_id, s.subject as ${sql.raw(subject)}, s.day::text,
      (count(*) filter (where d.day = s.day))::int as events,
      (count(distinct d.product_user_id))::int as monthly_users
    from span s join d on d.account_id = s.account_id and d.subject = s.subject and d.day between s.day - 29 and s.day
    group by 1, 2, 3
    having count(*) filter (where d.day = s.day) > 0 or count(distinct d.product_user_id) > 0
    order by 1, 2, 3`;
  const eventRecount = usageRecount(
    sql`select account_id, event as subject, product_user_id, day from (${raw}) r`,
    "event",
  );
  const events = sql`select account_id, event, day::text, events, monthly_users from telemetry_daily_event_usage
    where account_id in (${ids}) order by 1, 2, 3`;
  const featureRecount = usageRecount(
    sql`select r.account_id, f.id as subject, r.product_user_id, r.day from (${raw}) r
      join telemetry_key_features f on f.event = r.event and f.property_key is not null
        and r.properties ->> f.property_key = f.property_value`,
    "key_feature_id",
  );
  const features = sql`select account_id, key_feature_id, day::text, events, monthly_users
    from telemetry_daily_key_feature_usage where account_id in (${ids}) order by 1, 2, 3`;

  const [a, ar, e, er, f, fr] = await Promise.all(
    [active, activeRecount, events, eventRecount, features, featureRecount].map(rows),
  );
  expect(a).toEqual(ar);
  expect(e).toEqual(er);
  expect(f).toEqual(fr);
  return { active: a, events: e, features: f };
}

beforeAll(async () => {
  key = (await createApiKey({ name: "Product (aggregates)", createdById: null })).key;
});

describe("usage aggregates", () => {
  it("equal a recount from the raw events after late, concurrent and repeated batches", async () => {
    const accountA = await createAccount({ externalId: uid("crm") });
    const accountB = await createAccount({ externalId: uid("crm") });
    const users = Array.from({ length: 8 }, () => uid("u"));
    const groupOf = (i: number) => (i < 6 ? accountA.externalId : accountB.externalId);
    await send(
      users.map((userId, i) => ({
        type: "group",
        messageId: uid("m"),
        userId,
        groupId: groupOf(i),
        timestamp: at(80, 0),
      })),
    );
    // A filtered feature known before its events arrive: counted by the ingest.
    const pdf = await createKeyFeature({
      name: uid("PDF exports"),
      event: "Export",
      propertyKey: "format",
      propertyValue: "pdf",
      segmentId: null,
    });
    expect(pdf.ok).toBe(true);

    const next = random(12);
    const names = ["Report Created", "Dashboard Viewed", "Export"];
    const events: Record<string, unknown>[] = [];
    for (let i = 0; i < 320; i += 1) {
      const user = Math.floor(next() * 9); // 8 is anonymous
      const days = Math.floor(next() * 75);
      const event = names[Math.floor(next() * names.length)]!;
      events.push(
        track(user < 8 ? users[user]! : null, event, at(days, Math.floor(next() * DAY_MS)), {
          properties: { format: next() < 0.5 ? "pdf" : "csv" },
          ...(user === 8 ? { context: { groupId: next() < 0.5 ? accountA.externalId : accountB.externalId } } : {}),
        }),
      );
    }
    // Window edges: one user active exactly 7 and 30 days apart, at the first and last instant of a day.
    for (const days of [44, 37, 30, 7, 0]) {
      events.push(track(users[0]!, "Export", at(days, 0), { properties: { format: "pdf" } }));
      events.push(track(users[7]!, "Report Created", at(days, DAY_MS - 1)));
    }

    // Recent events first, then the older ones late (two requests at once), then a resend.
    const recent = events.filter((event) => Date.parse(event.timestamp as string) >= MIDNIGHT - 20 * DAY_MS);
    const late = events.filter((event) => Date.parse(event.timestamp as string) < MIDNIGHT - 20 * DAY_MS);
    await send(recent.slice(0, 60));
    await Promise.all([send(recent.slice(60)), send(late.slice(0, 80))]);
    await Promise.all([send(late.slice(80, 140)), send(late.slice(140))]);
    const resend = await send(events.slice(0, 50));
    expect(resend.duplicates).toBe(50);

    const counted = await compare([accountA.id, accountB.id]);
    // The fixture reaches into the windows' edges and past today.
    const today = NOW.toISOString().slice(0, 10);
    expect(counted.active.some((row) => String(row.day) > today)).toBe(true);
    expect(counted.features.length).toBeGreaterThan(0);
    const tail = counted.active.filter((row) => row.account_id === accountB.id).at(-1)!;
    expect(tail).toMatchObject({ daily: 0, weekly: 0 });
    expect(tail.monthly).toBeGreaterThan(0);

    // A feature saved after its events is recounted from the raw events, and so are its aggregates;
    // changing its filter recounts them again.
    const csv = await createKeyFeature({
      name: uid("CSV exports"),
      event: "Export",
      propertyKey: "format",
      propertyValue: "csv",
      segmentId: null,
    });
    expect(csv.ok).toBe(true);
    await compare([accountA.id, accountB.id]);
    if (!csv.ok) return;
    const changed = await updateKeyFeature(csv.id, {
      name: uid("Reports as CSV"),
      event: "Report Created",
      propertyKey: "format",
      propertyValue: "csv",
      segmentId: null,
    });
    expect(changed.ok).toBe(true);
    await compare([accountA.id, accountB.id]);
    // Deleted, its rows go with it (and its recount adds none back).
    expect(await deleteKeyFeature(csv.id)).toBe(true);
    const left = await compare([accountA.id, accountB.id]);
    expect(left.features.some((row) => row.key_feature_id === csv.id)).toBe(false);

    // Recounting everything at once (the migration's backfill) changes nothing.
    const before = await compare([accountA.id, accountB.id]);
    await db.execute(sql`
      select telemetry_refresh_active_users(array_agg(account_id), array_agg(from_day), array_agg(to_day))
      from (select account_id, min(day) as from_day, max(day) + 29 as to_day from telemetry_daily_users group by 1) r`);
    await db.execute(sql`
      select telemetry_refresh_event_usage(array_agg(account_id), array_agg(event), array_agg(from_day), array_agg(to_day))
      from (select account_id, event, min(day) as from_day, max(day) + 29 as to_day from telemetry_daily_events group by 1, 2) r`);
    expect(await compare([accountA.id, accountB.id])).toEqual(before);
  });

  it("count replayed unmatched events in the account they are linked to", async () => {
    const admin = actorOf(await createStaff("admin"));
    const account = await createAccount({ externalId: null });
    const groupId = uid("later");
    const users = [uid("u"), uid("u"), uid("u")];
    const batch = [];
    for (let i = 0; i < 40; i += 1) {
      batch.push(
        track(users[i % 3]!, i % 2 ? "Export" : "Report Created", at(i % 35, (i * HOUR_MS) % DAY_MS), {
          context: { groupId },
          properties: { format: "pdf" },
        }),
      );
    }
    await send(batch);
    expect(await rows(sql`select 1 from telemetry_daily_active_users where account_id = ${account.id}`)).toEqual([]);
    const linked = await linkUnmatchedGroup(admin, { groupId, accountId: account.id });
    expect(linked).toMatchObject({ ok: true, replayed: 40 });
    const counted = await compare([account.id]);
    const today = counted.active.find((row) => row.day === NOW.toISOString().slice(0, 10));
    expect(today).toMatchObject({ monthly: 3 });
  });
});
