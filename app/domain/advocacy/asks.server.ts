import { and, desc, eq, gte, inArray, lte, max, or, sql } from "drizzle-orm";
import { type Executor, type Transaction, db } from "~db/client.server";
import { courseTitleFor } from "~/domain/training/content.server";
import { type AskContext, type AskStatus, type AskType, asks, consents, npsResponses, opportunities } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { getEvent } from "~/domain/events/record.server";
import type { DomainEvent } from "~/domain/events/types";
import { isActiveMemberOf, peopleChoices } from "~/domain/people/members.server";
import { accountHasOverdueMilestones } from "~/domain/plans/plan-status.server";
import { notifyInApp } from "~/domain/inbox/items.server";
import { newId } from "~/lib/ids.server";
import { type AskBlock, type AskCheck, askBlockedBy, askTypesFor, signalOf } from "./ask-rules";
import type { ConsentInput } from "./consent";
import { moveProblem } from "./pipeline";
import { getGuardrails, listAskRules } from "./settings.server";
import { writeTransition } from "./transitions.server";
import { DAY_MS } from "~/lib/time";

/** "Not now" puts an ask away for this many days. */
const SNOOZE_DAYS = 14;

/** What the account-wide guardrails look at: overdue milestones and the latest detractor answer. */
async function accountAskFacts(accountId: string, executor: Executor = db): Promise<AskCheck["account"]> {
  const [hasOverdueMilestones, [detractor]] = await Promise.all([
    accountHasOverdueMilestones(accountId, executor),
    executor
      .select({ at: npsResponses.createdAt })
      .from(npsResponses)
      .where(and(eq(npsResponses.accountId, accountId), lte(npsResponses.score, 6)))
      .orderBy(desc(npsResponses.createdAt))
      .limit(1),
  ]);
  return { hasOverdueMilestones, lastDetractorAt: detractor?.at ?? null };
}

/**
 * The person's ask history for the cool-down and declined-repeat guardrails. Takes a lock on the
 * person for the rest of the transaction: two asks to one person at once must see each other.
 */
async function lockAskHistory(tx: Transaction, recipientId: string, now: Date): Promise<AskCheck["recipient"]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`asks:${recipientId}`}))`);
  const [[last], declines] = await Promise.all([
    tx
      .select({ at: max(asks.createdAt) })
      .from(asks)
      .where(eq(asks.recipientId, recipientId)),
    tx
      .select({ askType: asks.askType, at: asks.respondedAt })
      .from(asks)
      .where(and(eq(asks.recipientId, recipientId), eq(asks.status, "declined"))),
  ]);
  return { lastAskedAt: last?.at ?? null, declines: declines.map((d) => ({ askType: d.askType, at: d.at ?? now })) };
}

export interface AsksForEventResult {
  created: { askId: string; recipientId: string; askType: AskType }[];
  blocked: { recipientId: string; askType: AskType; reason: AskBlock }[];
}

/**
 * Reacts to a recorded event: for each ask rule of the event's signal, asks the right person —
 * the account's champions after a milestone or a completed plan, the respondent after a promoter
 * NPS answer — unless a guardrail says not now. Each ask opens an opportunity at "asked" in the
 * same transaction. Idempotent per event: running it again creates nothing new.
 */
export async function createAsksForEvent(eventId: string, now = new Date()): Promise<AsksForEventResult> {
  const event = await getEvent(eventId);
  return event ? asksFor(event, now) : { created: [], blocked: [] };
}

/**
 * `createAsksForEvent` for many recorded events (the reactions to a job's batch): the events that
 * carry no ask signal (most: overdue tasks, grade changes) cost nothing, the others are asked one
 * by one.
 */
export async function createAsksForEvents(events: readonly DomainEvent[], now = new Date()): Promise<void> {
  for (const event of events) {
    if (event.accountId && signalOf(event)) await asksFor(event, now);
  }
}

async function asksFor(event: DomainEvent, now: Date): Promise<AsksForEventResult> {
  const result: AsksForEventResult = { created: [], blocked: [] };
  const eventId = event.id;
  if (!event.accountId) return result;
  const accountId = event.accountId;
  const signal = signalOf(event);
  if (!signal) return result;
  const rules = askTypesFor(signal, await listAskRules());
  if (rules.length === 0) return result;

  // The promoter who answered, or the account's champions: never a read of everyone.
  const recipients =
    signal === "nps_promoter"
      ? event.actorId
        ? (await peopleChoices(accountId, { include: [event.actorId], limit: 0 })).people
        : []
      : (await peopleChoices(accountId, { role: "champion", limit: 20 })).people;
  if (recipients.length === 0) return result;

  const [guardrails, account] = await Promise.all([getGuardrails(), accountAskFacts(accountId)]);
  const context: AskContext =
    event.type === "milestone.achieved"
      ? { milestoneTitle: event.payload.title, daysEarly: event.payload.daysEarly }
      : event.type === "nps.submitted"
        ? { score: event.payload.score }
        : event.type === "course.completed_by_team"
          ? { courseTitle: event.payload.courseTitle, courseSlug: event.payload.courseSlug }
          : {};

  for (const recipient of recipients) {
    await db.transaction(async (tx) => {
      const history = await lockAskHistory(tx, recipient.id, now);
      let lastAskedAt = history.lastAskedAt;
      for (const rule of rules) {
        const reason = askBlockedBy({
          now,
          guardrails,
          askType: rule.askType,
          account,
          recipient: { ...history, lastAskedAt },
        });
        if (reason) {
          result.blocked.push({ recipientId: recipient.id, askType: rule.askType, reason });
          continue;
        }
        const askId = newId();
        const inserted = await tx
          .insert(asks)
          .values({
            id: askId,
            accountId,
            recipientId: recipient.id,
            askType: rule.askType,
            signal,
            eventId,
            context,
            reviewUrl: rule.reviewUrl,
            createdAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: asks.id });
        if (inserted.length === 0) continue;
        const opportunityId = newId();
        await tx.insert(opportunities).values({
          id: opportunityId,
          accountId,
          advocateId: recipient.id,
          askId,
          askType: rule.askType,
          stage: "identified",
          stageEnteredAt: now,
        });
        await writeTransition(tx, { id: opportunityId, accountId, stage: "identified" }, "asked", null, {
          note: signal,
        });
        await recordActivity(tx, {
          accountId,
          actorId: null,
          action: "ask.created",
          subjectType: "ask",
          subjectId: askId,
          details: { askType: rule.askType, signal, recipientId: recipient.id, eventId },
        });
        await notifyAskWaiting(tx, null, accountId, recipient.id, askId);
        result.created.push({ askId, recipientId: recipient.id, askType: rule.askType });
        lastAskedAt = now;
      }
    });
  }
  return result;
}

/** The bell tells the recipient an ask waits for their answer (its page). */
async function notifyAskWaiting(
  tx: Transaction,
  actorId: string | null,
  accountId: string,
  recipientId: string,
  askId: string,
) {
  await notifyInApp(tx, actorId, [
    { accountId, userId: recipientId, kind: "ask_waiting", params: {}, href: `/accounts/${accountId}/asks/${askId}` },
  ]);
}

export type AdvocateAskRefusal = AskBlock | "advocate_inactive";

/**
 * Marketing moves a hand-made opportunity to "asked": its advocate is asked in the portal, under
 * the same guardrails as asks from signals. The ask is tied to the opportunity (its ask), so
 * accepting it moves this opportunity instead of opening another. In the caller's transaction,
 * which then records the stage change; nothing is written on a refusal.
 */
export async function askAdvocateFor(
  tx: Transaction,
  opportunity: { id: string; accountId: string; advocateId: string; askType: AskType },
  actorId: string,
  now = new Date(),
): Promise<{ ok: true; askId: string } | { ok: false; error: AdvocateAskRefusal }> {
  const { accountId, advocateId: recipientId, askType } = opportunity;
  if (!(await isActiveMemberOf(tx, accountId, recipientId))) return { ok: false, error: "advocate_inactive" };
  const [guardrails, account, rules] = await Promise.all([
    getGuardrails(tx),
    accountAskFacts(accountId, tx),
    listAskRules(tx),
  ]);
  const recipient = await lockAskHistory(tx, recipientId, now);
  const block = askBlockedBy({ now, guardrails, askType, account, recipient });
  if (block) return { ok: false, error: block };
  // A review ask needs somewhere to write the review: the link marketing set on a review rule.
  const reviewUrl =
    askType === "review"
      ? (rules.find((rule) => rule.askType === "review" && rule.reviewUrl)?.reviewUrl ?? null)
      : null;
  const askId = newId();
  await tx
    .insert(asks)
    .values({ id: askId, accountId, recipientId, askType, signal: "manual", context: {}, reviewUrl, createdAt: now });
  await tx
    .update(opportunities)
    .set({ askId })
    .where(and(eq(opportunities.id, opportunity.id), eq(opportunities.accountId, accountId)));
  await recordActivity(tx, {
    accountId,
    actorId,
    action: "ask.created",
    subjectType: "ask",
    subjectId: askId,
    details: { askType, signal: "manual", recipientId, opportunityId: opportunity.id },
  });
  await notifyAskWaiting(tx, actorId, accountId, recipientId, askId);
  return { ok: true, askId };
}

export interface AskView {
  id: string;
  askType: AskType;
  signal: string;
  context: AskContext;
  reviewUrl: string | null;
  createdAt: string;
}

/** The asks waiting for this customer person: open ones, and snoozed ones whose "not now" ran out. */
export async function listOpenAsksFor(actor: Actor, now = new Date()): Promise<AskView[]> {
  if (actor.kind !== "customer") return [];
  const rows = await db
    .select({
      id: asks.id,
      askType: asks.askType,
      signal: asks.signal,
      context: asks.context,
      reviewUrl: asks.reviewUrl,
      createdAt: asks.createdAt,
    })
    .from(asks)
    .where(
      and(
        eq(asks.recipientId, actor.id),
        eq(asks.accountId, actor.accountId),
        or(eq(asks.status, "open"), and(eq(asks.status, "snoozed"), lte(asks.snoozedUntil, now))),
      ),
    )
    .orderBy(desc(asks.createdAt));
  return rows.map((row) => ({
    ...row,
    context: row.context.courseSlug
      ? { ...row.context, courseTitle: courseTitleFor(row.context.courseSlug, actor.locale) ?? row.context.courseTitle }
      : row.context,
    createdAt: row.createdAt.toISOString(),
  }));
}

export type AskResponse =
  { response: "accept"; consent: ConsentInput } | { response: "not_now" } | { response: "decline" };
export type AskError = "not_found" | "already_answered";

/**
 * The person asked answers: accept (with consent: what may be used, where), not now, or decline.
 * Only the person asked may answer — anyone else gets "not_found", like another account's ask.
 */
export async function respondToAsk(
  actor: Actor,
  accountId: string,
  askId: string,
  answer: AskResponse,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: AskError }> {
  if (actor.kind !== "customer" || actor.accountId !== accountId) return { ok: false, error: "not_found" };
  return db.transaction(async (tx) => {
    const [ask] = await tx
      .select()
      .from(asks)
      .where(and(eq(asks.id, askId), eq(asks.accountId, accountId), eq(asks.recipientId, actor.id)))
      .for("update");
    if (!ask) return { ok: false as const, error: "not_found" as const };
    if (ask.status !== "open" && !(ask.status === "snoozed" && ask.snoozedUntil && ask.snoozedUntil <= now)) {
      return { ok: false as const, error: "already_answered" as const };
    }
    const [opportunity] = await tx
      .select({ id: opportunities.id, accountId: opportunities.accountId, stage: opportunities.stage })
      .from(opportunities)
      .where(and(eq(opportunities.askId, ask.id), eq(opportunities.accountId, accountId)))
      .for("update");

    if (answer.response === "not_now") {
      await tx
        .update(asks)
        .set({ status: "snoozed", snoozedUntil: new Date(now.getTime() + SNOOZE_DAYS * DAY_MS) })
        .where(eq(asks.id, ask.id));
      await recordActivity(tx, {
        accountId,
        actorId: actor.id,
        action: "ask.snoozed",
        subjectType: "ask",
        subjectId: ask.id,
        details: { askType: ask.askType },
      });
      return { ok: true as const };
    }
    const status = answer.response === "accept" ? ("accepted" as const) : ("declined" as const);
    await tx.update(asks).set({ status, respondedAt: now, snoozedUntil: null }).where(eq(asks.id, ask.id));
    let consentId: string | undefined;
    if (answer.response === "accept") {
      consentId = newId();
      await tx.insert(consents).values({
        id: consentId,
        accountId,
        userId: actor.id,
        askId: ask.id,
        askType: ask.askType,
        uses: answer.consent.uses,
        scope: answer.consent.scope,
        grantedAt: now,
      });
      await recordActivity(tx, {
        accountId,
        actorId: actor.id,
        action: "consent.granted",
        subjectType: "consent",
        subjectId: consentId,
        details: { askType: ask.askType, uses: answer.consent.uses, scope: answer.consent.scope },
      });
    }
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: `ask.${status}`,
      subjectType: "ask",
      subjectId: ask.id,
      details: { askType: ask.askType, from: ask.status, to: status },
    });
    if (opportunity && !moveProblem(opportunity.stage, status, "customer", null)) {
      await writeTransition(tx, opportunity, status, actor.id, { consentId });
    }
    return { ok: true as const };
  });
}

/** Asks sent since `since` (ever, when null) per type and status, for the dashboard. One query. */
export async function countAsksByType(
  since: Date | null = null,
): Promise<{ askType: AskType; status: AskStatus; count: number }[]> {
  return db
    .select({ askType: asks.askType, status: asks.status, count: sql<number>`count(*)::int` })
    .from(asks)
    .where(since ? gte(asks.createdAt, since) : undefined)
    .groupBy(asks.askType, asks.status);
}

/**
 * The asks waiting for many customer people (the weekly digest): open ones and snoozed ones whose
 * "not now" ran out, as listOpenAsksFor counts them, newest first. One query whatever their number.
 */
export async function openAsksForPeople(
  people: readonly { userId: string; accountId: string }[],
  now = new Date(),
): Promise<Map<string, { id: string; askType: AskType }[]>> {
  const result = new Map<string, { id: string; askType: AskType }[]>();
  if (people.length === 0) return result;
  const accountOf = new Map(people.map((person) => [person.userId, person.accountId]));
  const rows = await db
    .select({ id: asks.id, askType: asks.askType, recipientId: asks.recipientId, accountId: asks.accountId })
    .from(asks)
    .where(
      and(
        inArray(
          asks.recipientId,
          people.map((person) => person.userId),
        ),
        or(eq(asks.status, "open"), and(eq(asks.status, "snoozed"), lte(asks.snoozedUntil, now))),
      ),
    )
    .orderBy(desc(asks.createdAt));
  for (const row of rows) {
    if (!row.recipientId || accountOf.get(row.recipientId) !== row.accountId) continue;
    const list = result.get(row.recipientId) ?? [];
    list.push({ id: row.id, askType: row.askType });
    result.set(row.recipientId, list);
  }
  return result;
}
