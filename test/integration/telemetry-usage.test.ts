import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type User, telemetryDailyEvents, telemetryDailyUsers, telemetryProductUsers } from "~db/schema";
import { createAccount, createCustomer, createSegment, createStaff, signedInRequest } from "~db/seed/factories";
import { handleIngestRequest } from "~/domain/telemetry/api.server";
import { createKeyFeature, deleteKeyFeature, updateKeyFeature } from "~/domain/telemetry/key-features.server";
import { getAccountUsage, getTeamAdoption } from "~/domain/telemetry/usage.server";
import { addDays } from "~/domain/telemetry/usage";
import { createApiKey } from "~/domain/telemetry/api-keys.server";
import { listAccounts } from "~/domain/people/accounts.server";
import { newId } from "~/lib/ids.server";
import { DAY_MS } from "~/lib/time";
import { loader as usageLoader } from "~/routes/accounts.$accountId.usage";
import { thrownResponse } from "../support/responses";

const NOW = new Date("2026-06-15T12:00:00Z");
const TODAY = "2026-06-15";
let sequence = 0;
const tag = () => `${Date.now().toString(36)}-${(sequence += 1)}`;

/** A product user of the account active on the given days ago (0 = today), with some key events. */
async function productUser(
  account: Account,
  daysAgo: number[],
  options: { events?: string[]; person?: User; name?: string } = {},
) {
  const id = newId();
  const last = Math.min(...daysAgo);
  const first = Math.max(...daysAgo);
  await db.insert(telemetryProductUsers).values({
    id,
    accountId: account.id,
    externalId: `u-${tag()}`,
    email: options.person?.email ?? `product-${tag()}@test.example`,
    name: options.name ?? `Product user ${tag()}`,
    personId: options.person?.id ?? null,
    firstSeenAt: new Date(NOW.getTime() - first * DAY_MS),
    lastSeenAt: new Date(NOW.getTime() - last * DAY_MS),
  });
  for (const ago of daysAgo) {
    const day = addDays(TODAY, -ago);
    await db.insert(telemetryDailyUsers).values({ accountId: account.id, productUserId: id, day, events: 2 });
    for (const event of options.events ?? []) {
      await db.insert(telemetryDailyEvents).values({ accountId: account.id, productUserId: id, day, event, events: 1 });
    }
  }
  return id;
}

let account: Account;
let other: Account;

beforeAll(async () => {
  account = await createAccount({ licensedSeats: 10 });
  other = await createAccount({ licensedSeats: 10, segmentId: account.segmentId });
  const otherSegment = await createSegment();
  await createKeyFeature({
    name: "Creates reports",
    event: "Report Created",
    propertyKey: null,
    propertyValue: null,
    segmentId: null,
  });
  await createKeyFeature({
    name: "Schedules exports",
    event: "Export Scheduled",
    propertyKey: null,
    propertyValue: null,
    segmentId: null,
  });
  await createKeyFeature({
    name: "Sets up alerts",
    event: "Alert Configured",
    propertyKey: null,
    propertyValue: null,
    segmentId: account.segmentId,
  });
  // Another segment's feature does not apply to this account.
  await createKeyFeature({
    name: "Audits",
    event: "Audit Exported",
    propertyKey: null,
    propertyValue: null,
    segmentId: otherSegment.id,
  });

  await productUser(account, [0, 1, 2], { events: ["Report Created"] }); // active today
  await productUser(account, [3, 10], { events: ["Report Created"] }); // this week
  await productUser(account, [20], { name: "Quiet Quinn" }); // this month, quiet for 20 days
  await productUser(account, [45, 50], { events: ["Export Scheduled"], name: "Gone Gabe" }); // only the previous month
  await productUser(account, [100], { name: "Long Gone" }); // before the window
  // Another account's busy people never count here.
  for (let i = 0; i < 4; i++) await productUser(other, [0, 1], { events: ["Alert Configured"] });
});

describe("the usage of an account", () => {
  it("counts daily, weekly and monthly active users from the rollups, and the trend vs the previous 30 days", async () => {
    const usage = await getAccountUsage(account, { page: 1, now: NOW });
    expect(usage.series).toHaveLength(90);
    expect(usage.series.at(-1)).toEqual({ day: TODAY, daily: 1, weekly: 2, monthly: 3 });
    expect([usage.dau, usage.wau, usage.mau]).toEqual([1, 2, 3]);
    // Thirty days ago the month before held Gabe only.
    expect(usage.previousMau).toBe(1);
    expect(usage.mauTrend).toBe(2);
    expect(usage.series.find((point) => point.day === addDays(TODAY, -45))).toMatchObject({ daily: 1, weekly: 1 });
    expect(usage.utilisation).toBeCloseTo(0.3);
  });

  it("shows key-feature adoption for the account's segment: people per feature and breadth, this and last month", async () => {
    const { adoption } = await getAccountUsage(account, { page: 1, now: NOW });
    expect(adoption.features.map((feature) => [feature.name, feature.people, feature.previousPeople])).toEqual([
      ["Creates reports", 2, 0],
      ["Schedules exports", 0, 1],
      ["Sets up alerts", 0, 0],
    ]);
    expect(adoption.inUse).toBe(1);
    expect(adoption.breadth).toBeCloseTo(1 / 3);
    expect(adoption.previousBreadth).toBeCloseTo(1 / 3);
  });

  it("lists who has gone quiet (seen in 90 days, not in 14) and the product users by last seen, paginated", async () => {
    const usage = await getAccountUsage(account, { page: 1, now: NOW });
    expect(usage.quiet.rows.map((row) => row.name)).toEqual(["Quiet Quinn", "Gone Gabe"]);
    expect(usage.productUsers.total).toBe(5);
    expect(usage.productUsers.rows.at(-1)!.name).toBe("Long Gone");
    const second = await getAccountUsage(account, { page: 2, now: NOW });
    expect(second.productUsers.rows).toEqual([]);
  });

  it("is scoped to the account: another account's activity and features stay out", async () => {
    const usage = await getAccountUsage(other, { page: 1, now: NOW });
    expect([usage.dau, usage.mau]).toEqual([4, 4]);
    expect(usage.adoption.features.find((feature) => feature.name === "Sets up alerts")!.people).toBe(4);
    expect(usage.quiet.total).toBe(0);
  });

  it("is an empty page, not an error, for an account without telemetry", async () => {
    const empty = await createAccount();
    const usage = await getAccountUsage(empty, { page: 1, now: NOW });
    expect([usage.dau, usage.wau, usage.mau, usage.mauTrend, usage.productUsers.total]).toEqual([0, 0, 0, null, 0]);
  });
});

describe("the Usage tab", () => {
  it("is staff's: a CSM sees it, the account's own champion gets 404", async () => {
    const csm = await createStaff("csm");
    const champion = await createCustomer(account.id, "champion");
    const url = `http://localhost/accounts/${account.id}/usage`;
    const args = async (userId: string) => ({
      request: await signedInRequest(userId, url),
      params: { accountId: account.id },
      context: { clientIp: "127.0.0.1" },
    });
    const data = await usageLoader(await args(csm.id));
    expect(data.usage.productUsers.total).toBe(5);
    expect((await thrownResponse(usageLoader(await args(champion.id)))).status).toBe(404);
  });
});

describe("the champion's team adoption", () => {
  it("names only product users linked to the account's own people; others are counted", async () => {
    const team = await createAccount({ licensedSeats: 5 });
    const champion = await createCustomer(team.id, "champion");
    const outsider = await createCustomer(other.id, "member");
    await productUser(team, [1], { person: champion, events: ["Report Created"] });
    await productUser(team, [2], { name: "Unlinked Ursula" });
    // Linked to a person of another account (a stale link) — not a name this champion may see.
    const stale = await productUser(team, [3], { name: "Stale Link" });
    await db.execute(sql`update telemetry_product_users set person_id = ${outsider.id} where id = ${stale}`);
    const adoption = await getTeamAdoption(team, NOW);
    expect(adoption.activePeople).toBe(3);
    expect(adoption.activeNames).toEqual([champion.name]);
    expect(adoption.unlinkedActive).toBe(2);
    expect(JSON.stringify(adoption)).not.toContain(outsider.name);
    expect(adoption.features.find((feature) => feature.name === "Creates reports")!.people).toBe(1);
  });
});

describe("the account list's active / seats", () => {
  it("shows monthly active users and sorts by their share of seats, both ways", async () => {
    const prefix = `Sort ${tag()}`;
    const low = await createAccount({ name: `${prefix} low`, licensedSeats: 100 });
    const high = await createAccount({ name: `${prefix} high`, licensedSeats: 2 });
    const none = await createAccount({ name: `${prefix} none`, licensedSeats: 5 });
    await productUser(low, [1]);
    await productUser(low, [2]);
    await productUser(high, [1]);
    await productUser(high, [40]); // last month's: not active now
    const desc = await listAccounts({ q: prefix, sort: "active_desc" }, NOW);
    expect(desc.map((row) => [row.id, row.monthlyActive])).toEqual([
      [high.id, 1],
      [low.id, 2],
      [none.id, 0],
    ]);
    const asc = await listAccounts({ q: prefix, sort: "active_asc" }, NOW);
    expect(asc.map((row) => row.id)).toEqual([none.id, low.id, high.id]);
  });
});

describe("key features with a property filter", () => {
  it("count from the ingest as events arrive, and from the kept raw events when created or changed", async () => {
    const { key } = await createApiKey({ name: `Usage test ${tag()}`, createdById: null });
    const externalId = `crm-${tag()}`;
    const customer = await createAccount({ externalId });
    const post = (batch: unknown[]) =>
      handleIngestRequest(
        new Request("http://localhost/api/v1/batch", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
          body: JSON.stringify({ batch }),
        }),
        {},
      );
    const pdf = await createKeyFeature({
      name: "Exports PDFs",
      event: "Report Exported",
      propertyKey: "format",
      propertyValue: "pdf",
      segmentId: null,
    });
    expect(pdf.ok).toBe(true);
    const now = new Date().toISOString();
    const tracked = (userId: string, format: string) => ({
      type: "track",
      messageId: `m-${tag()}`,
      userId,
      event: "Report Exported",
      properties: { format },
      context: { groupId: externalId },
      timestamp: now,
    });
    const response = await post([tracked("ann", "pdf"), tracked("bob", "csv"), tracked("cy", "pdf")]);
    expect(response.status).toBe(200);
    const peopleOf = async (name: string) =>
      (await getAccountUsage(customer, { page: 1 })).adoption.features.find((feature) => feature.name === name)?.people;
    expect(await peopleOf("Exports PDFs")).toBe(2);

    // Created after the events: counted from the raw events kept.
    const csv = await createKeyFeature({
      name: "Exports CSVs",
      event: "Report Exported",
      propertyKey: "format",
      propertyValue: "csv",
      segmentId: null,
    });
    expect(await peopleOf("Exports CSVs")).toBe(1);
    // Changing the filter recounts it.
    if (!csv.ok) throw new Error("not created");
    // The same definition as another feature is refused; for one segment it is a feature of its own.
    const same = { name: "Exports CSVs", event: "Report Exported", propertyKey: "format", propertyValue: "pdf" };
    expect(await updateKeyFeature(csv.id, { ...same, segmentId: null })).toEqual({ ok: false, error: "duplicate" });
    expect(await peopleOf("Exports CSVs")).toBe(1);
    expect((await updateKeyFeature(csv.id, { ...same, segmentId: customer.segmentId })).ok).toBe(true);
    expect(await peopleOf("Exports CSVs")).toBe(2);
    expect(await deleteKeyFeature(csv.id)).toBe(true);
    expect(await peopleOf("Exports CSVs")).toBeUndefined();
  });
});
