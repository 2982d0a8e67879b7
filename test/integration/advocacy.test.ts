import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type User, asks, consents, events, opportunities, opportunityTransitions } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  signedInRequest,
} from "~db/seed/factories";
import { createAsksForEvent, listOpenAsksFor, respondToAsk } from "~/domain/advocacy/asks.server";
import { saveDraft } from "~/domain/advocacy/case-studies.server";
import { withdrawConsent } from "~/domain/advocacy/consents.server";
import { answerNps, getNpsReport, isNpsSurveyDue } from "~/domain/advocacy/nps.server";
import { moveOpportunity } from "~/domain/advocacy/opportunities.server";
import { createAskRule, saveGuardrails, getGuardrails } from "~/domain/advocacy/settings.server";
import type { CustomerActor, StaffActor } from "~/domain/auth/actor";
import { signOffMilestone } from "~/domain/plans/milestone-actions.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";
import { action as askAction } from "~/routes/accounts.$accountId.asks.$askId";
import { action as npsAction } from "~/routes/accounts.$accountId.nps";
import { action as opportunityAction } from "~/routes/advocacy.opportunities.$opportunityId";
import { asDataAnswer, thrownResponse } from "../support/responses";
import { DAY_MS } from "~/lib/time";

let marketing: StaffActor;
let csm: StaffActor;
const context = { clientIp: "127.0.0.1" };

beforeAll(async () => {
  marketing = actorOf(await createStaff("marketing")) as StaffActor;
  csm = actorOf(await createStaff("csm")) as StaffActor;
  await createAskRule(marketing, { signal: "milestone_achieved", askType: "case_study", reviewUrl: "" });
  await createAskRule(marketing, { signal: "plan_completed", askType: "reference_call", reviewUrl: "" });
  await createAskRule(marketing, {
    signal: "nps_promoter",
    askType: "review",
    reviewUrl: "https://reviews.example/lumen",
  });
});

/** An account with a champion, a member and a current plan whose milestones are due in the future. */
async function story() {
  const account = await createAccount();
  const champion = await createCustomer(account.id, "champion");
  const member = await createCustomer(account.id, "member");
  const plan = await createPlan(account.id, { startDate: datePlusDays(todayIn(account.timeZone), -30) });
  const future = datePlusDays(todayIn(account.timeZone), 10);
  const first = await createMilestone(plan, { title: "Go-live", targetDate: future });
  const second = await createMilestone(plan, { title: "Adoption review", targetDate: datePlusDays(future, 30) });
  return { account, champion, member, plan, first, second };
}

async function achieve(account: Account, champion: User, milestoneId: string) {
  await signOffMilestone(csm, account.id, milestoneId, {});
  return signOffMilestone(actorOf(champion), account.id, milestoneId, {});
}

const asksOf = (userId: string) => db.select().from(asks).where(eq(asks.recipientId, userId));
const post = (userId: string, url: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item);
  return signedInRequest(userId, `http://localhost${url}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
};
type Answer = {
  data: Record<string, unknown> & {
    form?: { error?: Record<string, string[]> };
    fieldErrors?: Record<string, string>;
    formError?: string;
  };
  init: { status: number };
};

describe("asks from signals", () => {
  it("asks the champion for a case study when a milestone is achieved, tied to the achievement, once per event", async () => {
    const { account, champion, member, first } = await story();
    expect(await achieve(account, champion, first.id)).toEqual({ ok: true, achieved: true });
    const open = await listOpenAsksFor(actorOf(champion));
    expect(open).toEqual([
      expect.objectContaining({
        askType: "case_study",
        signal: "milestone_achieved",
        context: { milestoneTitle: "Go-live", daysEarly: 10 },
      }),
    ]);
    expect(await listOpenAsksFor(actorOf(member))).toEqual([]);

    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.accountId, account.id), eq(events.type, "milestone.achieved")));
    const again = await createAsksForEvent(event!.id);
    expect(again.created).toEqual([]);
    expect(await asksOf(champion.id)).toHaveLength(1);

    const [opportunity] = await db.select().from(opportunities).where(eq(opportunities.accountId, account.id));
    expect(opportunity).toMatchObject({ stage: "asked", askType: "case_study", advocateId: champion.id });
  });

  it("keeps a cool-down per person: the plan completing right after asks nothing more, until the cool-down is 0", async () => {
    const { account, champion, first, second } = await story();
    await achieve(account, champion, first.id);
    await achieve(account, champion, second.id);
    const [completed] = await db
      .select()
      .from(events)
      .where(and(eq(events.accountId, account.id), eq(events.type, "plan.completed")));
    expect((await asksOf(champion.id)).map((ask) => ask.askType)).toEqual(["case_study"]);
    expect((await createAsksForEvent(completed!.id)).blocked).toEqual([
      { recipientId: champion.id, askType: "reference_call", reason: "cooldown" },
    ]);

    const guardrails = await getGuardrails();
    await saveGuardrails(marketing, { ...guardrails, cooldownDays: 0 });
    try {
      expect((await createAsksForEvent(completed!.id)).created).toEqual([
        expect.objectContaining({ askType: "reference_call" }),
      ]);
    } finally {
      await saveGuardrails(marketing, { ...guardrails, version: guardrails.version + 1 });
    }
    expect((await getGuardrails()).cooldownDays).toBe(guardrails.cooldownDays);
  });

  it("asks nothing while the account has an overdue milestone", async () => {
    const { account, champion, plan, first } = await story();
    await createMilestone(plan, { title: "Late one", targetDate: datePlusDays(todayIn(account.timeZone), -2) });
    await achieve(account, champion, first.id);
    expect(await asksOf(champion.id)).toEqual([]);
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.accountId, account.id), eq(events.type, "milestone.achieved")));
    expect((await createAsksForEvent(event!.id)).blocked[0]?.reason).toBe("overdue_milestones");
  });

  it("asks nothing for 90 days after a detractor score on the account", async () => {
    const { account, champion, member, first } = await story();
    expect(
      await answerNps(actorOf(member) as CustomerActor, { kind: "score", input: { score: 3, comment: "Slow." } }),
    ).toEqual({ ok: true });
    await achieve(account, champion, first.id);
    expect(await asksOf(champion.id)).toEqual([]);
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.accountId, account.id), eq(events.type, "milestone.achieved")));
    expect((await createAsksForEvent(event!.id)).blocked[0]?.reason).toBe("recent_detractor");
  });

  it("doesn't repeat a declined ask type for 180 days", async () => {
    const { account, champion, first } = await story();
    await achieve(account, champion, first.id);
    const [ask] = await asksOf(champion.id);
    expect(await respondToAsk(actorOf(champion), account.id, ask!.id, { response: "decline" })).toEqual({ ok: true });
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.accountId, account.id), eq(events.type, "milestone.achieved")));
    const later = new Date(Date.now() + 31 * DAY_MS);
    // A new event of the same kind a month later: past the cool-down, still inside the 180 days.
    const [{ id: eventId }] = await db
      .insert(events)
      .values({ ...event!, id: "z".repeat(16), occurredAt: later })
      .returning({ id: events.id });
    expect((await createAsksForEvent(eventId!, later)).blocked).toEqual([
      { recipientId: champion.id, askType: "case_study", reason: "declined_recently" },
    ]);
    const [opportunity] = await db.select().from(opportunities).where(eq(opportunities.askId, ask!.id));
    expect(opportunity!.stage).toBe("declined");
  });
});

describe("NPS", () => {
  it("records the answer with an nps.submitted event, asks a promoter for a review, and doesn't ask again for 90 days", async () => {
    const { account, member } = await story();
    const actor = actorOf(member) as CustomerActor;
    expect(await isNpsSurveyDue(actor)).toBe(true);
    expect(await answerNps(actor, { kind: "score", input: { score: 10, comment: "Love it" } })).toEqual({ ok: true });
    expect(await isNpsSurveyDue(actor)).toBe(false);
    expect(await answerNps(actor, { kind: "score", input: { score: 9, comment: "" } })).toEqual({
      ok: false,
      error: "not_due",
    });
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.accountId, account.id), eq(events.type, "nps.submitted")));
    expect(event).toMatchObject({ actorId: member.id, payload: expect.objectContaining({ score: 10 }) });
    expect(await listOpenAsksFor(actor)).toEqual([
      expect.objectContaining({
        askType: "review",
        reviewUrl: "https://reviews.example/lumen",
        context: { score: 10 },
      }),
    ]);
    expect(await isNpsSurveyDue(actor, new Date(Date.now() + 90 * DAY_MS))).toBe(true);
  });

  it("counts a dismissal as asked, without a score or an event", async () => {
    const { account, champion } = await story();
    const actor = actorOf(champion) as CustomerActor;
    expect(await answerNps(actor, { kind: "dismiss" })).toEqual({ ok: true });
    expect(await isNpsSurveyDue(actor)).toBe(false);
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.accountId, account.id), eq(events.type, "nps.submitted"))),
    ).toEqual([]);
  });

  it("reports promoters, passives, detractors and NPS per account from each person's latest answer", async () => {
    const account = await createAccount();
    const people = await Promise.all([10, 9, 7, 2].map(() => createCustomer(account.id, "member")));
    const scores = [10, 9, 7, 2];
    for (const [index, person] of people.entries())
      await answerNps(actorOf(person) as CustomerActor, {
        kind: "score",
        input: { score: scores[index]!, comment: "" },
      });
    const report = await getNpsReport(new Date(), { accountId: account.id });
    expect(report.byAccount).toEqual([
      {
        accountId: account.id,
        accountName: account.name,
        summary: { responses: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 },
      },
    ]);
  });

  it("answers 400 next to the score for a score outside 0–10 and records nothing; staff get 404", async () => {
    const { account, member } = await story();
    for (const score of ["11", "-1", "7.5", "ten", ""]) {
      const result = (await asDataAnswer(
        await npsAction({
          request: await post(member.id, `/accounts/${account.id}/nps`, { intent: "answer", score }),
          params: { accountId: account.id },
          context,
        }),
      )) as unknown as Answer;
      expect(result.init.status).toBe(400);
      expect(result.data.form?.error).toEqual({ score: ["advocacy.scoreRange"] });
    }
    expect(await isNpsSurveyDue(actorOf(member))).toBe(true);
    const staff = await createStaff("csm");
    const refused = await thrownResponse(
      npsAction({
        request: await post(staff.id, `/accounts/${account.id}/nps`, { score: "9" }),
        params: { accountId: account.id },
        context,
      }),
    );
    expect(refused.status).toBe(404);
  });
});

describe("answering an ask", () => {
  async function askedStory() {
    const s = await story();
    await achieve(s.account, s.champion, s.first.id);
    const [ask] = await asksOf(s.champion.id);
    return { ...s, ask: ask! };
  }

  it("refuses with 404 a colleague, another account's champion and staff; nothing changes", async () => {
    const { account, member, ask } = await askedStory();
    const other = await createAccount();
    const outsider = await createCustomer(other.id, "champion");
    const staff = await createStaff("marketing");
    const fields = { intent: "accept", uses: ["name"], scope: "public" };
    for (const person of [member, outsider, staff]) {
      const request = await post(person.id, `/accounts/${account.id}/asks/${ask.id}`, fields);
      expect(
        (await thrownResponse(askAction({ request, params: { accountId: account.id, askId: ask.id }, context })))
          .status,
      ).toBe(404);
    }
    // The outsider, through their own account's URL, finds nothing either.
    const own = await post(outsider.id, `/accounts/${other.id}/asks/${ask.id}`, fields);
    expect(
      (await thrownResponse(askAction({ request: own, params: { accountId: other.id, askId: ask.id }, context })))
        .status,
    ).toBe(404);
    const [row] = await db.select().from(asks).where(eq(asks.id, ask.id));
    expect(row!.status).toBe("open");
  });

  it("answers 400 next to the fields when consent says neither what nor where", async () => {
    const { account, champion, ask } = await askedStory();
    const request = await post(champion.id, `/accounts/${account.id}/asks/${ask.id}`, {
      intent: "accept",
      uses: ["fingerprints"],
    });
    const result = (await asDataAnswer(
      await askAction({
        request,
        params: { accountId: account.id, askId: ask.id },
        context,
      }),
    )) as unknown as Answer;
    expect(result.init.status).toBe(400);
    expect(result.data.form?.error).toEqual({ uses: ["advocacy.usesRequired"], scope: ["advocacy.scopeRequired"] });
    expect(await db.select().from(consents).where(eq(consents.askId, ask.id))).toEqual([]);
  });

  it("not now hides the ask for a while; it can't be answered twice (409)", async () => {
    const { account, champion, ask } = await askedStory();
    expect(await respondToAsk(actorOf(champion), account.id, ask.id, { response: "not_now" })).toEqual({ ok: true });
    expect(await listOpenAsksFor(actorOf(champion))).toEqual([]);
    expect(await listOpenAsksFor(actorOf(champion), new Date(Date.now() + 15 * DAY_MS))).toHaveLength(1);
    const request = await post(champion.id, `/accounts/${account.id}/asks/${ask.id}`, { intent: "decline" });
    const result = (await asDataAnswer(
      await askAction({
        request,
        params: { accountId: account.id, askId: ask.id },
        context,
      }),
    )) as unknown as Answer;
    expect(result.init.status).toBe(409);
  });

  it("accepting records consent and moves the opportunity; publishing needs public consent; withdrawal ends it everywhere", async () => {
    const { account, champion, ask } = await askedStory();
    const request = await post(champion.id, `/accounts/${account.id}/asks/${ask.id}`, {
      intent: "accept",
      uses: ["name", "logo", "metrics"],
      scope: "sales",
    });
    const answered = (await askAction({
      request,
      params: { accountId: account.id, askId: ask.id },
      context,
    })) as Response;
    expect(answered.status).toBe(302);
    expect(answered.headers.get("Location")).toBe(`/accounts/${account.id}`);
    const [consent] = await db.select().from(consents).where(eq(consents.askId, ask.id));
    expect(consent).toMatchObject({
      userId: champion.id,
      uses: ["name", "logo", "metrics"],
      scope: "sales",
      withdrawnAt: null,
    });
    const load = async () => (await db.select().from(opportunities).where(eq(opportunities.askId, ask.id)))[0]!;
    let opportunity = await load();
    expect(opportunity).toMatchObject({ stage: "accepted", consentId: consent!.id });

    expect(await moveOpportunity(marketing, opportunity.id, { to: "published", version: opportunity.version })).toEqual(
      { ok: false, error: "not_allowed" },
    );
    expect(
      await moveOpportunity(marketing, opportunity.id, { to: "in_production", version: opportunity.version }),
    ).toEqual({ ok: true });
    opportunity = await load();
    expect(
      await moveOpportunity(marketing, opportunity.id, { to: "customer_review", version: opportunity.version - 1 }),
    ).toEqual({ ok: false, error: "stale" });
    expect(await saveDraft(marketing, opportunity.id, { title: "Draft", body: "Story", facts: [] })).toEqual({
      ok: true,
      version: 1,
    });
    expect(
      await moveOpportunity(marketing, opportunity.id, { to: "customer_review", version: opportunity.version }),
    ).toEqual({ ok: true });
    opportunity = await load();
    expect(await moveOpportunity(marketing, opportunity.id, { to: "published", version: opportunity.version })).toEqual(
      { ok: false, error: "needs_public_consent" },
    );
    expect((await load()).stage).toBe("customer_review");

    // Someone else can't withdraw it; the champion can, and it takes effect at once.
    expect(await withdrawConsent(actorOf(await createCustomer(account.id, "member")), consent!.id)).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await withdrawConsent(actorOf(champion), consent!.id)).toEqual({ ok: true });
    opportunity = await load();
    expect(opportunity.stage).toBe("withdrawn");
    expect(
      await moveOpportunity(marketing, opportunity.id, { to: "in_production", version: opportunity.version }),
    ).toEqual({ ok: false, error: "not_allowed" });
    const history = await db
      .select({ from: opportunityTransitions.fromStage, to: opportunityTransitions.toStage })
      .from(opportunityTransitions)
      .where(eq(opportunityTransitions.opportunityId, opportunity.id))
      .orderBy(opportunityTransitions.at);
    expect(history.map((entry) => `${entry.from ?? "-"}>${entry.to}`)).toEqual(
      [
        "identified>asked",
        "accepted>in_production",
        "in_production>customer_review",
        "customer_review>withdrawn",
      ].flatMap((step, index) => (index === 0 ? [step, "asked>accepted"] : [step])),
    );
  });

  it("a forbidden move through the route is a 409 with the stages named, and a CSM may not move at all (404)", async () => {
    const { account, champion, ask } = await askedStory();
    await respondToAsk(actorOf(champion), account.id, ask.id, {
      response: "accept",
      consent: { uses: ["name"], scope: "public" },
    });
    const [opportunity] = await db.select().from(opportunities).where(eq(opportunities.askId, ask.id));
    const jordan = await createStaff("marketing");
    const request = await post(jordan.id, `/advocacy/opportunities/${opportunity!.id}`, {
      intent: "move",
      to: "published",
      version: String(opportunity!.version),
    });
    const result = (await asDataAnswer(
      await opportunityAction({
        request,
        params: { opportunityId: opportunity!.id },
        context,
      }),
    )) as unknown as Answer;
    expect(result.init.status).toBe(409);
    expect(result.data).toMatchObject({
      form: { error: { "": ["advocacy:opportunity.errors.not_allowed"] }, initialValue: { to: "published" } },
    });
    const byCsm = await post((await createStaff("csm")).id, `/advocacy/opportunities/${opportunity!.id}`, {
      intent: "move",
      to: "in_production",
      version: String(opportunity!.version),
    });
    expect(
      (await thrownResponse(opportunityAction({ request: byCsm, params: { opportunityId: opportunity!.id }, context })))
        .status,
    ).toBe(404);
    const [after] = await db.select().from(opportunities).where(eq(opportunities.id, opportunity!.id));
    expect(after!.stage).toBe("accepted");
  });
});
