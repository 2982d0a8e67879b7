import { beforeAll, describe, expect, it } from "vitest";
import { actorOf, createAccount, createHealthSnapshots, createStaff, createSubscription } from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import type { ApiAccount } from "~/domain/health/read-api.server";
import { accountRevenue } from "~/domain/revenue/account-revenue.server";
import { addLedgerEntry, getSubscription } from "~/domain/revenue/ledger.server";
import { setForecast } from "~/domain/revenue/renewals.server";
import { parsePeriod, retentionTotals } from "~/domain/revenue/retention";
import { cohortRetention } from "~/domain/revenue/retention.server";
import { createApiKey } from "~/domain/telemetry/api-keys.server";
import { loader as accountsLoader } from "~/routes/api.v1.accounts._index";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.]json";
import { loader as retentionLoader } from "~/routes/api.v1.retention";

let readKey: string;
let ingestKey: string;
let actor: StaffActor;
const context = { clientIp: "127.0.0.1" };

function get(path: string, key: string | null = readKey) {
  const headers = new Headers();
  if (key !== null) headers.set("authorization", `Bearer ${key}`);
  return new Request(`http://localhost/api/v1/${path}`, { headers });
}

type ErrorBody = { error: { code: string; message: string } };

/** Every account of the API, all pages. */
async function allAccounts(): Promise<Map<string, ApiAccount>> {
  const found = new Map<string, ApiAccount>();
  let cursor: string | null = null;
  do {
    const query: string = `accounts?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const response = await accountsLoader({ request: get(query), params: {}, context });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: ApiAccount[]; nextCursor: string | null };
    for (const row of body.data) found.set(row.id, row);
    cursor = body.nextCursor;
  } while (cursor);
  return found;
}

async function retention(query: string, key: string | null = readKey) {
  const response = await retentionLoader({ request: get(`retention${query}`, key), params: {}, context });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & ErrorBody };
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  readKey = (await createApiKey({ name: "Finance report", scope: "read", createdById: null })).key;
  ingestKey = (await createApiKey({ name: "Product", createdById: null })).key;
  actor = actorOf(await createStaff("csm")) as StaffActor;
});

describe("revenue on GET /api/v1/accounts", () => {
  it("gives each account its ARR, currency, renewal date, status and both forecasts — nulls without a subscription", async () => {
    const paying = await createAccount();
    await createSubscription(paying.id, { arr: 12_345.5, currency: "EUR", startDate: "2026-03-01" });
    const subscription = await getSubscription(paying.id);
    expect(
      await setForecast(actor, paying, {
        accountId: paying.id,
        forecast: "commit",
        note: "",
        version: subscription!.version,
      }),
    ).toEqual({
      ok: true,
    });
    // Green at 90 with no fall: the automatic call is commit too.
    await createHealthSnapshots(paying.id, { [daysAgo(1)]: 90 });

    const risky = await createAccount();
    await createSubscription(risky.id, { arr: 9_000, startDate: "2026-01-15" });
    await createHealthSnapshots(risky.id, { [daysAgo(1)]: 50 });

    const gone = await createAccount();
    await createSubscription(gone.id, { arr: 3_000, startDate: "2026-01-01" });
    expect(
      await addLedgerEntry(actor, gone, {
        accountId: gone.id,
        kind: "churn",
        effectiveOn: "2026-05-01",
        amount: 0,
        note: "",
        churnReason: "budget",
      }),
    ).toMatchObject({ ok: true });

    const bare = await createAccount();

    const api = await allAccounts();
    expect(api.get(paying.id)).toMatchObject({
      status: "active",
      arr: 12_345.5,
      currency: "EUR",
      renewalDate: "2027-03-01",
      forecast: { call: "commit", automatic: "commit" },
    });
    expect(api.get(risky.id)).toMatchObject({
      status: "active",
      arr: 9_000,
      currency: "USD",
      renewalDate: "2027-01-15",
      forecast: { call: null, automatic: "at_risk" },
    });
    expect(api.get(gone.id)).toMatchObject({
      status: "churned",
      arr: 0,
      currency: "USD",
      forecast: { call: null, automatic: "will_churn" },
    });
    expect(api.get(bare.id)).toMatchObject({
      status: "active",
      arr: null,
      currency: null,
      renewalDate: null,
      forecast: { call: null, automatic: null },
    });
  });

  it("never gives one account another's subscription, and reads a whole page in one query", async () => {
    const a = await createAccount();
    const b = await createAccount();
    await createSubscription(a.id, { arr: 1_000, currency: "GBP" });
    await createSubscription(b.id, { arr: 2_000, currency: "JPY" });
    const lonely = await createAccount();
    const map = await accountRevenue([a.id, b.id, lonely.id, "no-such-account"]);
    expect([...map.keys()]).toEqual([a.id, b.id, lonely.id, "no-such-account"]);
    expect([map.get(a.id)!.arr, map.get(a.id)!.currency]).toEqual([1_000, "GBP"]);
    expect([map.get(b.id)!.arr, map.get(b.id)!.currency]).toEqual([2_000, "JPY"]);
    expect(map.get(lonely.id)!.arr).toBeNull();
    expect(map.get("no-such-account")!.currency).toBeNull();
    // Without health given there is no automatic call (revenue doesn't read health itself).
    expect(map.get(a.id)!.forecast.automatic).toBeNull();
  });
});

describe("GET /api/v1/retention", () => {
  it("answers the period's retention per currency, the same numbers as retention.ts on a hand-made ledger", async () => {
    // Before 2026, when this file's other subscriptions start, so the cohort is only these.
    const add = (
      account: { id: string },
      kind: "expansion" | "contraction" | "churn" | "new",
      on: string,
      amount = 0,
    ) =>
      addLedgerEntry(actor, account, {
        accountId: account.id,
        kind,
        effectiveOn: on,
        amount,
        note: "",
        churnReason: kind === "churn" ? "budget" : undefined,
      });
    const a = await createAccount();
    await createSubscription(a.id, { arr: 10_000, startDate: "2023-11-01" });
    await add(a, "expansion", "2024-02-10", 2_500);
    const b = await createAccount();
    await createSubscription(b.id, { arr: 6_000, startDate: "2023-12-01" });
    await add(b, "contraction", "2024-03-01", 1_000);
    const c = await createAccount();
    await createSubscription(c.id, { arr: 4_000, startDate: "2023-10-01" });
    await add(c, "churn", "2024-01-20");
    const d = await createAccount();
    await createSubscription(d.id, { arr: 800, startDate: "2023-12-15", currency: "EUR" });
    const late = await createAccount();
    await createSubscription(late.id, { arr: 99_000, startDate: "2024-02-01" });

    const { status, body } = await retention("?period=2024-Q1");
    expect(status).toBe(200);
    const expected = retentionTotals(await cohortRetention(parsePeriod("2024-Q1")!));
    expect(body.period).toEqual({ key: "2024-Q1", start: "2024-01-01", end: "2024-03-31" });
    expect(body.currencies).toEqual(expected);
    expect(body.currencies).toEqual([
      expect.objectContaining({
        currency: "USD",
        startArr: 20_000,
        expansion: 2_500,
        contraction: 1_000,
        churn: 4_000,
        endArr: 17_500,
        logosAtStart: 3,
        logosLost: 1,
      }),
      expect.objectContaining({ currency: "EUR", startArr: 800, grr: 1, nrr: 1, logoChurn: 0 }),
    ]);
    const usd = (body.currencies as { grr: number; nrr: number; logoChurn: number }[])[0]!;
    expect(usd.grr).toBeCloseTo(15_000 / 20_000, 10);
    expect(usd.nrr).toBeCloseTo(17_500 / 20_000, 10);
    expect(usd.logoChurn).toBeCloseTo(1 / 3, 10);

    // A month and a year parse too; February alone has only the expansion.
    const february = await retention("?period=2024-02");
    expect(february.body.period).toEqual({ key: "2024-02", start: "2024-02-01", end: "2024-02-29" });
    expect((february.body.currencies as { expansion: number; churn: number }[])[0]).toMatchObject({
      expansion: 2_500,
      churn: 0,
    });
    const year = await retention("?period=2024");
    expect(year.body.period).toEqual({ key: "2024", start: "2024-01-01", end: "2024-12-31" });
    // Nobody had ARR before 2000: an empty cohort is an empty list, not an error.
    expect((await retention("?period=2000-Q1")).body.currencies).toEqual([]);
  });

  it("refuses a missing or malformed period with 400 invalid_period", async () => {
    for (const query of ["", "?period=", "?period=2026-Q5", "?period=2026-13", "?period=abc", "?period=2026-Q0"]) {
      const answer = await retention(query);
      expect([query, answer.status, answer.body.error.code]).toEqual([query, 400, "invalid_period"]);
      expect(answer.body.error.message).toMatch(/YYYY-Qn/);
    }
  });

  it("takes the same keys as the other read endpoints", async () => {
    expect((await retention("?period=2024-Q1", null)).status).toBe(401);
    const wrong = await retention("?period=2024-Q1", ingestKey);
    expect([wrong.status, wrong.body.error.code]).toEqual([403, "wrong_scope"]);
  });

  it("is in the OpenAPI document, with the account's revenue fields", async () => {
    const document = (await (await openApiLoader()).json()) as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    expect(document.paths["/retention"]!.get!.responses).toHaveProperty("400");
    expect(document.components.schemas.Retention).toBeDefined();
    expect(document.components.schemas.Account!.required).toEqual(
      expect.arrayContaining(["arr", "currency", "renewalDate", "forecast", "status"]),
    );
  });
});
