import { gzipSync } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { telemetryProductUsers, telemetryWriteKeys } from "~db/schema";
import { createAccount, createCustomer } from "~db/seed/factories";
import { handleIngestRequest } from "~/domain/telemetry/api.server";
import { type CallType, REJECTION_MESSAGES } from "~/domain/telemetry/events";
import type { openApiDocument } from "~/domain/telemetry/openapi.server";
import { createRateLimiter } from "~/domain/telemetry/rate-limit";
import { createApiKey, revokeApiKey, rotateApiKey } from "~/domain/telemetry/api-keys.server";
import { loader } from "~/routes/api.v1.openapi[.]json";

let key: string;
let keyId: string;
let sequence = 0;
const uid = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(sequence += 1)}`;

function basic(writeKey: string) {
  return `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
}

function post(
  body: unknown,
  options: {
    path?: string;
    auth?: string | null;
    contentType?: string;
    gzip?: boolean;
    raw?: Uint8Array | string;
  } = {},
) {
  const headers = new Headers({ "content-type": options.contentType ?? "application/json" });
  if (options.auth !== null) headers.set("authorization", options.auth ?? basic(key));
  let payload: Uint8Array | string = options.raw ?? JSON.stringify(body);
  if (options.gzip) {
    payload = gzipSync(payload);
    headers.set("content-encoding", "gzip");
  }
  return new Request(`http://localhost/api/v1/${options.path ?? "batch"}`, {
    method: "POST",
    headers,
    body: payload as BodyInit,
  });
}

async function send(body: unknown, options: Parameters<typeof post>[1] & { impliedType?: CallType; now?: Date } = {}) {
  const response = await handleIngestRequest(post(body, options), {
    impliedType: options.impliedType,
    now: options.now ? () => options.now! : undefined,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as IngestBody };
}

interface IngestBody {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: { messageId: string | null; status: string; reason?: string }[];
  error?: { code: string; message: string };
}

const track = (overrides: Record<string, unknown> = {}): Record<string, unknown> & { messageId: string } => ({
  type: "track",
  messageId: uid("m"),
  userId: uid("u"),
  event: "Report Viewed",
  timestamp: new Date().toISOString(),
  ...overrides,
});

async function rawCount(messageId: string) {
  const rows = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from telemetry_events where message_id = ${messageId}`,
  );
  return rows[0]!.n;
}

beforeAll(async () => {
  const created = await createApiKey({ name: "Product (test)", createdById: null });
  key = created.key;
  keyId = created.id;
});

describe("write keys", () => {
  it("stores only a hash with a recognisable prefix, and marks the key used", async () => {
    expect(key).toMatch(/^tdm_wk_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(telemetryWriteKeys).where(eq(telemetryWriteKeys.id, keyId));
    expect(row!.keyHash).not.toContain(key.slice(7));
    expect(row!.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await send([track()])).status).toBe(200);
    const [used] = await db.select().from(telemetryWriteKeys).where(eq(telemetryWriteKeys.id, keyId));
    expect(used!.lastUsedAt).not.toBeNull();
  });

  it("answers 401 without a key, with an unknown key, and with a revoked key", async () => {
    const missing = await send([track()], { auth: null });
    expect(missing.status).toBe(401);
    expect(missing.body.error?.code).toBe("invalid_write_key");
    expect(missing.headers.get("www-authenticate")).toContain("Basic");
    expect((await send([track()], { auth: basic("tdm_wk_nottherightkey") })).status).toBe(401);

    const doomed = await createApiKey({ name: "Doomed", createdById: null });
    const event = track();
    expect((await send([event], { auth: `Bearer ${doomed.key}` })).status).toBe(200);
    expect(await revokeApiKey(doomed.id)).toBe(true);
    const refused = await send([track()], { auth: `Bearer ${doomed.key}` });
    expect(refused.status).toBe(401);
  });

  it("rotating gives a new secret for the same source: the old key is refused, messageIds stay known", async () => {
    const source = await createApiKey({ name: "Rotating", createdById: null });
    const event = track();
    expect((await send([event], { auth: basic(source.key) })).body.accepted).toBe(1);
    const rotated = await rotateApiKey(source.id);
    expect(rotated!.key).not.toBe(source.key);
    expect((await send([track()], { auth: basic(source.key) })).status).toBe(401);
    const again = await send([event], { auth: basic(rotated!.key) });
    expect(again.body.results[0]!.status).toBe("duplicate");
  });
});

describe("verdicts", () => {
  it("accepts a batch object, a bare array and single calls, and stores each event once", async () => {
    const account = await createAccount({ externalId: uid("crm") });
    const userId = uid("u");
    const batch = [
      { type: "identify", messageId: uid("m"), userId, traits: { email: "ann@example.com", name: "Ann" } },
      { type: "group", messageId: uid("m"), userId, groupId: account.externalId },
      track({ userId }),
    ];
    const response = await send({ batch, sentAt: new Date().toISOString() });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accepted: 3, duplicates: 0, rejected: 0 });
    expect(response.body.results.map((result) => result.status)).toEqual(["accepted", "accepted", "accepted"]);
    for (const event of batch) expect(await rawCount(event.messageId)).toBe(1);

    expect((await send([track()])).body.accepted).toBe(1);
    const single = track();
    const tracked = await send({ ...single, type: undefined }, { path: "track", impliedType: "track" });
    expect(tracked.body.results).toEqual([{ messageId: single.messageId, status: "accepted" }]);
    const identified = await send({ userId, traits: {} }, { path: "identify", impliedType: "identify" });
    expect(identified.body.accepted).toBe(1);
    const grouped = await send({ groupId: "g", userId: uid("u") }, { path: "group", impliedType: "group" });
    expect(grouped.body.accepted).toBe(1);
    const wrongType = await send(track(), { path: "group", impliedType: "group" });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.results[0]!.reason).toBe("type_mismatch");
  });

  it("a messageId seen before is a duplicate and changes nothing, in the same batch and months later", async () => {
    const event = track();
    const first = await send([event, event]);
    expect(first.body).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(first.body.results.map((result) => result.status)).toEqual(["accepted", "duplicate"]);

    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await send([event], { now: tomorrow })).body.results[0]!.status).toBe("duplicate");
    // Months later the event would land in another partition: the dedup table still knows it.
    const later = new Date(Date.now() + 70 * 86_400_000);
    const replayed = await send([{ ...event, timestamp: later.toISOString() }], { now: later });
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ accepted: 0, duplicates: 1, rejected: 0 });
    expect(await rawCount(event.messageId)).toBe(1);
  });

  it("rejects each bad event with its reason, writes none of them, and keeps the good ones", async () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let level = 0; level < 11; level += 1) cursor = cursor.next = {} as Record<string, unknown>;
    const cases: [unknown, string][] = [
      ["not an object", "not_an_object"],
      [{ ...track(), type: undefined }, "missing_type"],
      [{ ...track(), type: "page" }, "unknown_type"],
      [{ ...track(), event: undefined }, "missing_event"],
      [{ ...track(), event: "x".repeat(201) }, "event_name_too_long"],
      [{ ...track(), userId: undefined }, "missing_user_id"],
      [{ type: "identify", messageId: uid("m"), anonymousId: "a" }, "missing_user_id"],
      [{ type: "group", messageId: uid("m"), userId: "u" }, "missing_group_id"],
      [{ ...track(), userId: { id: 1 } }, "invalid_id"],
      [{ ...track(), messageId: "m".repeat(101) }, "message_id_too_long"],
      [{ ...track(), properties: [1, 2] }, "invalid_object"],
      [{ ...track(), properties: "text" }, "invalid_object"],
      [{ ...track(), properties: deep }, "too_deep"],
      [{ ...track(), timestamp: "yesterday" }, "invalid_timestamp"],
      [{ ...track(), timestamp: new Date(Date.now() + 24 * 3600_000).toISOString() }, "timestamp_in_future"],
      [{ ...track(), timestamp: "1999-12-31T23:59:59Z" }, "timestamp_too_old"],
      [{ ...track(), properties: { blob: "x".repeat(33 * 1024) } }, "event_too_large"],
      [{ ...track(), properties: { text: "a\u0000b" } }, "nul_character"],
      [{ ...track(), properties: { text: "\ud800" } }, "invalid_unicode"],
    ];
    const good = track({ properties: { nested: { fine: true } } });
    const response = await send([...cases.map(([event]) => event), good]);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ accepted: 1, duplicates: 0, rejected: cases.length });
    expect(response.body.results.slice(0, -1).map((result) => result.reason)).toEqual(
      cases.map(([, reason]) => reason),
    );
    expect(response.body.results.at(-1)).toEqual({ messageId: good.messageId, status: "accepted" });
    for (const [event] of cases) {
      const messageId = (event as { messageId?: unknown }).messageId;
      if (typeof messageId === "string" && messageId.length <= 100) expect(await rawCount(messageId)).toBe(0);
    }
  });

  it("answers 400 with the verdicts when every event is rejected, and the ids stay unclaimed", async () => {
    const bad = { ...track(), event: "" };
    const response = await send({ batch: [bad] });
    expect(response.status).toBe(400);
    expect(response.body.error?.code).toBe("all_rejected");
    expect(response.body).toMatchObject({ accepted: 0, rejected: 1 });
    expect(response.body.results[0]).toMatchObject({ messageId: bad.messageId, reason: "missing_event" });
    // A rejected event claims nothing: sent again corrected, it is accepted.
    expect((await send([{ ...bad, event: "Fixed" }])).body.accepted).toBe(1);
  });

  it("refuses unusable bodies with their reason", async () => {
    const notJson = await send(null, { raw: "{batch:" });
    expect([notJson.status, notJson.body.error?.code]).toEqual([400, "invalid_json"]);
    const form = await send(null, { raw: "a=b", contentType: "application/x-www-form-urlencoded" });
    expect([form.status, form.body.error?.code]).toEqual([415, "unsupported_media_type"]);
    const latin1 = await send(null, { raw: new Uint8Array([0x5b, 0xe9, 0x5d]) });
    expect([latin1.status, latin1.body.error?.code]).toEqual([400, "invalid_utf8"]);
    const nul = await send(null, { raw: new Uint8Array([0x5b, 0x00, 0x5d]) });
    expect([nul.status, nul.body.error?.code]).toEqual([400, "nul_byte"]);
    const shape = await send({ events: [] });
    expect([shape.status, shape.body.error?.code]).toEqual([400, "invalid_body"]);
    const empty = await send({ batch: [] });
    expect([empty.status, empty.body.error?.code]).toEqual([400, "empty_batch"]);
    const sentAt = await send({ batch: [track()], sentAt: "soon" });
    expect([sentAt.status, sentAt.body.error?.code]).toEqual([400, "invalid_sent_at"]);
    const get = await handleIngestRequest(new Request("http://localhost/api/v1/batch"));
    expect(get.status).toBe(405);
  });

  it("takes gzip bodies and applies the limits after decompression", async () => {
    const event = track();
    const zipped = await send([event], { gzip: true });
    expect(zipped.body.accepted).toBe(1);

    const big = Array.from({ length: 40 }, () => track({ properties: { pad: "x".repeat(30 * 1024) } }));
    const plain = await send(big);
    expect([plain.status, plain.body.error?.code]).toEqual([413, "request_too_large"]);
    // Compresses to a few KB, inflates past 1 MB.
    const bomb = await send(big, { gzip: true });
    expect([bomb.status, bomb.body.error?.code]).toEqual([413, "request_too_large"]);
    for (const padded of big.slice(0, 3)) expect(await rawCount(padded.messageId)).toBe(0);

    const notGzip = post(null, { raw: "[]" });
    notGzip.headers.set("content-encoding", "gzip");
    const broken = await handleIngestRequest(notGzip);
    expect([broken.status, ((await broken.json()) as IngestBody).error?.code]).toEqual([400, "invalid_gzip"]);

    const tooMany = await send(Array.from({ length: 2501 }, () => ({ type: "track" })));
    expect([tooMany.status, tooMany.body.error?.code]).toEqual([413, "too_many_events"]);
    const atLimit = await send(Array.from({ length: 2500 }, () => track()));
    expect(atLimit.body.accepted).toBe(2500);
  });

  it("answers 429 with Retry-After past the key's rate limit", async () => {
    let clock = 0;
    const limiter = createRateLimiter({ burst: 2, perSecond: 0.5, now: () => clock });
    const call = () => handleIngestRequest(post([track()]), { limiter });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(((await limited.json()) as IngestBody).error?.code).toBe("rate_limited");
    clock += 2000;
    expect((await call()).status).toBe(200);
  });
});

describe("time", () => {
  it("corrects the client's clock with sentAt: timestamp = receivedAt − (sentAt − timestamp)", async () => {
    const receivedAt = new Date("2026-11-20T12:00:00.000Z");
    // The device's clock is two days behind; the event happened 30 s before the batch was sent.
    const event = track({ timestamp: "2026-11-18T11:59:30.000Z" });
    await send({ batch: [event], sentAt: "2026-11-18T12:00:00.000Z" }, { now: receivedAt });
    const [row] = await db.execute<{ occurred_at: string; original_timestamp: string }>(
      sql`select occurred_at::text, original_timestamp::text from telemetry_events where message_id = ${event.messageId}`,
    );
    expect(new Date(row!.occurred_at).toISOString()).toBe("2026-11-20T11:59:30.000Z");
    expect(new Date(row!.original_timestamp).toISOString()).toBe("2026-11-18T11:59:30.000Z");

    // Without a timestamp the event happened when it was received.
    const untimed = track({ timestamp: undefined });
    await send([untimed], { now: receivedAt });
    const [plain] = await db.execute<{ occurred_at: string }>(
      sql`select occurred_at::text from telemetry_events where message_id = ${untimed.messageId}`,
    );
    expect(new Date(plain!.occurred_at).toISOString()).toBe(receivedAt.toISOString());
  });
});

describe("mapping", () => {
  it("maps groupId to the account by external id, and a user's events to its last group's account", async () => {
    const orbit = await createAccount({ externalId: uid("crm") });
    const helix = await createAccount({ externalId: uid("crm") });
    const person = await createCustomer(orbit.id, "member", { email: `${uid("kim")}@orbit.example` });
    const userId = uid("u");
    const hourAgo = Date.now() - 60 * 60_000;
    const at = (minutes: number) => new Date(hourAgo + minutes * 60_000).toISOString();
    const first = track({ userId, timestamp: at(2) });
    const viaContext = track({ userId, timestamp: at(4), context: { groupId: helix.externalId } });
    await send([
      { type: "group", messageId: uid("m"), userId, groupId: orbit.externalId, timestamp: at(1) },
      first,
      {
        type: "identify",
        messageId: uid("m"),
        userId,
        timestamp: at(3),
        traits: { email: person.email.toUpperCase(), firstName: "Kim", lastName: "Lee" },
      },
      viaContext,
    ]);
    const [user] = await db.select().from(telemetryProductUsers).where(eq(telemetryProductUsers.externalId, userId));
    expect(user).toMatchObject({ accountId: helix.id, groupId: helix.externalId, name: "Kim Lee" });
    expect(user!.firstSeenAt.toISOString()).toBe(at(1));
    expect(user!.lastSeenAt.toISOString()).toBe(at(4));
    const accountsOf = await db.execute<{ message_id: string; account_id: string }>(
      sql`select message_id, account_id from telemetry_events where message_id in (${first.messageId}, ${viaContext.messageId})`,
    );
    expect(Object.fromEntries(accountsOf.map((row) => [row.message_id, row.account_id]))).toEqual({
      [first.messageId]: orbit.id,
      [viaContext.messageId]: helix.id,
    });

    // An older group call arriving late does not move the user back.
    await send([{ type: "group", messageId: uid("m"), userId, groupId: orbit.externalId, timestamp: at(0) }]);
    const [still] = await db.select().from(telemetryProductUsers).where(eq(telemetryProductUsers.externalId, userId));
    expect(still!.accountId).toBe(helix.id);
    expect(still!.personId).toBeNull();

    // Back in Orbit, where the portal person with the same email is: linked.
    await send([{ type: "group", messageId: uid("m"), userId, groupId: orbit.externalId, timestamp: at(5) }]);
    const [linked] = await db.select().from(telemetryProductUsers).where(eq(telemetryProductUsers.externalId, userId));
    expect(linked).toMatchObject({ accountId: orbit.id, personId: person.id });
  });

  it("keeps events of an unknown group as unmatched, outside every account's rollups", async () => {
    const userId = uid("u");
    const event = track({ userId, context: { groupId: uid("nobody") } });
    const response = await send([event]);
    expect(response.body.accepted).toBe(1);
    const [row] = await db.execute<{ account_id: string | null; group_id: string }>(
      sql`select account_id, group_id from telemetry_events where message_id = ${event.messageId}`,
    );
    expect(row).toEqual({ account_id: null, group_id: (event.context as { groupId: string }).groupId });
    const [user] = await db.select().from(telemetryProductUsers).where(eq(telemetryProductUsers.externalId, userId));
    expect(user!.accountId).toBeNull();
  });
});

describe("rollups", () => {
  it("equal a recount from the raw events", async () => {
    const accountA = await createAccount({ externalId: uid("crm") });
    const accountB = await createAccount({ externalId: uid("crm") });
    const users = [uid("u"), uid("u"), uid("u")];
    const day = (offset: number, hour: number) =>
      new Date(Date.now() - offset * 86_400_000 - hour * 3_600_000).toISOString();
    await send([
      { type: "group", messageId: uid("m"), userId: users[0], groupId: accountA.externalId, timestamp: day(5, 0) },
      { type: "group", messageId: uid("m"), userId: users[1], groupId: accountA.externalId, timestamp: day(5, 0) },
      { type: "group", messageId: uid("m"), userId: users[2], groupId: accountB.externalId, timestamp: day(5, 0) },
    ]);
    const events = [];
    for (let i = 0; i < 60; i += 1) {
      events.push(
        track({ userId: users[i % 3], event: i % 4 === 0 ? "Export" : "Report Viewed", timestamp: day(i % 4, i % 5) }),
      );
    }
    events.push(track({ userId: undefined, anonymousId: "anon", context: { groupId: accountB.externalId } }));
    // Sent in two requests, one concurrent with the other, plus a resend that must not count twice.
    await Promise.all([send(events.slice(0, 30)), send(events.slice(30))]);
    await send(events.slice(0, 10));

    const scope = sql`account_id in (${accountA.id}, ${accountB.id})`;
    const recount = async (query: ReturnType<typeof sql>) => (await db.execute(query)).map((row) => ({ ...row }));
    const byAccount = sql`select account_id, (occurred_at at time zone 'UTC')::date::text as day, count(*)::int as events
      from telemetry_events where type = 'track' and ${scope} group by 1, 2 order by 1, 2`;
    const rolledAccount = sql`select account_id, day::text, events from telemetry_daily_accounts where ${scope} order by 1, 2`;
    expect(await recount(rolledAccount)).toEqual(await recount(byAccount));

    const byUser = sql`select account_id, (occurred_at at time zone 'UTC')::date::text as day, product_user_id, count(*)::int as events
      from telemetry_events where type = 'track' and product_user_id is not null and ${scope} group by 1, 2, 3 order by 1, 2, 3`;
    const rolledUser = sql`select account_id, day::text, product_user_id, events from telemetry_daily_users where ${scope} order by 1, 2, 3`;
    expect(await recount(rolledUser)).toEqual(await recount(byUser));

    const byEvent = sql`select account_id, (occurred_at at time zone 'UTC')::date::text as day, event, coalesce(product_user_id, '') as product_user_id, count(*)::int as events
      from telemetry_events where type = 'track' and ${scope} group by 1, 2, 3, 4 order by 1, 2, 3, 4`;
    const rolledEvent = sql`select account_id, day::text, event, product_user_id, events from telemetry_daily_events where ${scope} order by 1, 2, 3, 4`;
    const rolled = await recount(rolledEvent);
    expect(rolled).toEqual(await recount(byEvent));
    expect(rolled.reduce((sum, row) => sum + Number(row.events), 0)).toBe(61);
  });
});

describe("the OpenAPI document", () => {
  it("describes the four ingest endpoints (and the read ones), both ways to authenticate and every rejection reason", async () => {
    const response = loader();
    expect(response.status).toBe(200);
    const document = (await response.json()) as typeof openApiDocument;
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual([
      "/batch",
      "/track",
      "/identify",
      "/group",
      "/accounts",
      "/accounts/{id}/health",
      "/retention",
    ]);
    expect(Object.keys(document.components.securitySchemes)).toEqual(["basic", "bearer"]);
    const reasons = document.components.schemas.Verdict.properties.results.items.properties.reason.enum;
    expect(reasons).toContain("timestamp_in_future");
    expect(reasons).toHaveLength(Object.keys(REJECTION_MESSAGES).length);
  });
});
