import { asc } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts } from "~db/schema";
import { actorOf, createAccount, createCustomer, createStaff } from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import type { ApiAccount, ApiHealth } from "~/domain/health/read-api.server";
import { handleAccountHealthRequest } from "~/domain/health/read-api.server";
import { activeOverride, setOverride } from "~/domain/health/overrides.server";
import { setPulse } from "~/domain/health/timeline.server";
import { getAccountHealth } from "~/domain/health/view.server";
import { handleIngestRequest } from "~/domain/telemetry/api.server";
import { createApiKey, revokeApiKey } from "~/domain/telemetry/api-keys.server";
import { createRateLimiter } from "~/domain/telemetry/rate-limit";
import { encodeCursor } from "~/lib/pagination";
import { todayIn } from "~/lib/format";
import { loader as accountsLoader } from "~/routes/api.v1.accounts._index";
import { loader as healthLoader } from "~/routes/api.v1.accounts.$accountId.health";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.]json";

let readKey: string;
let staff: StaffActor;
let ingestKey: string;
const context = { clientIp: "127.0.0.1" };

function get(path: string, key: string | null, scheme: "Bearer" | "Basic" = "Bearer") {
  const headers = new Headers();
  if (key !== null) {
    headers.set("authorization", scheme === "Bearer" ? `Bearer ${key}` : `Basic ${btoa(`${key}:`)}`);
  }
  return new Request(`http://localhost/api/v1/${path}`, { headers });
}

type ErrorBody = { error: { code: string; message: string } };
type Page = { data: ApiAccount[]; nextCursor: string | null };

async function listAccounts(query: string, key: string | null = readKey) {
  const response = await accountsLoader({ request: get(`accounts${query}`, key), params: {}, context });
  return { status: response.status, body: (await response.json()) as Page & ErrorBody };
}

async function health(id: string, key: string | null = readKey, scheme: "Bearer" | "Basic" = "Bearer") {
  const response = await healthLoader({
    request: get(`accounts/${id}/health`, key, scheme),
    params: { accountId: id },
    context,
  });
  return { status: response.status, body: (await response.json()) as ApiHealth & ErrorBody };
}

beforeAll(async () => {
  readKey = (await createApiKey({ name: "Report (test)", scope: "read", createdById: null })).key;
  ingestKey = (await createApiKey({ name: "Product (test)", createdById: null })).key;
  const actor = actorOf(await createStaff("csm"));
  if (actor.kind !== "staff") throw new Error("staff expected");
  staff = actor;
});

describe("the read API's keys", () => {
  it("answers 401 without a key, with an unknown one and with a revoked one", async () => {
    const account = await createAccount();
    for (const key of [null, "tdm_rk_not-a-key", "nonsense"]) {
      const list = await listAccounts("", key);
      expect([list.status, list.body.error.code]).toEqual([401, "invalid_api_key"]);
      expect((await health(account.id, key)).status).toBe(401);
    }
    const doomed = await createApiKey({ name: "Doomed report", scope: "read", createdById: null });
    expect((await health(account.id, doomed.key)).status).toBe(200);
    await revokeApiKey(doomed.id);
    expect((await listAccounts("", doomed.key)).status).toBe(401);
    const revoked = await health(account.id, doomed.key);
    expect([revoked.status, revoked.body.error.code]).toEqual([401, "invalid_api_key"]);
  });

  it("refuses a write key on the read endpoints and a read key on the ingest endpoints (403, with the reason)", async () => {
    const account = await createAccount();
    const list = await listAccounts("", ingestKey);
    expect(list.status).toBe(403);
    expect(list.body.error.code).toBe("wrong_scope");
    expect(list.body.error.message).toMatch(/read scope/);
    expect((await health(account.id, ingestKey)).status).toBe(403);

    const messageId = `read-key-${Date.now()}`;
    const ingest = await handleIngestRequest(
      new Request("http://localhost/api/v1/batch", {
        method: "POST",
        headers: { authorization: `Bearer ${readKey}`, "content-type": "application/json" },
        body: JSON.stringify({ batch: [{ type: "track", messageId, userId: "u1", event: "Report Viewed" }] }),
      }),
    );
    expect(ingest.status).toBe(403);
    const body = (await ingest.json()) as ErrorBody;
    expect(body.error.code).toBe("wrong_scope");
    expect(body.error.message).toMatch(/ingest scope/);
    const stored = await db.execute<{ n: number }>(
      `select count(*)::int as n from telemetry_message_ids where message_id = '${messageId}'`,
    );
    expect(stored[0]!.n).toBe(0);
  });

  it("takes the key as HTTP Basic too, and rate-limits per key (429 with Retry-After)", async () => {
    const account = await createAccount();
    expect((await health(account.id, readKey, "Basic")).status).toBe(200);
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.001 });
    const request = () => get(`accounts/${account.id}/health`, readKey);
    expect((await handleAccountHealthRequest(request(), account.id, { limiter })).status).toBe(200);
    const limited = await handleAccountHealthRequest(request(), account.id, { limiter });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("GET /api/v1/accounts", () => {
  it("walks every account once, in pages, without duplicates or gaps", async () => {
    for (let index = 0; index < 7; index++) await createAccount();
    const all = await db.select({ id: accounts.id }).from(accounts).orderBy(asc(accounts.id));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listAccounts(`?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.data.map((row) => row.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(seen).toEqual(all.map((row) => row.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(all.length / 3));
  });

  it("gives 50 by default and each account's id, external id, name, segment and health (null until computed)", async () => {
    const account = await createAccount({ externalId: `crm-read-${Date.now()}` });
    const first = await listAccounts("");
    expect(first.status).toBe(200);
    const count = await db.$count(accounts);
    expect(first.body.data.length).toBe(Math.min(50, count));

    const find = async (): Promise<ApiAccount | undefined> => {
      let cursor: string | null = null;
      do {
        const page = await listAccounts(`?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
        const row = page.body.data.find((item) => item.id === account.id);
        if (row) return row;
        cursor = page.body.nextCursor;
      } while (cursor);
      return undefined;
    };
    const segment = await db.query.segments.findFirst({ where: (s, { eq }) => eq(s.id, account.segmentId) });
    expect(await find()).toEqual({
      id: account.id,
      externalId: account.externalId,
      name: account.name,
      segment: { id: account.segmentId, name: segment!.name },
      health: { score: null, grade: null },
      status: "active",
      arr: null,
      currency: null,
      renewalDate: null,
      forecast: { call: null, automatic: null },
    });

    // Once computed (the health endpoint computes today's), the list shows the same score.
    await setPulse(staff, account, { accountId: account.id, grade: "green", note: "" });
    const detail = await health(account.id);
    expect(detail.body.score).not.toBeNull();
    expect((await find())!.health).toEqual({ score: detail.body.score, grade: detail.body.grade });
  });

  it("refuses a cursor it didn't make and a bad limit with 400", async () => {
    const foreign = encodeCursor({ direction: "after", at: 0, key: ["x"] }, "other-list");
    const before = encodeCursor({ direction: "before", at: 0, key: ["x"] }, "whatever");
    for (const query of ["?cursor=garbage", `?cursor=${foreign}`, `?cursor=${before}`, `?cursor=${"a".repeat(700)}`]) {
      const answer = await listAccounts(query);
      expect([query, answer.status, answer.body.error?.code]).toEqual([query, 400, "invalid_cursor"]);
    }
    for (const limit of ["0", "201", "abc", "1.5", "-3", "99999"]) {
      const answer = await listAccounts(`?limit=${limit}`);
      expect([limit, answer.status, answer.body.error?.code]).toEqual([limit, 400, "invalid_limit"]);
    }
    const max = await listAccounts("?limit=200");
    expect(max.status).toBe(200);
  });
});

describe("GET /api/v1/accounts/{id}/health", () => {
  it("answers the same numbers as the Health tab, with each measure's label and the override", async () => {
    const account = await createAccount();
    await createCustomer(account.id, "champion");
    await setPulse(staff, account, { accountId: account.id, grade: "yellow", note: "Budget talks" });
    const today = todayIn(account.timeZone);
    const expiresOn = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const set = await setOverride(staff, account, {
      accountId: account.id,
      grade: "red",
      reason: "Champion leaving",
      expiresOn,
    });
    expect(set.ok).toBe(true);

    const answer = await health(account.id);
    expect(answer.status).toBe(200);
    const tab = (await getAccountHealth(account.id, { page: 1 })).current!;
    const override = await activeOverride(account);
    expect(answer.body).toEqual({
      accountId: account.id,
      score: tab.overall,
      grade: tab.grade,
      coverage: tab.coverage,
      modelVersion: tab.modelVersion,
      computedAt: tab.computedAt,
      measures: tab.measures.map((measure) => ({
        key: measure.key,
        label: expect.any(String),
        score: measure.score,
        weight: measure.weight,
        inputs: measure.inputs,
      })),
      override: { grade: "red", reason: "Champion leaving", expiresOn: override!.expiresOn },
      // The CSM's pulse as the Health tab shows it (its note stays on the page), and no subscription yet.
      pulse: { grade: "yellow", setAt: expect.any(String), expiresAt: expect.any(String), fresh: true },
      status: "active",
      arr: null,
      currency: null,
      renewalDate: null,
      forecast: { call: null, automatic: null },
    });
    expect(answer.body.score).not.toBeNull();
    expect(answer.body.measures.map((measure) => measure.label)).toEqual([
      "Adoption",
      "Plan progress",
      "Skills",
      "Sentiment",
      "Engagement",
      "Community",
    ]);
    // No data is null, never 0.
    expect(answer.body.measures.find((measure) => measure.key === "community")!.score).toBeNull();
    expect(answer.body.coverage!.measures).toBeLessThan(answer.body.coverage!.of);
  });

  it("has no override when none counts, and answers 404 for an id no account has", async () => {
    const account = await createAccount();
    const answer = await health(account.id);
    expect(answer.status).toBe(200);
    expect(answer.body.override).toBeNull();
    const missing = await health("no-such-account");
    expect([missing.status, missing.body.error.code]).toEqual([404, "not_found"]);
    expect((await health("x".repeat(500))).status).toBe(404);
  });
});

describe("the OpenAPI document", () => {
  it("describes both read endpoints with their schemas and the bearer scheme", async () => {
    const document = (await (await openApiLoader()).json()) as {
      paths: Record<string, { get?: { security: unknown[]; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(document.paths["/accounts"]!.get!.responses).toHaveProperty("403");
    expect(document.paths["/accounts/{id}/health"]!.get!.responses).toHaveProperty("404");
    expect(document.paths["/accounts/{id}/health"]!.get!.security).toContainEqual({ bearer: [] });
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["Account", "AccountPage", "Health", "Error"]),
    );
    expect(document.components.securitySchemes).toHaveProperty("bearer");
  });
});
