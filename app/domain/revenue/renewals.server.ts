import { and, count, eq, isNull, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "~db/client.server";
import { accounts, segments, subscriptions, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { StaffActor } from "~/domain/auth/actor";
import { healthSummaries } from "~/domain/health/view.server";
import { openTaskCounts } from "~/domain/plans/open-tasks.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";
import { keysetCondition, keysetOrder, type SortPart } from "~/lib/keyset.server";
import { type Cursor, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { type Forecast, GAP_HIGHLIGHT, automaticForecast, closingEntry, forecastGap } from "./forecast";
import { addMonths } from "./ledger";
import { type RevenueResult, appendEntry } from "./ledger.server";
import type { CloseRenewalInput, ForecastInput } from "./schemas";

/** How far ahead the renewals list looks (overdue renewals that were never closed stay on it). */
const RENEWAL_WINDOW_DAYS = 180;

const csm = alias(users, "renewal_csm");
const order: SortPart[] = [{ expr: subscriptions.renewalDate }, { expr: subscriptions.id }];

/**
 * One page of renewals up to 180 days ahead, soonest first (keyset on renewal date and id), each
 * with its ARR, health and trend, open tasks, last touch, the CSM's forecast and the automatic
 * one. A fixed number of queries per page: the page and its count, then health and tasks batched.
 */
export async function listRenewals(today: string, rawCursor: string | null | undefined) {
  const until = datePlusDays(today, RENEWAL_WINDOW_DAYS);
  const fingerprint = filterFingerprint({ until, list: "renewals" });
  const cursor: Cursor | null = decodeCursor(rawCursor, fingerprint, 2);
  const where = and(isNull(subscriptions.churnedOn), lte(subscriptions.renewalDate, until));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: subscriptions.id,
        accountId: subscriptions.accountId,
        accountName: accounts.name,
        segmentName: segments.name,
        csmName: csm.name,
        renewalDate: subscriptions.renewalDate,
        arr: subscriptions.arr,
        currency: subscriptions.currency,
        termMonths: subscriptions.termMonths,
        forecast: subscriptions.forecast,
        forecastNote: subscriptions.forecastNote,
        version: subscriptions.version,
      })
      .from(subscriptions)
      .innerJoin(accounts, eq(accounts.id, subscriptions.accountId))
      .innerJoin(segments, eq(segments.id, accounts.segmentId))
      .leftJoin(csm, eq(csm.id, accounts.csmId))
      .where(and(where, keysetCondition(order, cursor)))
      .orderBy(...keysetOrder(order, cursor))
      .limit(51),
    db.select({ n: count() }).from(subscriptions).where(where),
  ]);
  const { rows: pageRows, page } = pageFromRows(rows, {
    cursor,
    keyOf: (row) => [row.renewalDate, row.id],
    fingerprint,
    total: total?.n ?? 0,
  });
  const ids = pageRows.map((row) => row.accountId);
  const [health, tasks] = await Promise.all([healthSummaries(ids), openTaskCounts(ids)]);
  return {
    page,
    rows: pageRows.map((row) => {
      const summary = health.get(row.accountId) ?? null;
      const automatic = summary ? automaticForecast(summary) : null;
      const gap = forecastGap(row.forecast, automatic);
      return {
        ...row,
        health: summary,
        openTasks: tasks.get(row.accountId) ?? 0,
        automatic,
        gap,
        highlightGap: gap !== null && gap >= GAP_HIGHLIGHT,
      };
    }),
  };
}

export type ForecastResult = { ok: true } | { ok: false; error: "no_subscription" | "stale" };

/** Sets the CSM's call on the account's next renewal (optimistic: a stale version is refused). */
export async function setForecast(
  actor: StaffActor,
  account: { id: string },
  input: ForecastInput,
): Promise<ForecastResult> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(subscriptions)
      .set({
        forecast: input.forecast as Forecast,
        forecastNote: input.note,
        forecastById: actor.id,
        forecastAt: new Date(),
        version: sql`${subscriptions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(subscriptions.accountId, account.id),
          eq(subscriptions.version, input.version),
          isNull(subscriptions.churnedOn),
        ),
      )
      .returning({ id: subscriptions.id });
    if (updated.length === 0) {
      const [exists] = await tx
        .select({ id: subscriptions.id })
        .from(subscriptions)
        .where(eq(subscriptions.accountId, account.id));
      return { ok: false as const, error: exists ? ("stale" as const) : ("no_subscription" as const) };
    }
    await recordActivity(tx, {
      accountId: account.id,
      actorId: actor.id,
      action: "revenue.forecast_set",
      subjectType: "revenue_subscription",
      subjectId: updated[0]!.id,
      details: { forecast: input.forecast },
    });
    return { ok: true as const };
  });
}

export type CloseResult =
  RevenueResult | { ok: false; error: "invalid"; field: "newArr"; code: "not_higher" | "not_lower" };

/**
 * Closes the account's renewal: the ledger entry (renewed flat, expanded to, contracted to, churned
 * with its reason) dated on the renewal date; a renewal signed before its date is dated the day it
 * was signed, since the ledger's running sum is today's ARR and a future-dated entry would refuse
 * every change before it. A churn keeps the renewal date: the customer pays to the end of its term.
 * The renewal date moves on by the term (not for a churn), the forecast is cleared and the activity
 * written — one transaction, the subscription row locked. `today` is the account's.
 */
export async function closeRenewal(
  actor: StaffActor,
  account: { id: string; timeZone?: string },
  input: CloseRenewalInput,
  today = todayIn(account.timeZone ?? "UTC"),
): Promise<CloseResult> {
  return db.transaction(async (tx) => {
    const [subscription] = await tx
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.accountId, account.id))
      .for("update");
    if (!subscription) return { ok: false as const, error: "no_subscription" as const };
    if (subscription.version !== input.version) return { ok: false as const, error: "stale" as const };
    if (subscription.churnedOn) return { ok: false as const, error: "churned" as const };
    const entry = closingEntry(input.outcome, subscription.arr, input.newArr);
    if ("error" in entry)
      return { ok: false as const, error: "invalid" as const, field: "newArr" as const, code: entry.error };
    const result = await appendEntry(tx, actor, account.id, {
      kind: entry.kind,
      effectiveOn: entry.kind !== "churn" && subscription.renewalDate > today ? today : subscription.renewalDate,
      amount: entry.amount,
      note: input.note,
      churnReason: input.churnReason ?? null,
      renewalDate: entry.kind === "churn" ? undefined : addMonths(subscription.renewalDate, subscription.termMonths),
    });
    if (!result.ok) return result;
    await recordActivity(tx, {
      accountId: account.id,
      actorId: actor.id,
      action: "revenue.renewal_closed",
      subjectType: "revenue_subscription",
      subjectId: subscription.id,
      details: { outcome: input.outcome, from: subscription.arr, renewalDate: subscription.renewalDate },
    });
    return result;
  });
}
