import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts } from "~db/schema";
import { createAccount, createStaff, signedInRequest } from "~db/seed/factories";
import { handleIngestRequest } from "~/domain/telemetry/api.server";
import { createRateLimiter } from "~/domain/telemetry/rate-limit";
import { createApiKey } from "~/domain/telemetry/api-keys.server";
import { loader as healthLoader } from "~/routes/telemetry.health";
import { action, loader } from "~/routes/telemetry.unmatched";
import { thrownResponse } from "../support/responses";

const context = { clientIp: "127.0.0.1" };
let sequence = 0;
const uid = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(sequence += 1)}`;

const post = async (userId: string, fields: Record<string, string>) => ({
  request: await signedInRequest(userId, "http://localhost/telemetry/unmatched", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  }),
  params: {},
  context,
});
type Answer = { data: { form?: { error?: Record<string, string[]> } }; init: { status?: number } | null };

async function sendUnmatched(groupId: string, events: number) {
  const { key } = await createApiKey({ name: uid("Route key"), createdById: null });
  const batch = Array.from({ length: events }, () => ({
    type: "track",
    messageId: uid("m"),
    userId: uid("u"),
    event: "Report Viewed",
    context: { groupId },
  }));
  const response = await handleIngestRequest(
    new Request("http://localhost/api/v1/batch", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify(batch),
    }),
    { limiter: createRateLimiter({ burst: 100, perSecond: 100 }) },
  );
  expect(response.status).toBe(200);
}

async function waiting(groupId: string) {
  const [row] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from telemetry_events where account_id is null and group_id = ${groupId}`,
  );
  return Number(row!.n);
}

describe("the unmatched events page", () => {
  it("lists a group, offers a bounded account search, and refuses bad links with a 4xx next to the field", async () => {
    const admin = await createStaff("admin");
    const groupId = uid("crm");
    const name = uid("Zephyr Works");
    const account = await createAccount({ name });
    const other = await createAccount({ externalId: uid("crm-other") });
    await sendUnmatched(groupId, 2);

    const page = await loader({
      request: await signedInRequest(
        admin.id,
        `http://localhost/telemetry/unmatched?link=${encodeURIComponent(groupId)}&q=${encodeURIComponent(name)}`,
      ),
      params: {},
      context,
    });
    expect(page.groups.find((row) => row.id === groupId)?.events).toBe(2);
    expect(page.linking?.events).toBe(2);
    expect(page.choices.map((choice) => choice.id)).toEqual([account.id]);
    // A page number nobody links to reads as the first page rather than failing.
    const odd = await loader({
      request: await signedInRequest(admin.id, "http://localhost/telemetry/unmatched?gp=-3&up=abc"),
      params: {},
      context,
    });
    expect(odd.query).toMatchObject({ gp: 0, up: 0 });

    const refusals = [
      [{ accountId: "" }, 400, "accountId", "telemetry:unmatched.errors.unknown_account"],
      [{ accountId: "forged-account-id" }, 400, "accountId", "telemetry:unmatched.errors.unknown_account"],
      [{ accountId: other.id }, 409, "accountId", "telemetry:unmatched.errors.has_external_id"],
      [{ accountId: account.id, groupId: uid("forged") }, 404, "", "telemetry:unmatched.errors.not_found"],
    ] as const;
    for (const [fields, status, field, message] of refusals) {
      const answer = (await action(await post(admin.id, { intent: "link", groupId, ...fields }))) as unknown as Answer;
      expect([answer.init?.status, answer.data.form?.error?.[field]]).toEqual([status, [message]]);
    }
    expect(await waiting(groupId)).toBe(2);
    const [untouched] = await db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(untouched!.externalId).toBeNull();

    const linked = (await action(
      await post(admin.id, { intent: "link", groupId, accountId: account.id }),
    )) as unknown as Response;
    expect(linked.status).toBe(302);
    expect(await waiting(groupId)).toBe(0);
  });

  it("and the health page do not exist for a CSM", async () => {
    const csm = await createStaff("csm");
    const request = await signedInRequest(csm.id, "http://localhost/telemetry/unmatched");
    expect((await thrownResponse(loader({ request, params: {}, context }))).status).toBe(404);
    const health = await signedInRequest(csm.id, "http://localhost/telemetry/health");
    expect((await thrownResponse(healthLoader({ request: health, params: {}, context }))).status).toBe(404);
    expect(
      (await thrownResponse(action(await post(csm.id, { intent: "link", groupId: "g", accountId: "a" })))).status,
    ).toBe(404);
  });
});
