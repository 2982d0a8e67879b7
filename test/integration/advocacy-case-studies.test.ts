import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { asks, consents, measurements, opportunities } from "~db/schema";
import { actorOf, createAccount, createCustomer, createMetric, createMilestone, createOutcome, createPlan, createStaff, signedInRequest } from "~db/seed/factories";
import { respondToAsk } from "~/domain/advocacy/asks.server";
import { listCaseStudiesToReview, listCaseStudyVersions, listPlanFacts, reviewCaseStudy, saveDraft, sendForReview } from "~/domain/advocacy/case-studies.server";
import { withdrawConsent } from "~/domain/advocacy/consents.server";
import { listPublishedAssets, moveOpportunity } from "~/domain/advocacy/opportunities.server";
import { createAskRule } from "~/domain/advocacy/settings.server";
import type { StaffActor } from "~/domain/auth/actor";
import { signOffMilestone } from "~/domain/plans/milestone-actions.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";
import { newId } from "~/lib/ids.server";
import { action as reviewAction } from "~/routes/accounts.$accountId.case-studies.$versionId";
import { thrownResponse } from "../support/responses";

let marketing: StaffActor;
let csm: StaffActor;
const context = { clientIp: "127.0.0.1" };

beforeAll(async () => {
  marketing = actorOf(await createStaff("marketing")) as StaffActor;
  csm = actorOf(await createStaff("csm")) as StaffActor;
  await createAskRule(marketing, { signal: "milestone_achieved", askType: "case_study", reviewUrl: "" });
});

async function caseStudyInProduction(scope: "sales" | "public") {
  const account = await createAccount();
  const champion = await createCustomer(account.id, "champion");
  const member = await createCustomer(account.id, "member");
  const plan = await createPlan(account.id);
  const outcome = await createOutcome(plan, { title: "Faster month-end" });
  const metric = await createMetric(outcome, { name: "Days to close month-end", unit: "days", baseline: 9, target: 4 });
  await db.insert(measurements).values({ id: newId(), metricId: metric.id, accountId: account.id, measuredOn: todayIn("UTC"), value: 4 });
  const milestone = await createMilestone(plan, { title: "Go-live", targetDate: datePlusDays(todayIn(account.timeZone), 3) });
  await signOffMilestone(csm, account.id, milestone.id, {});
  await signOffMilestone(actorOf(champion), account.id, milestone.id, {});
  const [ask] = await db.select().from(asks).where(eq(asks.recipientId, champion.id));
  await respondToAsk(actorOf(champion), account.id, ask!.id, { response: "accept", consent: { uses: ["name", "logo", "metrics"], scope } });
  const load = async () => (await db.select().from(opportunities).where(eq(opportunities.askId, ask!.id)))[0]!;
  const accepted = await load();
  expect(await moveOpportunity(marketing, accepted.id, { to: "in_production", version: accepted.version })).toEqual({ ok: true });
  return { account, champion, member, load, opportunityId: accepted.id };
}

describe("case studies", () => {
  it("go from a draft that pulls a metric, through the champion's review, to published — and leave the asset library when consent is withdrawn", async () => {
    const { account, champion, member, load, opportunityId } = await caseStudyInProduction("public");
    const facts = await listPlanFacts(marketing, account.id);
    expect(facts).toEqual(["Days to close month-end: from 9 to 4 days (target 4)"]);
    expect(await saveDraft(marketing, opportunityId, { title: "Closing in 4 days", body: "How they did it.", facts: ["Made up: 100x faster"] })).toEqual({ ok: false, error: "unknown_fact" });
    expect(await saveDraft(marketing, opportunityId, { title: "Closing in 4 days", body: "How they did it.", facts })).toEqual({ ok: true, version: 1 });
    expect((await listCaseStudyVersions(opportunityId))[0]!.body).toContain("## Results\n\n- Days to close month-end: from 9 to 4 days (target 4)");

    expect(await sendForReview(marketing, opportunityId)).toEqual({ ok: true });
    expect(await sendForReview(marketing, opportunityId)).toEqual({ ok: false, error: "wrong_stage" });
    const [draft] = await listCaseStudiesToReview(actorOf(champion));
    expect(draft).toMatchObject({ version: 1, title: "Closing in 4 days" });
    expect(await listCaseStudiesToReview(actorOf(member))).toEqual([]);

    // Not approved yet: publishing is refused.
    let opportunity = await load();
    expect(await moveOpportunity(marketing, opportunityId, { to: "published", version: opportunity.version })).toEqual({ ok: false, error: "needs_approval" });

    // A colleague can't review it; changes need a comment; the champion asks for a change.
    const post = async (userId: string, fields: Record<string, string>) =>
      signedInRequest(userId, `http://localhost/accounts/${account.id}/case-studies/${draft!.id}`, { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    const params = { accountId: account.id, versionId: draft!.id };
    expect((await thrownResponse(reviewAction({ request: await post(member.id, { decision: "approve" }), params, context }))).status).toBe(404);
    const noComment = (await reviewAction({ request: await post(champion.id, { decision: "request_changes", comment: " " }), params, context })) as unknown as { data: { fieldErrors: Record<string, string> }; init: { status: number } };
    expect(noComment.init.status).toBe(400);
    expect(noComment.data.fieldErrors).toEqual({ comment: "advocacy.changesRequired" });
    const changes = (await reviewAction({ request: await post(champion.id, { decision: "request_changes", comment: "Please use my full title." }), params, context })) as Response;
    expect(changes.status).toBe(302);
    expect((await load()).stage).toBe("in_production");

    expect(await saveDraft(marketing, opportunityId, { title: "Closing in 4 days", body: "How they did it, by the Director of Finance.", facts: [] })).toEqual({ ok: true, version: 2 });
    opportunity = await load();
    expect(await moveOpportunity(marketing, opportunityId, { to: "customer_review", version: opportunity.version })).toEqual({ ok: true });
    const [second] = await listCaseStudiesToReview(actorOf(champion));
    expect(second!.version).toBe(2);
    expect(await reviewCaseStudy(actorOf(champion), account.id, second!.id, { decision: "approve", comment: "" })).toEqual({ ok: true });
    expect(await reviewCaseStudy(actorOf(champion), account.id, second!.id, { decision: "approve", comment: "" })).toEqual({ ok: false, error: "already_reviewed" });

    opportunity = await load();
    expect(await moveOpportunity(marketing, opportunityId, { to: "published", version: opportunity.version })).toEqual({ ok: true });
    expect(await listPublishedAssets()).toEqual([expect.objectContaining({ id: opportunityId, title: "Closing in 4 days", scope: "public", uses: ["name", "logo", "metrics"] })]);

    const [consent] = await db.select().from(consents).where(eq(consents.userId, champion.id));
    expect(await withdrawConsent(actorOf(champion), consent!.id)).toEqual({ ok: true });
    expect((await load()).stage).toBe("withdrawn");
    expect((await listPublishedAssets()).map((asset) => asset.id)).not.toContain(opportunityId);
  });

  it("can't be published with consent limited to sales conversations, even when approved", async () => {
    const { champion, account, load, opportunityId } = await caseStudyInProduction("sales");
    await saveDraft(marketing, opportunityId, { title: "Sales story", body: "Body", facts: [] });
    await sendForReview(marketing, opportunityId);
    const [draft] = await listCaseStudiesToReview(actorOf(champion));
    await reviewCaseStudy(actorOf(champion), account.id, draft!.id, { decision: "approve", comment: "" });
    const opportunity = await load();
    expect(await moveOpportunity(marketing, opportunityId, { to: "published", version: opportunity.version })).toEqual({ ok: false, error: "needs_public_consent" });
    expect((await load()).stage).toBe("customer_review");
  });

  it("sends nothing for review without a new draft", async () => {
    const { load, opportunityId } = await caseStudyInProduction("public");
    expect(await sendForReview(marketing, opportunityId)).toEqual({ ok: false, error: "no_draft" });
    const opportunity = await load();
    expect(await moveOpportunity(marketing, opportunityId, { to: "customer_review", version: opportunity.version })).toEqual({ ok: false, error: "needs_draft" });
  });
});
