import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type User, asks, opportunities, referenceRequests } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createOutcome,
  createPlan,
  createStaff,
  signedInRequest,
} from "~db/seed/factories";
import { respondToAsk } from "~/domain/advocacy/asks.server";
import { withdrawConsent } from "~/domain/advocacy/consents.server";
import {
  listDirectoryChoices,
  listOpenReferenceRequestsFor,
  listReferenceDirectory,
  requestReference,
  respondToReferenceRequest,
} from "~/domain/advocacy/references.server";
import { createAskRule, getGuardrails, saveGuardrails } from "~/domain/advocacy/settings.server";
import type { StaffActor } from "~/domain/auth/actor";
import { signOffMilestone } from "~/domain/plans/milestone-actions.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";
import { action as referenceAction } from "~/routes/accounts.$accountId.references.$requestId";
import { action as requestReferenceAction } from "~/routes/advocacy.references";
import { asDataAnswer, thrownResponse } from "../support/responses";

let marketing: StaffActor;
let csm: StaffActor;
const context = { clientIp: "127.0.0.1" };

beforeAll(async () => {
  marketing = actorOf(await createStaff("marketing")) as StaffActor;
  csm = actorOf(await createStaff("csm")) as StaffActor;
  await createAskRule(marketing, { signal: "milestone_achieved", askType: "reference_call", reviewUrl: "" });
});

/** A champion who reached "Go-live" and said yes to reference calls with `scope`. */
async function advocate(
  scope: "internal" | "sales" | "public",
  account?: Account,
): Promise<{ account: Account; champion: User }> {
  const acct = account ?? (await createAccount({ industry: "Retail", region: "APAC" }));
  const champion = await createCustomer(acct.id, "champion");
  const plan = await createPlan(acct.id);
  const outcome = await createOutcome(plan, { title: "Store managers decide from one weekly view" });
  const milestone = await createMilestone(plan, {
    title: "Go-live on Lumen",
    outcomeId: outcome.id,
    targetDate: datePlusDays(todayIn(acct.timeZone), 5),
  });
  await signOffMilestone(csm, acct.id, milestone.id, {});
  await signOffMilestone(actorOf(champion), acct.id, milestone.id, {});
  const [ask] = await db.select().from(asks).where(eq(asks.recipientId, champion.id));
  await respondToAsk(actorOf(champion), acct.id, ask!.id, {
    response: "accept",
    consent: { uses: ["name", "company"], scope },
  });
  return { account: acct, champion };
}

const names = (list: { name: string }[]) => list.map((entry) => entry.name);

describe("reference directory", () => {
  it("lists people whose consent covers calls, searchable by what they achieved, and drops them when consent is withdrawn", async () => {
    const { champion } = await advocate("sales");
    const internalOnly = await advocate("internal");
    const directory = await listReferenceDirectory({ q: "go-live", industry: "Retail" });
    expect(names(directory.available)).toContain(champion.name);
    expect(names(directory.available)).not.toContain(internalOnly.champion.name);
    expect(directory.available.find((entry) => entry.name === champion.name)).toMatchObject({
      achievements: ["Go-live on Lumen"],
      outcomes: ["Store managers decide from one weekly view"],
      callsThisQuarter: 0,
    });
    // The outcome the milestone served is searchable too.
    expect(names((await listReferenceDirectory({ q: "one weekly view" })).available)).toContain(champion.name);
    expect(names((await listReferenceDirectory({ q: "security" })).available)).not.toContain(champion.name);
    expect(names((await listReferenceDirectory({ region: "EMEA" })).available)).not.toContain(champion.name);

    const [consentOpportunity] = await db.select().from(opportunities).where(eq(opportunities.advocateId, champion.id));
    await withdrawConsent(actorOf(champion), consentOpportunity!.consentId!);
    expect(names((await listReferenceDirectory({})).available)).not.toContain(champion.name);
    expect(
      await requestReference(marketing, { advocateId: champion.id, prospectCompany: "Prospect", notes: "" }),
    ).toEqual({ ok: false, error: "not_found" });
  });

  it("filters by the account's use case and finds use cases in the free-text search", async () => {
    const t = Date.now().toString(36);
    const { champion } = await advocate(
      "sales",
      await createAccount({
        industry: "Retail",
        region: "APAC",
        useCases: [`Store KPIs ${t}`, `Embedded dashboards ${t}`],
      }),
    );
    const other = await advocate(
      "sales",
      await createAccount({ industry: "Retail", region: "APAC", useCases: [`Financial reporting ${t}`] }),
    );

    const byUseCase = await listReferenceDirectory({ useCase: `Store KPIs ${t}` });
    expect(names(byUseCase.available)).toEqual([champion.name]);
    expect(byUseCase.available[0]).toMatchObject({
      useCases: [`Store KPIs ${t}`, `Embedded dashboards ${t}`],
      achievements: ["Go-live on Lumen"],
    });
    expect(names((await listReferenceDirectory({ useCase: `Financial reporting ${t}` })).available)).toEqual([
      other.champion.name,
    ]);
    expect(names((await listReferenceDirectory({ useCase: `Store KPIs ${t}`, region: "EMEA" })).available)).toEqual([]);
    expect(names((await listReferenceDirectory({ q: `dashboards ${t}` })).available)).toEqual([champion.name]);
    // Achievements are still searched.
    expect(
      names((await listReferenceDirectory({ q: "go-live", useCase: `Financial reporting ${t}` })).available),
    ).toEqual([other.champion.name]);

    const { useCases } = await listDirectoryChoices();
    expect(useCases).toEqual(
      expect.arrayContaining([`Store KPIs ${t}`, `Embedded dashboards ${t}`, `Financial reporting ${t}`]),
    );
  });

  it("hides an advocate at the fatigue limit and says why; a request past it is refused; declined calls don't count", async () => {
    const { account, champion } = await advocate("public");
    const first = await requestReference(marketing, { advocateId: champion.id, prospectCompany: "Acme", notes: "" });
    expect(first).toMatchObject({ ok: true });
    expect(
      await respondToReferenceRequest(actorOf(champion), account.id, (first as { id: string }).id, "decline"),
    ).toEqual({ ok: true });
    expect(
      await requestReference(marketing, { advocateId: champion.id, prospectCompany: "Beta", notes: "" }),
    ).toMatchObject({ ok: true });
    expect(
      await requestReference(marketing, { advocateId: champion.id, prospectCompany: "Gamma", notes: "" }),
    ).toMatchObject({ ok: true });
    expect(await requestReference(marketing, { advocateId: champion.id, prospectCompany: "Delta", notes: "" })).toEqual(
      { ok: false, error: "fatigued" },
    );

    const directory = await listReferenceDirectory({});
    expect(names(directory.available)).not.toContain(champion.name);
    expect(directory.fatigued).toEqual([expect.objectContaining({ name: champion.name, callsThisQuarter: 2 })]);
    expect(directory.limit).toBe(2);

    // A higher limit brings them back.
    const guardrails = await getGuardrails();
    await saveGuardrails(marketing, { ...guardrails, referenceCallsPerQuarter: 3 });
    expect(names((await listReferenceDirectory({})).available)).toContain(champion.name);
    await saveGuardrails(marketing, { ...guardrails, version: guardrails.version + 1 });
    const requests = await db.select().from(referenceRequests).where(eq(referenceRequests.advocateId, champion.id));
    expect(requests.map((request) => request.prospectCompany).sort()).toEqual(["Acme", "Beta", "Gamma"]);
  });

  it("asks the advocate in the portal; only they may answer (others get 404), once", async () => {
    const { account, champion } = await advocate("sales");
    const member = await createCustomer(account.id, "member");
    const created = (await requestReference(marketing, {
      advocateId: champion.id,
      prospectCompany: "Northstar Foods",
      notes: "Inventory",
    })) as { ok: true; id: string };
    expect(await listOpenReferenceRequestsFor(actorOf(champion))).toEqual([
      expect.objectContaining({ id: created.id, prospectCompany: "Northstar Foods" }),
    ]);
    expect(await listOpenReferenceRequestsFor(actorOf(member))).toEqual([]);

    const post = async (userId: string) =>
      signedInRequest(userId, `http://localhost/accounts/${account.id}/references/${created.id}`, {
        method: "POST",
        body: new URLSearchParams({ intent: "accept" }),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
    const params = { accountId: account.id, requestId: created.id };
    expect((await thrownResponse(referenceAction({ request: await post(member.id), params, context }))).status).toBe(
      404,
    );
    const accepted = (await referenceAction({ request: await post(champion.id), params, context })) as Response;
    expect(accepted.status).toBe(302);
    const again = (await asDataAnswer(
      await referenceAction({ request: await post(champion.id), params, context }),
    )) as unknown as {
      init: { status: number };
    };
    expect(again.init.status).toBe(409);
  });
});

describe("POST /advocacy/references with bad input", () => {
  it("refuses a 100,000-character advocate name with 400 before writing anything", async () => {
    const { champion } = await advocate("sales");
    const body = new URLSearchParams({
      advocateId: champion.id,
      advocateName: "x".repeat(100_000),
      prospectCompany: "Prospect Co",
      notes: "",
    });
    const request = await signedInRequest(marketing.id, "http://localhost/advocacy/references", {
      method: "POST",
      body,
    });
    const answer = (await requestReferenceAction({ request, params: {}, context })) as { init: { status: number } };
    expect(answer.init.status).toBe(400);
    expect(await db.select().from(referenceRequests).where(eq(referenceRequests.advocateId, champion.id))).toEqual([]);
  });
});
