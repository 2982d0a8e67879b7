import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { createAccount } from "~db/seed/factories";
import { handleIngestRequest } from "~/domain/telemetry/api.server";
import { SAMPLES_KEPT, SAMPLE_PAYLOAD_CHARS, getIngestionHealth } from "~/domain/telemetry/ingest-stats.server";
import { createRateLimiter } from "~/domain/telemetry/rate-limit";
import { applyTelemetryRetention, retentionCutoff } from "~/domain/telemetry/retention.server";
import { createApiKey } from "~/domain/telemetry/api-keys.server";
import { parseEnv } from "~/lib/env.server";

let sequence = 0;
const uid = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(sequence += 1)}`;
const limiter = createRateLimiter({ burst: 10_000, perSecond: 10_000 });

async function send(key: string, body: unknown, now = new Date(), raw?: string) {
  const request = new Request("http://localhost/api/v1/batch", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: raw ?? JSON.stringify(body),
  });
  return (await handleIngestRequest(request, { limiter, now: () => now })).status;
}

const track = (overrides: Record<string, unknown> = {}) => ({
  type: "track",
  messageId: uid("m"),
  userId: uid("u"),
  event: "Report Viewed",
  ...overrides,
});

describe("ingestion health", () => {
  let source: { id: string; key: string };
  beforeAll(async () => {
    source = await createApiKey({ name: uid("Health key"), createdById: null });
  });

  it("counts accepted, duplicate, rejected and unmatched events per key and UTC day, with reasons and samples", async () => {
    const group = uid("crm");
    await createAccount({ externalId: group });
    const today = new Date();
    const yesterday = new Date(today.getTime() - 86_400_000);
    const repeated = track({ context: { groupId: group } });
    expect(
      await send(
        source.key,
        [repeated, repeated, track(), track({ context: { groupId: group } }), { type: "track", messageId: uid("bad") }],
        yesterday,
      ),
    ).toBe(200);
    expect(await send(source.key, [repeated, { type: "shout", messageId: "x\u0000y" }], today)).toBe(200);
    expect(await send(source.key, null, today, "{not json")).toBe(400);

    const health = await getIngestionHealth(today);
    const mine = health.find((row) => row.id === source.id)!;
    expect(mine.days).toHaveLength(7);
    expect(mine.days[0]).toMatchObject({
      day: today.toISOString().slice(0, 10),
      accepted: 0,
      duplicate: 1,
      rejected: 2,
    });
    expect(mine.days[1]).toMatchObject({ accepted: 3, duplicate: 1, rejected: 1, unmatched: 1 });
    expect(mine.total).toEqual({ accepted: 3, duplicate: 2, rejected: 3, unmatched: 1 });
    expect(Object.fromEntries(mine.reasons.map((reason) => [reason.reason, reason.events]))).toEqual({
      missing_event: 1,
      nul_character: 1,
      invalid_json: 1,
    });
    // PostgreSQL text can't hold the NUL that got the event refused: the sample keeps it escaped.
    const nul = mine.reasons.find((reason) => reason.reason === "nul_character")!;
    expect(nul.samples[0]!.payload).toContain('"type":"shout"');
    expect(nul.samples[0]!.messageId).toBe("x\ufffdy");
  });

  it("keeps a bounded number of samples per reason, each cut short", async () => {
    const noisy = await createApiKey({ name: uid("Noisy key"), createdById: null });
    const big = "x".repeat(5000);
    for (let request = 0; request < 6; request++) {
      const batch = Array.from({ length: 10 }, () => ({
        type: "track",
        messageId: uid("m"),
        userId: "u",
        padding: big,
      }));
      expect(await send(noisy.key, batch)).toBe(400);
    }
    const [kept] = await db.execute<{ n: number; longest: number }>(sql`
      select count(*)::int as n, max(length(payload))::int as longest
      from telemetry_rejection_samples where write_key_id = ${noisy.id}`);
    expect(Number(kept!.n)).toBe(SAMPLES_KEPT);
    expect(Number(kept!.longest)).toBe(SAMPLE_PAYLOAD_CHARS);
    const health = await getIngestionHealth(new Date());
    const row = health.find((entry) => entry.id === noisy.id)!;
    expect(row.total.rejected).toBe(60);
    expect(row.reasons[0]!.samples.length).toBeLessThanOrEqual(3);
  });
});

describe("raw retention", () => {
  it("defaults to 13 months and refuses nonsense", () => {
    expect(parseEnv({}).TELEMETRY_RETENTION_MONTHS).toBe(13);
    expect(parseEnv({ TELEMETRY_RETENTION_MONTHS: "24" }).TELEMETRY_RETENTION_MONTHS).toBe(24);
    expect(() => parseEnv({ TELEMETRY_RETENTION_MONTHS: "0" })).toThrow(/TELEMETRY_RETENTION_MONTHS/);
  });

  it("drops whole monthly partitions past retention and old default-partition rows; rollups stay", async () => {
    const key = await createApiKey({ name: uid("Retention key"), createdById: null });
    const group = uid("crm");
    const account = await createAccount({ externalId: group });
    const now = new Date(Date.UTC(2026, 11, 2, 4, 0));
    expect(retentionCutoff(now, 13).toISOString()).toBe("2025-11-02T04:00:00.000Z");

    // Raw events received long ago, as if ingested then (each month gets its partition, as the ingest makes).
    for (const receivedAt of [
      "2025-01-15T10:00:00Z",
      "2025-10-31T23:00:00Z",
      "2025-11-01T10:00:00Z",
      "2025-11-20T10:00:00Z",
    ]) {
      const at = new Date(receivedAt);
      await db.execute(sql`select telemetry_ensure_partition(${receivedAt.slice(0, 10)}::date)`);
      expect(await send(key.key, [track({ context: { groupId: group }, timestamp: receivedAt })], at)).toBe(200);
    }
    // A month without a partition of its own lands in the default partition.
    await db.execute(sql`
      insert into telemetry_events (received_at, write_key_id, message_id, type, occurred_at)
      values ('2024-03-01T00:00:00Z', ${key.id}, ${uid("m")}, 'track', '2024-03-01T00:00:00Z'),
             ('2026-12-01T00:00:00Z', ${key.id}, ${uid("m")}, 'track', '2026-12-01T00:00:00Z')`);
    const rollupsBefore = await db.execute<{ n: number }>(
      sql`select sum(events)::int as n from telemetry_daily_accounts where account_id = ${account.id}`,
    );
    expect(Number(rollupsBefore[0]!.n)).toBe(4);

    const result = await applyTelemetryRetention(now, 13);
    expect(result.droppedPartitions).toEqual([
      "telemetry_events_2025_01",
      "telemetry_events_2025_02",
      "telemetry_events_2025_10",
    ]);
    expect(result.deletedRows).toBe(1);

    const left = await db.execute<{ received_at: string }>(
      sql`select received_at from telemetry_events where write_key_id = ${key.id} order by received_at`,
    );
    expect(left.map((row) => new Date(row.received_at).toISOString())).toEqual([
      "2025-11-01T10:00:00.000Z",
      "2025-11-20T10:00:00.000Z",
      "2026-12-01T00:00:00.000Z",
    ]);
    const rollupsAfter = await db.execute<{ n: number }>(
      sql`select sum(events)::int as n from telemetry_daily_accounts where account_id = ${account.id}`,
    );
    expect(Number(rollupsAfter[0]!.n)).toBe(4);
    // Duplicates stay recognised after their raw event is gone.
    const [ids] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from telemetry_message_ids where write_key_id = ${key.id}`,
    );
    expect(Number(ids!.n)).toBe(4);

    expect(await applyTelemetryRetention(now, 13)).toEqual({ droppedPartitions: [], deletedRows: 0 });
  });
});
