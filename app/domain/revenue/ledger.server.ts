import { and, count, eq, max, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { ledgerEntries, subscriptions, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { StaffActor } from "~/domain/auth/actor";
import { setAccountRenewalDate } from "~/domain/people/accounts.server";
import { newId } from "~/lib/ids.server";
import { type Cursor, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { keysetCondition, keysetOrder, type SortPart } from "~/lib/keyset.server";
import { type EntryRequest, type LedgerError, type LedgerKindName, applyEntry } from "./ledger";
import type { EntryInput, SubscriptionInput } from "./schemas";

/*
 * The subscription and its ledger. Every entry is written with the subscription row locked, so two
 * entries at once are serialised and `subscriptions.arr` stays the ledger's running sum.
 */

type Scope = { id: string };
type RevenueError = LedgerError | "no_subscription" | "has_subscription" | "stale";
export type RevenueResult = { ok: true; entryId: string } | { ok: false; error: RevenueError; field?: string };

export async function getSubscription(accountId: string, executor: Executor = db) {
  const [row] = await executor.select().from(subscriptions).where(eq(subscriptions.accountId, accountId));
  return row ?? null;
}

/**
 * What the customer pays per year, for other areas (value's ROI): the subscription's ARR and its
 * currency, or null without a subscription.
 */
export async function getCurrentArr(
  accountId: string,
  executor: Executor = db,
): Promise<{ arr: number; currency: string; churned: boolean } | null> {
  const [row] = await executor
    .select({ arr: subscriptions.arr, currency: subscriptions.currency, churnedOn: subscriptions.churnedOn })
    .from(subscriptions)
    .where(eq(subscriptions.accountId, accountId));
  return row ? { arr: row.arr, currency: row.currency, churned: row.churnedOn !== null } : null;
}

/** Starts the account's subscription with its "new" entry. One subscription per account. */
export async function startSubscription(
  actor: StaffActor,
  account: Scope,
  input: SubscriptionInput,
): Promise<RevenueResult> {
  return db.transaction(async (tx) => {
    const id = newId();
    const inserted = await tx
      .insert(subscriptions)
      .values({
        id,
        accountId: account.id,
        planName: input.planName,
        currency: input.currency,
        termMonths: input.termMonths,
        startDate: input.startDate,
        renewalDate: input.renewalDate,
        arr: input.arr,
      })
      .onConflictDoNothing()
      .returning({ id: subscriptions.id });
    if (inserted.length === 0) return { ok: false as const, error: "has_subscription" as const };
    const entryId = newId();
    await tx.insert(ledgerEntries).values({
      id: entryId,
      accountId: account.id,
      subscriptionId: id,
      kind: "new",
      effectiveOn: input.startDate,
      arrDelta: input.arr,
      arrAfter: input.arr,
      currency: input.currency,
      note: input.note,
      recordedById: actor.id,
      sequence: 1,
    });
    await setAccountRenewalDate(tx, account.id, input.renewalDate);
    await recordActivity(tx, {
      accountId: account.id,
      actorId: actor.id,
      action: "revenue.subscription_started",
      subjectType: "revenue_subscription",
      subjectId: id,
      details: { arr: input.arr, currency: input.currency, renewalDate: input.renewalDate },
    });
    return { ok: true as const, entryId };
  });
}

export interface EntryWrite extends EntryRequest {
  note: string;
  churnReason?: string | null;
  /** Where the renewal date moves to with this entry (closing a renewal), if anywhere. */
  renewalDate?: string;
  expectedVersion?: number;
}

/**
 * Appends one entry inside the caller's transaction: locks the subscription, applies the ledger
 * rule, writes the entry, the new running sum and the activity. Refusals write nothing.
 */
export async function appendEntry(
  tx: Executor,
  actor: StaffActor,
  accountId: string,
  write: EntryWrite,
): Promise<RevenueResult> {
  const [subscription] = await tx
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.accountId, accountId))
    .for("update");
  if (!subscription) return { ok: false, error: "no_subscription" };
  if (write.expectedVersion !== undefined && subscription.version !== write.expectedVersion) {
    return { ok: false, error: "stale" };
  }
  const [latest] = await tx
    .select({ on: max(ledgerEntries.effectiveOn), sequence: max(ledgerEntries.sequence) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  const outcome = applyEntry(
    { arr: subscription.arr, churned: subscription.churnedOn !== null, latestOn: latest?.on ?? null },
    write,
  );
  if (!outcome.ok) return { ok: false, error: outcome.error, field: outcome.field };
  const entryId = newId();
  await tx.insert(ledgerEntries).values({
    id: entryId,
    accountId,
    subscriptionId: subscription.id,
    kind: write.kind,
    effectiveOn: write.effectiveOn,
    arrDelta: outcome.delta,
    arrAfter: outcome.arrAfter,
    currency: subscription.currency,
    churnReason: write.kind === "churn" ? (write.churnReason ?? "other") : null,
    note: write.note,
    recordedById: actor.id,
    sequence: (latest?.sequence ?? 0) + 1,
  });
  await tx
    .update(subscriptions)
    .set({
      arr: outcome.arrAfter,
      churnedOn: outcome.churned ? write.effectiveOn : null,
      // A re-sign starts a new term.
      ...(write.kind === "new" ? { startDate: write.effectiveOn } : {}),
      ...(write.renewalDate ? { renewalDate: write.renewalDate } : {}),
      // The forecast was about the renewal that just closed.
      ...(write.renewalDate || outcome.churned
        ? { forecast: null, forecastNote: "", forecastById: null, forecastAt: null }
        : {}),
      version: subscription.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(subscriptions.id, subscription.id));
  if (write.renewalDate) await setAccountRenewalDate(tx, accountId, write.renewalDate);
  await recordActivity(tx, {
    accountId,
    actorId: actor.id,
    action: `revenue.${write.kind}`,
    subjectType: "revenue_ledger_entry",
    subjectId: entryId,
    details: {
      delta: outcome.delta,
      arrAfter: outcome.arrAfter,
      currency: subscription.currency,
      on: write.effectiveOn,
    },
  });
  return { ok: true, entryId };
}

/** A staff member's entry from the Revenue tab (refusals come before any write). */
export async function addLedgerEntry(actor: StaffActor, account: Scope, input: EntryInput): Promise<RevenueResult> {
  return db.transaction((tx) =>
    appendEntry(tx, actor, account.id, {
      kind: input.kind as LedgerKindName,
      effectiveOn: input.effectiveOn,
      amount: input.amount,
      note: input.note,
      churnReason: input.churnReason ?? null,
    }),
  );
}

const LEDGER_PAGE = 20;
const ledgerOrder: SortPart[] = [{ expr: ledgerEntries.sequence, descending: true }];

/** One page of the account's ledger, newest first, with the total count. */
export async function listLedger(accountId: string, rawCursor: string | null | undefined, executor: Executor = db) {
  const fingerprint = filterFingerprint({ accountId, list: "ledger" });
  const cursor: Cursor | null = decodeCursor(rawCursor, fingerprint, 1);
  const [rows, [total]] = await Promise.all([
    executor
      .select({
        id: ledgerEntries.id,
        kind: ledgerEntries.kind,
        effectiveOn: ledgerEntries.effectiveOn,
        arrDelta: ledgerEntries.arrDelta,
        arrAfter: ledgerEntries.arrAfter,
        currency: ledgerEntries.currency,
        churnReason: ledgerEntries.churnReason,
        note: ledgerEntries.note,
        sequence: ledgerEntries.sequence,
        recordedByName: users.name,
      })
      .from(ledgerEntries)
      .leftJoin(users, eq(users.id, ledgerEntries.recordedById))
      .where(and(eq(ledgerEntries.accountId, accountId), keysetCondition(ledgerOrder, cursor)))
      .orderBy(...keysetOrder(ledgerOrder, cursor))
      .limit(LEDGER_PAGE + 1),
    executor.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.accountId, accountId)),
  ]);
  return pageFromRows(rows, {
    cursor,
    pageSize: LEDGER_PAGE,
    keyOf: (row) => [row.sequence],
    fingerprint,
    total: total?.n ?? 0,
  });
}

/** The ledger's running sum, recomputed from the entries: what `subscriptions.arr` must equal. */
export async function ledgerSum(accountId: string, executor: Executor = db): Promise<number> {
  const [row] = await executor
    .select({ sum: sql<string>`coalesce(sum(${ledgerEntries.arrDelta}), 0)` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return Number(row?.sum ?? 0);
}
