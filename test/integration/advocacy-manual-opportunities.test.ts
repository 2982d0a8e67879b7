import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import {
  type AskType,
  activity,
  asks,
  consents,
  npsResponses,
  opportunities,
  opportunityTransitions,
} from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  signedInRequest,
} from "~db/seed/factories";
import { listOpenAsksFor, respondToAsk } from "~/domain/advocacy/asks.server";
import { createOpportunity } from "~/domain/advocacy/new-opportunity.server";
import { moveOpportunity, updateOpportunityDetails } from "~/domain/advocacy/opportunities.server";
import { createAskRule } from "~/domain/advocacy/settings.server";
import type { StaffActor } from "~/domain/auth/actor";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";
import { loader as accountAdvocacyLoader } from "~/routes/accounts.$accountId.advocacy";
import { action as newOpportunityAction } from "~/routes/advocacy.opportunities.new";
import { thrownResponse } from "../support/responses";
import { DAY_MS } from "~/lib/time";

let marketing: StaffActor;
const context = { clientIp: "127.0.0.1" };

beforeAll(async () => {
  marketing = actorOf(await createStaff("marketing")) as StaffActor;
  await createAskRule(marketing, {
    signal: "nps_promoter",
    askType: "review",
    reviewUrl: "https://reviews.example/lumen",
  });
});

const post = (userId: string, fields: Record<string, string>) =>
  signedInRequest(userId, "http://localhost/advocacy/opportunities/new", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
type Answer = { data: { form: { error?: Record<string, string[]> } }; init: { status: number } };
const opportunitiesOf = (accountId: string) =>
  db.select().from(opportunities).where(eq(opportunities.accountId, accountId));

async function identified(askType: AskType = "quote") {
  const account = await createAccount();
  const champion = await createCustomer(account.id, "champion");
  const created = await createOpportunity(marketing, {
    accountId: account.id,
    advocateId: champion.id,
    askType,
    ownerId: marketing.id,
    dueDate: "",
    notes: "",
  });
  if (!created.ok) throw new Error(created.error);
  const [opportunity] = await db.select().from(opportunities).where(eq(opportunities.id, created.id));
  return { account, champion, opportunity: opportunity! };
}

describe("creating an opportunity by hand", () => {
  it("opens it at identified with its advocate, owner, due date and notes, logs null → identified, and asks no one yet", async () => {
    const account = await createAccount();
    const champion = await createCustomer(account.id, "champion");
    const request = await post(marketing.id, {
      accountId: account.id,
      advocateId: champion.id,
      askType: "case_study",
      ownerId: marketing.id,
      dueDate: "2026-11-30",
      notes: "Told their CSM the rollout saved a week a month.",
    });
    const response = (await newOpportunityAction({ request, params: {}, context })) as Response;
    expect(response.status).toBe(302);
    const [opportunity] = await opportunitiesOf(account.id);
    expect(response.headers.get("Location")).toBe(`/advocacy/opportunities/${opportunity!.id}`);
    expect(opportunity).toMatchObject({
      stage: "identified",
      askType: "case_study",
      advocateId: champion.id,
      ownerId: marketing.id,
      dueDate: "2026-11-30",
      notes: "Told their CSM the rollout saved a week a month.",
      askId: null,
    });
    const transitions = await db
      .select()
      .from(opportunityTransitions)
      .where(eq(opportunityTransitions.opportunityId, opportunity!.id));
    expect(transitions).toEqual([
      expect.objectContaining({ fromStage: null, toStage: "identified", actorId: marketing.id }),
    ]);
    const entries = await db.select().from(activity).where(eq(activity.subjectId, opportunity!.id));
    expect(entries.map((entry) => entry.action)).toEqual(["opportunity.created"]);
    expect(await db.select().from(asks).where(eq(asks.recipientId, champion.id))).toEqual([]);
  });

  it("may leave the advocate open, to be chosen while it is identified — from that account only", async () => {
    const account = await createAccount();
    const member = await createCustomer(account.id, "member");
    const outsider = await createCustomer((await createAccount()).id, "champion");
    const created = await createOpportunity(marketing, {
      accountId: account.id,
      advocateId: "",
      askType: "logo",
      ownerId: "",
      dueDate: "",
      notes: "",
    });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.id : "";
    expect(await moveOpportunity(marketing, id, { to: "asked", version: 1 })).toEqual({
      ok: false,
      error: "needs_advocate",
    });
    const details = { ownerId: "", dueDate: "", notes: "", version: 1 };
    expect(await updateOpportunityDetails(marketing, id, { ...details, advocateId: outsider.id })).toEqual({
      ok: false,
      error: "invalid_advocate",
    });
    expect(await updateOpportunityDetails(marketing, id, { ...details, advocateId: member.id })).toEqual({ ok: true });
    const [row] = await opportunitiesOf(account.id);
    expect(row).toMatchObject({ advocateId: member.id, stage: "identified", version: 2 });
  });

  it("refuses an advocate from another account (400 next to the field) and writes nothing", async () => {
    const account = await createAccount();
    const outsider = await createCustomer((await createAccount()).id, "champion");
    const request = await post(marketing.id, { accountId: account.id, advocateId: outsider.id, askType: "quote" });
    const answer = (await newOpportunityAction({ request, params: {}, context })) as unknown as Answer;
    expect(answer.init.status).toBe(400);
    expect(answer.data.form.error).toEqual({ advocateId: ["advocacy:newOpportunity.errors.invalid_advocate"] });
    expect(await opportunitiesOf(account.id)).toEqual([]);
    expect(await opportunitiesOf(outsider.accountId!)).toEqual([]);
  });

  it("refuses a deactivated advocate, an unknown account and a missing type next to the fields", async () => {
    const account = await createAccount();
    const gone = await createCustomer(account.id, "member", { deactivatedAt: new Date() });
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [
        { accountId: account.id, advocateId: gone.id, askType: "quote" },
        { advocateId: ["advocacy:newOpportunity.errors.invalid_advocate"] },
      ],
      [
        { accountId: "zzzzzzzzzzzzzzzz", askType: "quote" },
        { accountId: ["advocacy:newOpportunity.errors.unknown_account"] },
      ],
      [{ accountId: account.id, askType: "" }, { askType: ["advocacy.askTypeRequired"] }],
      [{ accountId: "", askType: "quote" }, { accountId: ["advocacy.accountRequired"] }],
      [
        { accountId: account.id, askType: "quote", ownerId: gone.id },
        { ownerId: ["advocacy:newOpportunity.errors.invalid_owner"] },
      ],
      [
        { accountId: account.id, askType: "quote", dueDate: "2026-02-30", notes: "x".repeat(5001) },
        { dueDate: ["advocacy.dateInvalid"], notes: ["advocacy.notesTooLong"] },
      ],
    ];
    for (const [fields, fieldErrors] of cases) {
      const answer = (await newOpportunityAction({
        request: await post(marketing.id, fields),
        params: {},
        context,
      })) as unknown as Answer;
      expect(answer.init.status).toBe(400);
      expect(answer.data.form.error).toEqual(fieldErrors);
    }
    expect(await opportunitiesOf(account.id)).toEqual([]);
  });

  it("is not for a CSM or a customer (404), and they write nothing", async () => {
    const account = await createAccount();
    const champion = await createCustomer(account.id, "champion");
    const csm = await createStaff("csm");
    for (const person of [csm, champion]) {
      const request = await post(person.id, { accountId: account.id, advocateId: champion.id, askType: "quote" });
      expect((await thrownResponse(newOpportunityAction({ request, params: {}, context }))).status).toBe(404);
    }
    expect(await opportunitiesOf(account.id)).toEqual([]);
  });
});

describe("moving a hand-made opportunity to asked", () => {
  it("asks the advocate in the portal; accepting records consent and moves this opportunity, not a new one", async () => {
    const { account, champion, opportunity } = await identified("review");
    expect(await moveOpportunity(marketing, opportunity.id, { to: "asked", version: opportunity.version })).toEqual({
      ok: true,
    });
    const [open] = await listOpenAsksFor(actorOf(champion));
    expect(open).toMatchObject({ askType: "review", signal: "manual", reviewUrl: "https://reviews.example/lumen" });
    const [moved] = await opportunitiesOf(account.id);
    expect(moved).toMatchObject({ stage: "asked", askId: open!.id });

    expect(
      await respondToAsk(actorOf(champion), account.id, open!.id, {
        response: "accept",
        consent: { uses: ["name", "quote"], scope: "public" },
      }),
    ).toEqual({ ok: true });
    const [consent] = await db.select().from(consents).where(eq(consents.askId, open!.id));
    const all = await opportunitiesOf(account.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: opportunity.id, stage: "accepted", consentId: consent!.id });
    const stages = await db
      .select()
      .from(opportunityTransitions)
      .where(eq(opportunityTransitions.opportunityId, opportunity.id))
      .orderBy(opportunityTransitions.at);
    expect(stages.map((row) => `${row.fromStage}→${row.toStage}`)).toEqual([
      "null→identified",
      "identified→asked",
      "asked→accepted",
    ]);
  });

  it("declined on the pipeline closes the ask still waiting on the advocate's home", async () => {
    const { champion, opportunity } = await identified();
    expect(await moveOpportunity(marketing, opportunity.id, { to: "asked", version: opportunity.version })).toEqual({
      ok: true,
    });
    expect(await listOpenAsksFor(actorOf(champion))).toHaveLength(1);
    expect(
      await moveOpportunity(marketing, opportunity.id, { to: "declined", version: opportunity.version + 1 }),
    ).toEqual({ ok: true });
    expect(await listOpenAsksFor(actorOf(champion))).toEqual([]);
    const [ask] = await db.select().from(asks).where(eq(asks.recipientId, champion.id));
    expect(ask).toMatchObject({ status: "declined" });
    expect(ask!.respondedAt).toBeInstanceOf(Date);
  });

  it("refuses while the account has an overdue milestone, saying which guardrail, and asks no one", async () => {
    const { account, champion, opportunity } = await identified();
    const plan = await createPlan(account.id, { startDate: datePlusDays(todayIn(account.timeZone), -30) });
    await createMilestone(plan, { title: "Late one", targetDate: datePlusDays(todayIn(account.timeZone), -2) });
    expect(await moveOpportunity(marketing, opportunity.id, { to: "asked", version: opportunity.version })).toEqual({
      ok: false,
      error: "overdue_milestones",
    });
    expect(await db.select().from(asks).where(eq(asks.recipientId, champion.id))).toEqual([]);
    const [row] = await opportunitiesOf(account.id);
    expect(row).toMatchObject({ stage: "identified", askId: null, version: opportunity.version });
  });

  it("refuses after a recent detractor score, within the cool-down, and after a declined ask of that type", async () => {
    const detractor = await identified();
    await db
      .insert(npsResponses)
      .values({ id: "detractoraaaaaaa", accountId: detractor.account.id, userId: detractor.champion.id, score: 4 });
    expect(await moveOpportunity(marketing, detractor.opportunity.id, { to: "asked", version: 1 })).toEqual({
      ok: false,
      error: "recent_detractor",
    });

    // Asked once (a quote), then a second hand-made opportunity for the same person: the cool-down.
    const first = await identified("quote");
    expect(await moveOpportunity(marketing, first.opportunity.id, { to: "asked", version: 1 })).toEqual({ ok: true });
    const second = await createOpportunity(marketing, {
      accountId: first.account.id,
      advocateId: first.champion.id,
      askType: "logo",
      ownerId: "",
      dueDate: "",
      notes: "",
    });
    const secondId = second.ok ? second.id : "";
    expect(await moveOpportunity(marketing, secondId, { to: "asked", version: 1 })).toEqual({
      ok: false,
      error: "cooldown",
    });

    // Declined a quote 40 days ago: past the cool-down, still no quote asked again.
    const declined = await identified("quote");
    const past = new Date(Date.now() - 40 * DAY_MS);
    await db.insert(asks).values({
      id: "declinedaskaaaaa",
      accountId: declined.account.id,
      recipientId: declined.champion.id,
      askType: "quote",
      signal: "manual",
      status: "declined",
      createdAt: past,
      respondedAt: past,
    });
    expect(await moveOpportunity(marketing, declined.opportunity.id, { to: "asked", version: 1 })).toEqual({
      ok: false,
      error: "declined_recently",
    });
    expect(await db.select().from(asks).where(eq(asks.recipientId, declined.champion.id))).toHaveLength(1);
  });

  it("through the route: an unknown intent, a bad version or a bad date is a 400 that writes nothing", async () => {
    const { account, opportunity } = await identified();
    const { action } = await import("~/routes/advocacy.opportunities.$opportunityId");
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ intent: "archive", version: "1" }, { "": ["form.unknownIntent"] }],
      [{ intent: "move", to: "asked" }, { version: ["form.malformed"] }],
      [{ intent: "move", to: "launched", version: "1" }, { to: ["field.invalid"] }],
      [
        { intent: "details", version: "1", dueDate: "tomorrow", notes: "x".repeat(5001) },
        { dueDate: ["advocacy.dateInvalid"], notes: ["advocacy.notesTooLong"] },
      ],
    ];
    for (const [fields, errors] of cases) {
      const request = await signedInRequest(marketing.id, `http://localhost/advocacy/opportunities/${opportunity.id}`, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
      const answer = (await action({ request, params: { opportunityId: opportunity.id }, context })) as unknown as {
        data: { form: { error: Record<string, string[]> } };
        init: { status: number };
      };
      expect(answer.init.status).toBe(400);
      expect(answer.data.form.error).toEqual(errors);
    }
    const [row] = await opportunitiesOf(account.id);
    expect(row).toMatchObject({ stage: "identified", version: opportunity.version, notes: opportunity.notes });
  });

  it("through the route: a guardrail is a 409 naming it", async () => {
    const { account, opportunity } = await identified();
    const plan = await createPlan(account.id, { startDate: datePlusDays(todayIn(account.timeZone), -30) });
    await createMilestone(plan, { title: "Late one", targetDate: datePlusDays(todayIn(account.timeZone), -2) });
    const { action } = await import("~/routes/advocacy.opportunities.$opportunityId");
    const request = await signedInRequest(marketing.id, `http://localhost/advocacy/opportunities/${opportunity.id}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "move", to: "asked", version: String(opportunity.version) }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    const answer = (await action({ request, params: { opportunityId: opportunity.id }, context })) as unknown as {
      data: { form: { error: Record<string, string[]> } };
      init: { status: number };
    };
    expect(answer.init.status).toBe(409);
    expect(answer.data.form.error).toEqual({ "": ["advocacy:opportunity.errors.overdue_milestones"] });
  });
});

describe("the account's Advocacy tab", () => {
  const load = async (userId: string, accountId: string) =>
    accountAdvocacyLoader({
      request: await signedInRequest(userId, `http://localhost/accounts/${accountId}/advocacy`),
      params: { accountId },
      context,
    });

  it("shows staff this account's NPS, asks, consents, opportunities, references and assets — none of another account's", async () => {
    const { account, champion, opportunity } = await identified("quote");
    const member = await createCustomer(account.id, "member");
    await db.insert(npsResponses).values([
      { id: "npspromoteraaaaa", accountId: account.id, userId: champion.id, score: 10, comment: "Saves us hours." },
      { id: "npspassiveaaaaaa", accountId: account.id, userId: member.id, score: 7 },
    ]);
    await moveOpportunity(marketing, opportunity.id, { to: "asked", version: opportunity.version });
    const [ask] = await db.select().from(asks).where(eq(asks.recipientId, champion.id));
    await respondToAsk(actorOf(champion), account.id, ask!.id, {
      response: "accept",
      consent: { uses: ["name"], scope: "sales" },
    });
    // Another account's advocacy, which must not show.
    const elsewhere = await identified("logo");
    await moveOpportunity(marketing, elsewhere.opportunity.id, { to: "asked", version: 1 });

    const csm = await createStaff("csm");
    for (const person of [marketing.id, csm.id]) {
      const { advocacy, canManage } = await load(person, account.id);
      expect(canManage).toBe(person === marketing.id);
      expect(advocacy.isEmpty).toBe(false);
      expect(advocacy.nps.summary).toMatchObject({ responses: 2, promoters: 1, passives: 1, detractors: 0, nps: 50 });
      expect(advocacy.nps.latest.map((row) => row.comment)).toContain("Saves us hours.");
      expect(advocacy.openAsks).toEqual([]);
      expect(advocacy.answeredAsks).toEqual([
        expect.objectContaining({ askType: "quote", status: "accepted", signal: "manual", personName: champion.name }),
      ]);
      expect(advocacy.consents).toEqual([
        expect.objectContaining({ personName: champion.name, askType: "quote", uses: ["name"], scope: "sales" }),
      ]);
      expect(advocacy.opportunities).toEqual([
        expect.objectContaining({ id: opportunity.id, stage: "accepted", advocateName: champion.name, daysInStage: 0 }),
      ]);
      expect(advocacy.references).toEqual([]);
      expect(advocacy.assets).toEqual([]);
    }
  });

  it("says there is nothing yet for an account without advocacy", async () => {
    const account = await createAccount();
    await createCustomer(account.id, "champion");
    expect((await load(marketing.id, account.id)).advocacy).toMatchObject({
      isEmpty: true,
      opportunities: [],
      openAsks: [],
      answeredAsks: [],
    });
  });

  it("is 404 for customers, even on their own account", async () => {
    const account = await createAccount();
    const champion = await createCustomer(account.id, "champion");
    const outsider = await createCustomer((await createAccount()).id, "champion");
    for (const person of [champion, outsider])
      expect((await thrownResponse(load(person.id, account.id))).status).toBe(404);
  });
});
