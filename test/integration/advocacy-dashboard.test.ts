import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import {
  type AskStatus,
  type AskType,
  type OpportunityStage,
  asks,
  consents,
  npsResponses,
  opportunities,
  opportunityTransitions,
} from "~db/schema";
import { createAccount, createCustomer, createStaff, signedInRequest } from "~db/seed/factories";
import { getAdvocacyDashboard } from "~/domain/advocacy/dashboard.server";
import { countAsksByType } from "~/domain/advocacy/asks.server";
import { listNpsScores } from "~/domain/advocacy/nps.server";
import { newId } from "~/lib/ids.server";
import { loader } from "~/routes/advocacy.dashboard";
import { thrownResponse } from "../support/responses";
import { DAY_MS } from "~/lib/time";

const context = { clientIp: "127.0.0.1" };
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

// Each test file has a database of its own, so the first test sees a fresh workspace.
describe("advocacy dashboard", () => {
  it("is all zeros and empty lists in a fresh workspace, with every month of the period", async () => {
    const dashboard = await getAdvocacyDashboard("12m", now);
    expect(dashboard.funnel.every((step) => step.reached === 0)).toBe(true);
    expect(dashboard.asks).toEqual({ byType: [], totals: { sent: 0, accepted: 0, declined: 0, pending: 0 } });
    expect(dashboard.nps).toHaveLength(12);
    expect(dashboard.nps.every((point) => point.summary.responses === 0)).toBe(true);
    expect(dashboard.published.map((point) => point.count)).toEqual(Array(12).fill(0));
    expect(dashboard.advocates).toEqual({ byIndustry: [], bySegment: [] });
  });

  it("counts asks, NPS answers, the funnel and published assets of the period only", async () => {
    const account = await createAccount({ industry: "Retail" });
    const person = await createCustomer(account.id, "champion");
    const ask = (askType: AskType, status: AskStatus, days: number) =>
      ({
        id: newId(),
        accountId: account.id,
        recipientId: person.id,
        askType,
        signal: "milestone_achieved",
        status,
        createdAt: daysAgo(days),
      }) as const;
    await db
      .insert(asks)
      .values([
        ask("case_study", "accepted", 10),
        ask("case_study", "open", 20),
        ask("review", "declined", 30),
        ask("review", "accepted", 200),
        ask("quote", "snoozed", 500),
      ]);
    await db.insert(npsResponses).values([
      { id: newId(), accountId: account.id, userId: person.id, score: 10, createdAt: daysAgo(5) },
      { id: newId(), accountId: account.id, userId: person.id, score: null, createdAt: daysAgo(6) },
      { id: newId(), accountId: account.id, userId: person.id, score: 3, createdAt: daysAgo(200) },
      { id: newId(), accountId: account.id, userId: person.id, score: 8, createdAt: daysAgo(600) },
    ]);
    const opportunity = async (path: [OpportunityStage, number][]) => {
      const id = newId();
      await db
        .insert(opportunities)
        .values({ id, accountId: account.id, advocateId: person.id, askType: "case_study", stage: path.at(-1)![0] });
      await db
        .insert(opportunityTransitions)
        .values(path.map(([toStage, days]) => ({ id: newId(), opportunityId: id, toStage, at: daysAgo(days) })));
    };
    await opportunity([
      ["identified", 40],
      ["asked", 40],
      ["accepted", 30],
      ["in_production", 20],
      ["customer_review", 15],
      ["published", 10],
    ]);
    await opportunity([
      ["identified", 300],
      ["asked", 300],
      ["accepted", 250],
      ["in_production", 240],
      ["customer_review", 230],
      ["published", 220],
    ]);
    await db.insert(consents).values({
      id: newId(),
      accountId: account.id,
      userId: person.id,
      askType: "case_study",
      uses: ["name"],
      scope: "public",
    });

    expect(await countAsksByType(daysAgo(90))).toHaveLength(3);
    expect((await listNpsScores(daysAgo(90))).map((row) => row.score)).toEqual([10]);
    expect((await listNpsScores()).map((row) => row.score)).toEqual([8, 3, 10]);

    const recent = await getAdvocacyDashboard("90d", now);
    expect(recent.asks.totals).toEqual({ sent: 3, accepted: 1, declined: 1, pending: 1 });
    expect(recent.asks.byType.map((tally) => tally.askType)).toEqual(["case_study", "review"]);
    expect(recent.funnel.find((step) => step.stage === "published")).toMatchObject({ reached: 1 });
    expect(recent.nps.reduce((sum, point) => sum + point.summary.responses, 0)).toBe(1);
    expect(recent.published.reduce((sum, point) => sum + point.count, 0)).toBe(1);

    const all = await getAdvocacyDashboard("all", now);
    expect(all.asks.totals.sent).toBe(5);
    expect(all.funnel.find((step) => step.stage === "published")).toMatchObject({ reached: 2, conversion: null });
    expect(all.nps[0]!.key).toMatch(/^\d{4}-Q[1-4]$/);
    expect(all.nps.map((point) => point.summary.responses).filter((count) => count > 0)).toEqual([1, 1, 1]);
    expect(all.published.reduce((sum, point) => sum + point.count, 0)).toBe(2);
    expect(all.advocates.byIndustry).toEqual([{ name: "Retail", advocates: 1 }]);
  });

  it("shows the default period for an unknown one, and only to staff", async () => {
    const marketing = await createStaff("marketing");
    const page = await loader({
      request: await signedInRequest(marketing.id, "http://localhost/advocacy/dashboard?period=forever"),
      params: {},
      context,
    });
    expect(page.period).toBe("12m");
    expect(page.nps).toHaveLength(12);
    const quarterly = await loader({
      request: await signedInRequest(marketing.id, "http://localhost/advocacy/dashboard?period=all"),
      params: {},
      context,
    });
    expect(quarterly.period).toBe("all");

    const customer = await createCustomer((await createAccount()).id, "champion");
    const refused = await thrownResponse(
      loader({
        request: await signedInRequest(customer.id, "http://localhost/advocacy/dashboard"),
        params: {},
        context,
      }),
    );
    expect(refused.status).toBe(404);
  });
});
