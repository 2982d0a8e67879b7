import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { activity, asks, caseStudyComments, consents, measurements, opportunities } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMetric,
  createMilestone,
  createOutcome,
  createPlan,
  createStaff,
  signedInRequest,
} from "~db/seed/factories";
import { respondToAsk } from "~/domain/advocacy/asks.server";
import {
  listCaseStudiesToReview,
  listCaseStudyVersions,
  listPlanFacts,
  reviewCaseStudy,
  saveDraft,
  sendForReview,
} from "~/domain/advocacy/case-studies.server";
import {
  addCaseStudyComment,
  listCaseStudyComments,
  resolveCaseStudyComment,
} from "~/domain/advocacy/case-study-comments.server";
import { withdrawConsent } from "~/domain/advocacy/consents.server";
import { listPublishedAssets, moveOpportunity } from "~/domain/advocacy/opportunities.server";
import { createAskRule } from "~/domain/advocacy/settings.server";
import type { StaffActor } from "~/domain/auth/actor";
import { signOffMilestone } from "~/domain/plans/milestone-actions.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";
import { newId } from "~/lib/ids.server";
import { action as reviewAction } from "~/routes/accounts.$accountId.case-studies.$versionId";
import { action as customerCommentAction } from "~/routes/accounts.$accountId.case-studies.$versionId_.comments";
import { action as staffCommentAction } from "~/routes/advocacy.opportunities.$opportunityId.comments";
import { linkIn, mailsTo } from "../support/outbox";
import { asDataAnswer, thrownResponse } from "../support/responses";

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
  await db
    .insert(measurements)
    .values({ id: newId(), metricId: metric.id, accountId: account.id, measuredOn: todayIn("UTC"), value: 4 });
  const milestone = await createMilestone(plan, {
    title: "Go-live",
    targetDate: datePlusDays(todayIn(account.timeZone), 3),
  });
  await signOffMilestone(csm, account.id, milestone.id, {});
  await signOffMilestone(actorOf(champion), account.id, milestone.id, {});
  const [ask] = await db.select().from(asks).where(eq(asks.recipientId, champion.id));
  await respondToAsk(actorOf(champion), account.id, ask!.id, {
    response: "accept",
    consent: { uses: ["name", "logo", "metrics"], scope },
  });
  const load = async () => (await db.select().from(opportunities).where(eq(opportunities.askId, ask!.id)))[0]!;
  const accepted = await load();
  expect(await moveOpportunity(marketing, accepted.id, { to: "in_production", version: accepted.version })).toEqual({
    ok: true,
  });
  return { account, champion, member, load, opportunityId: accepted.id };
}

describe("case studies", () => {
  it("go from a draft that pulls a metric, through the champion's review, to published — and leave the asset library when consent is withdrawn", async () => {
    const { account, champion, member, load, opportunityId } = await caseStudyInProduction("public");
    const facts = await listPlanFacts(marketing, account.id);
    expect(facts).toEqual(["Outcome: Faster month-end", "Days to close month-end: from 9 to 4 days (target 4)"]);
    expect(
      await saveDraft(marketing, opportunityId, {
        title: "Closing in 4 days",
        body: "How they did it.",
        facts: ["Made up: 100x faster"],
      }),
    ).toEqual({ ok: false, error: "unknown_fact" });
    expect(
      await saveDraft(marketing, opportunityId, { title: "Closing in 4 days", body: "How they did it.", facts }),
    ).toEqual({ ok: true, version: 1 });
    expect((await listCaseStudyVersions(opportunityId))[0]!.body).toContain(
      "## Results\n\n- Outcome: Faster month-end\n- Days to close month-end: from 9 to 4 days (target 4)",
    );

    expect(await sendForReview(marketing, opportunityId)).toEqual({ ok: true });
    expect(await sendForReview(marketing, opportunityId)).toEqual({ ok: false, error: "wrong_stage" });
    const [draft] = await listCaseStudiesToReview(actorOf(champion));
    expect(draft).toMatchObject({ version: 1, title: "Closing in 4 days" });
    expect(await listCaseStudiesToReview(actorOf(member))).toEqual([]);

    // Not approved yet: publishing is refused.
    let opportunity = await load();
    expect(await moveOpportunity(marketing, opportunityId, { to: "published", version: opportunity.version })).toEqual({
      ok: false,
      error: "needs_approval",
    });

    // A colleague can't review it; changes need a comment; the champion asks for a change.
    const post = async (userId: string, fields: Record<string, string>) =>
      signedInRequest(userId, `http://localhost/accounts/${account.id}/case-studies/${draft!.id}`, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
    const params = { accountId: account.id, versionId: draft!.id };
    expect(
      (await thrownResponse(reviewAction({ request: await post(member.id, { decision: "approve" }), params, context })))
        .status,
    ).toBe(404);
    const noComment = (await asDataAnswer(
      await reviewAction({
        request: await post(champion.id, { decision: "request_changes", comment: " " }),
        params,
        context,
      }),
    )) as unknown as { data: { form: { error: Record<string, string[]> } }; init: { status: number } };
    expect(noComment.init.status).toBe(400);
    expect(noComment.data.form.error).toEqual({ comment: ["advocacy.changesRequired"] });
    const changes = (await reviewAction({
      request: await post(champion.id, { decision: "request_changes", comment: "Please use my full title." }),
      params,
      context,
    })) as Response;
    expect(changes.status).toBe(302);
    expect((await load()).stage).toBe("in_production");

    expect(
      await saveDraft(marketing, opportunityId, {
        title: "Closing in 4 days",
        body: "How they did it, by the Director of Finance.",
        facts: [],
      }),
    ).toEqual({ ok: true, version: 2 });
    opportunity = await load();
    expect(
      await moveOpportunity(marketing, opportunityId, { to: "customer_review", version: opportunity.version }),
    ).toEqual({ ok: true });
    const [second] = await listCaseStudiesToReview(actorOf(champion));
    expect(second!.version).toBe(2);
    expect(
      await reviewCaseStudy(actorOf(champion), account.id, second!.id, { decision: "approve", comment: "" }),
    ).toEqual({ ok: true });
    expect(
      await reviewCaseStudy(actorOf(champion), account.id, second!.id, { decision: "approve", comment: "" }),
    ).toEqual({ ok: false, error: "already_reviewed" });

    opportunity = await load();
    expect(await moveOpportunity(marketing, opportunityId, { to: "published", version: opportunity.version })).toEqual({
      ok: true,
    });
    expect((await listPublishedAssets()).rows).toEqual([
      expect.objectContaining({
        id: opportunityId,
        title: "Closing in 4 days",
        scope: "public",
        uses: ["name", "logo", "metrics"],
      }),
    ]);

    const [consent] = await db.select().from(consents).where(eq(consents.userId, champion.id));
    expect(await withdrawConsent(actorOf(champion), consent!.id)).toEqual({ ok: true });
    expect((await load()).stage).toBe("withdrawn");
    expect((await listPublishedAssets()).rows.map((asset) => asset.id)).not.toContain(opportunityId);
  });

  it("can't be published with consent limited to sales conversations, even when approved", async () => {
    const { champion, account, load, opportunityId } = await caseStudyInProduction("sales");
    await saveDraft(marketing, opportunityId, { title: "Sales story", body: "Body", facts: [] });
    await sendForReview(marketing, opportunityId);
    const [draft] = await listCaseStudiesToReview(actorOf(champion));
    await reviewCaseStudy(actorOf(champion), account.id, draft!.id, { decision: "approve", comment: "" });
    const opportunity = await load();
    expect(await moveOpportunity(marketing, opportunityId, { to: "published", version: opportunity.version })).toEqual({
      ok: false,
      error: "needs_public_consent",
    });
    expect((await load()).stage).toBe("customer_review");
  });

  it("sends nothing for review without a new draft", async () => {
    const { load, opportunityId } = await caseStudyInProduction("public");
    expect(await sendForReview(marketing, opportunityId)).toEqual({ ok: false, error: "no_draft" });
    const opportunity = await load();
    expect(
      await moveOpportunity(marketing, opportunityId, { to: "customer_review", version: opportunity.version }),
    ).toEqual({ ok: false, error: "needs_draft" });
  });
});

type DataAnswer = {
  data: { ok?: true; form?: { error?: Record<string, string[]> } };
  init: { status: number } | null;
};

/** A form POST as the signed-in person, the way the browser sends it. */
async function postForm(userId: string, url: string, fields: Record<string, string>) {
  return signedInRequest(userId, `http://localhost${url}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

describe("case study comments", () => {
  it("let the advocate and the account's champions comment on the version in review, quoting it; anyone else gets 404", async () => {
    const { account, champion, member, opportunityId } = await caseStudyInProduction("public");
    const otherChampion = await createCustomer(account.id, "champion");
    const outsider = await createCustomer((await createAccount()).id, "champion");
    await saveDraft(marketing, opportunityId, {
      title: "Closing in 4 days",
      body: "They closed the books in four days.",
      facts: [],
    });
    const [version] = await listCaseStudyVersions(opportunityId);

    // Not sent yet: the customer can't comment on a draft they haven't been shown.
    expect(
      await addCaseStudyComment(
        actorOf(champion),
        { accountId: account.id },
        { versionId: version!.id, body: "Early thoughts", quote: "" },
      ),
    ).toEqual({ ok: false, error: "closed" });
    await sendForReview(marketing, opportunityId);

    const url = `/accounts/${account.id}/case-studies/${version!.id}/comments`;
    const params = { accountId: account.id, versionId: version!.id };
    const comment = (userId: string, fields: Record<string, string>) =>
      postForm(userId, url, fields).then((request) => customerCommentAction({ request, params, context }));
    const posted = (
      await asDataAnswer(
        await comment(champion.id, {
          body: "Say “closed the books”\nin four working days.",
          quote: "They closed the books in four days.",
        }),
      )
    ).data as DataAnswer["data"];
    expect(posted.ok).toBe(true);

    const empty = (await asDataAnswer(await comment(champion.id, { body: "   " }))) as unknown as DataAnswer;
    expect(empty.init?.status).toBe(400);
    expect(empty.data.form?.error).toEqual({ body: ["field.required"] });
    const long = (await asDataAnswer(
      await comment(champion.id, {
        body: "x".repeat(2001),
        quote: "y".repeat(501),
      }),
    )) as unknown as DataAnswer;
    expect(long.init?.status).toBe(400);
    expect(long.data.form?.error).toEqual({ body: ["field.tooLong"], quote: ["field.tooLong"] });

    // A member who isn't the advocate, and a champion of another account, are refused with 404.
    expect((await thrownResponse(comment(member.id, { body: "Me too" }))).status).toBe(404);
    const elsewhere = await postForm(outsider.id, url, { body: "Hello" });
    expect((await thrownResponse(customerCommentAction({ request: elsewhere, params, context }))).status).toBe(404);
    expect(
      await addCaseStudyComment(
        actorOf(outsider),
        { accountId: outsider.accountId! },
        { versionId: version!.id, body: "Hello", quote: "" },
      ),
    ).toEqual({ ok: false, error: "not_found" });
    // The staff route isn't a way in for a customer.
    const staffUrl = `/advocacy/opportunities/${opportunityId}/comments`;
    const sneaky = await postForm(champion.id, staffUrl, { intent: "comment", versionId: version!.id, body: "Hi" });
    expect(
      (await thrownResponse(staffCommentAction({ request: sneaky, params: { opportunityId }, context }))).status,
    ).toBe(404);

    // The other champion reads along (no decision) and comments too.
    const [alongside] = await listCaseStudiesToReview(actorOf(otherChampion));
    expect(alongside).toMatchObject({
      canDecide: false,
      comments: [
        expect.objectContaining({
          body: "Say “closed the books”\nin four working days.",
          quote: "They closed the books in four days.",
          authorSide: "customer",
          version: 1,
        }),
      ],
    });
    expect(
      await addCaseStudyComment(
        actorOf(otherChampion),
        { accountId: account.id },
        { versionId: version!.id, body: "Agreed.", quote: "" },
      ),
    ).toMatchObject({ ok: true });
    expect(await listCaseStudiesToReview(actorOf(outsider))).toEqual([]);
    expect(await listCaseStudyComments(actorOf(outsider), [opportunityId])).toEqual([]);

    const [stored] = await db.select().from(caseStudyComments).where(eq(caseStudyComments.authorId, champion.id));
    expect(stored).toMatchObject({ versionId: version!.id, accountId: account.id, opportunityId });
    const entries = await db.select().from(activity).where(eq(activity.subjectId, version!.id));
    expect(entries.filter((entry) => entry.action === "case_study.commented")).toHaveLength(2);
  });

  it("let marketing and the owner comment and resolve, across versions, until a version is approved", async () => {
    const { account, champion, opportunityId } = await caseStudyInProduction("public");
    const owner = actorOf(await createStaff("csm")) as StaffActor;
    await saveDraft(marketing, opportunityId, { title: "Story", body: "First take.", facts: [] });
    const [first] = await listCaseStudyVersions(opportunityId);
    // Staff talk while drafting; a CSM who neither manages advocacy nor owns it can't.
    expect(
      await addCaseStudyComment(
        marketing,
        { opportunityId },
        { versionId: first!.id, body: "Needs a quote from Finance.", quote: "" },
      ),
    ).toMatchObject({ ok: true });
    expect(
      await addCaseStudyComment(
        owner,
        { opportunityId },
        { versionId: first!.id, body: "I know who to ask.", quote: "" },
      ),
    ).toEqual({ ok: false, error: "not_found" });
    await db.update(opportunities).set({ ownerId: owner.id }).where(eq(opportunities.id, opportunityId));
    expect(
      await addCaseStudyComment(
        owner,
        { opportunityId },
        { versionId: first!.id, body: "I know who to ask.", quote: "" },
      ),
    ).toMatchObject({ ok: true });

    await sendForReview(marketing, opportunityId);
    const customerSide = await addCaseStudyComment(
      actorOf(champion),
      { accountId: account.id },
      { versionId: first!.id, body: "Use my full title.", quote: "First take." },
    );
    expect(customerSide.ok).toBe(true);
    await reviewCaseStudy(actorOf(champion), account.id, first!.id, {
      decision: "request_changes",
      comment: "See my comment.",
    });

    // Only staff resolve, through the staff route; the customer's comment collapses but stays.
    const championComment = customerSide.ok ? customerSide.id : "";
    const resolveUrl = `/advocacy/opportunities/${opportunityId}/comments`;
    const resolve = (userId: string, resolved: string) =>
      postForm(userId, resolveUrl, { intent: "resolve", commentId: championComment, resolved }).then((request) =>
        staffCommentAction({ request, params: { opportunityId }, context }),
      );
    expect((await thrownResponse(resolve(champion.id, "true"))).status).toBe(404);
    const bystander = await createStaff("csm");
    expect((await thrownResponse(resolve(bystander.id, "true"))).status).toBe(404);
    expect(
      await resolveCaseStudyComment(marketing, "another-opportunity", { commentId: championComment, resolved: true }),
    ).toEqual({ ok: false, error: "not_found" });
    await saveDraft(marketing, opportunityId, {
      title: "Story",
      body: "Second take, by the Director of Finance.",
      facts: [],
    });
    expect(await resolve(marketing.id, "true")).toMatchObject({ ok: true });
    let thread = await listCaseStudyComments(actorOf(champion), [opportunityId]);
    expect(thread.find((comment) => comment.id === championComment)).toMatchObject({
      resolvedByName: expect.any(String),
      version: 1,
    });
    expect(thread.find((comment) => comment.id === championComment)?.resolvedAt).not.toBeNull();
    expect(await resolve(marketing.id, "false")).toMatchObject({ ok: true });
    thread = await listCaseStudyComments(marketing, [opportunityId]);
    expect(thread.find((comment) => comment.id === championComment)).toMatchObject({
      resolvedAt: null,
      resolvedByName: null,
    });

    // Version 2 is approved: the conversation is closed for both sides, and the thread keeps each comment's version.
    const [second] = await listCaseStudyVersions(opportunityId);
    await sendForReview(marketing, opportunityId);
    expect(
      await reviewCaseStudy(actorOf(champion), account.id, second!.id, { decision: "approve", comment: "" }),
    ).toEqual({ ok: true });
    expect(
      await addCaseStudyComment(
        actorOf(champion),
        { accountId: account.id },
        { versionId: second!.id, body: "One more thing", quote: "" },
      ),
    ).toEqual({ ok: false, error: "closed" });
    const closed = (await asDataAnswer(
      await staffCommentAction({
        request: await postForm(marketing.id, resolveUrl, { intent: "comment", versionId: second!.id, body: "Noted" }),
        params: { opportunityId },
        context,
      }),
    )) as unknown as DataAnswer;
    expect(closed.init?.status).toBe(409);
    expect(closed.data.form?.error).toEqual({ "": ["advocacy:caseStudy.comments.errors.closed"] });
    expect(thread.map((comment) => [comment.version, comment.authorSide, comment.body])).toEqual([
      [1, "vendor", "Needs a quote from Finance."],
      [1, "vendor", "I know who to ask."],
      [1, "customer", "Use my full title."],
    ]);
  });
});

describe("case study comment emails", () => {
  it("tell the other side: the advocate of a vendor comment in review, the owner of the customer's; never the author", async () => {
    const { account, champion, opportunityId } = await caseStudyInProduction("public");
    const owner = await createStaff("marketing");
    await db.update(opportunities).set({ ownerId: owner.id }).where(eq(opportunities.id, opportunityId));
    await saveDraft(marketing, opportunityId, {
      title: "Closing in 4 days",
      body: "They closed the books in four days.",
      facts: [],
    });
    const [version] = await listCaseStudyVersions(opportunityId);
    const staffComment = (userId: string, body: string) =>
      postForm(userId, `/advocacy/opportunities/${opportunityId}/comments`, {
        intent: "comment",
        versionId: version!.id,
        body,
      }).then((request) => staffCommentAction({ request, params: { opportunityId }, context }));

    // While drafting, the customer hasn't seen the version: nobody is emailed.
    await staffComment(marketing.id, "Draft note for us");
    expect(await mailsTo(champion.email)).toEqual([]);

    await sendForReview(marketing, opportunityId);
    await staffComment(marketing.id, "Could we name the team that did it?");
    const [toAdvocate] = await mailsTo(champion.email);
    expect(toAdvocate).toMatchObject({ subject: "New comment on the case study “Closing in 4 days”" });
    expect(toAdvocate!.text).toContain("Could we name the team that did it?");
    expect(linkIn(toAdvocate!.text, "/accounts/").pathname).toBe(`/accounts/${account.id}`);

    const request = await postForm(champion.id, `/accounts/${account.id}/case-studies/${version!.id}/comments`, {
      body: "Yes: the finance ops team.",
    });
    await customerCommentAction({ request, params: { accountId: account.id, versionId: version!.id }, context });
    const [toOwner] = await mailsTo(owner.email);
    expect(toOwner!.text).toContain("the finance ops team");
    expect(linkIn(toOwner!.text, "/advocacy/").pathname).toBe(`/advocacy/opportunities/${opportunityId}`);
    // The owner commenting isn't told of their own comment.
    await staffComment(owner.id, "Thanks, noted.");
    expect(await mailsTo(owner.email)).toHaveLength(1);
    expect(await mailsTo(champion.email)).toHaveLength(2);
  });
});
