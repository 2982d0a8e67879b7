import { inArray, sql } from "drizzle-orm";
import type { Executor } from "~db/client.server";
import { ledgerEntries, subscriptions } from "~db/schema";
import { type ActivityEntry, recordActivities } from "~/domain/activity/activity.server";
import type { StaffActor } from "~/domain/auth/actor";
import { newId } from "~/lib/ids.server";
import type { ArrPlan, ImportedArrState } from "./import-arr";

/*
 * Revenue's side of the CSV import: the subscriptions of many accounts as the import's ARR rule
 * (import-arr.ts) reads them, and the writes that rule asks for — new subscriptions with their
 * "new" entry, expansion and contraction entries, renewal dates — in multi-row statements inside
 * the importer's transaction. `lock` takes the subscriptions FOR UPDATE (as appendEntry does), so
 * the plan made from them is still true when it is written.
 */

const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type State = NonNullable<ImportedArrState> & { id: string; sequence: number; version: number };

/** The accounts' subscriptions (absent: none), with their latest entry's date and sequence. */
export async function importRevenueStates(
  tx: Executor,
  accountIds: readonly string[],
  options: { lock?: boolean } = {},
): Promise<Map<string, State>> {
  const result = new Map<string, State>();
  for (const chunk of chunks([...new Set(accountIds)], 1_000)) {
    const base = tx
      .select({
        id: subscriptions.id,
        accountId: subscriptions.accountId,
        arr: subscriptions.arr,
        currency: subscriptions.currency,
        churnedOn: subscriptions.churnedOn,
        startDate: subscriptions.startDate,
        renewalDate: subscriptions.renewalDate,
        version: subscriptions.version,
      })
      .from(subscriptions)
      .where(inArray(subscriptions.accountId, chunk))
      .orderBy(subscriptions.id);
    const rows = options.lock ? await base.for("update") : await base;
    if (rows.length === 0) continue;
    const latest = await tx
      .select({
        accountId: ledgerEntries.accountId,
        on: sql<string>`max(${ledgerEntries.effectiveOn})`,
        sequence: sql<number>`max(${ledgerEntries.sequence})`.mapWith(Number),
      })
      .from(ledgerEntries)
      .where(
        inArray(
          ledgerEntries.accountId,
          rows.map((row) => row.accountId),
        ),
      )
      .groupBy(ledgerEntries.accountId);
    const latestBy = new Map(latest.map((row) => [row.accountId, row]));
    for (const row of rows) {
      result.set(row.accountId, {
        id: row.id,
        arr: row.arr,
        currency: row.currency,
        churned: row.churnedOn !== null,
        startDate: row.startDate,
        renewalDate: row.renewalDate,
        latestOn: latestBy.get(row.accountId)?.on ?? null,
        sequence: latestBy.get(row.accountId)?.sequence ?? 0,
        version: row.version,
      });
    }
  }
  return result;
}

/**
 * Writes the import's ARR plans. `states` are the locked subscriptions the plans were made from
 * (importRevenueStates with lock), so each entry's running sum and sequence follow from them.
 */
export async function writeImportedRevenue(
  tx: Executor,
  actor: StaffActor,
  items: readonly { accountId: string; plan: ArrPlan }[],
  states: ReadonlyMap<string, State>,
): Promise<{ started: number; entries: number }> {
  const starts = items.flatMap((item) => (item.plan.kind === "start" ? [{ ...item, plan: item.plan }] : []));
  const entries = items.flatMap((item) => (item.plan.kind === "entry" ? [{ ...item, plan: item.plan }] : []));
  const moves = items.flatMap((item) =>
    item.plan.kind === "renewal_date" ? [{ accountId: item.accountId, renewalDate: item.plan.renewalDate }] : [],
  );

  for (const chunk of chunks(starts)) {
    const rows = chunk.map(({ accountId, plan }) => ({ accountId, plan, id: newId(), entryId: newId() }));
    await tx.insert(subscriptions).values(
      rows.map(({ accountId, plan, id }) => ({
        id,
        accountId,
        currency: plan.currency,
        startDate: plan.startDate,
        renewalDate: plan.renewalDate,
        arr: plan.arr,
      })),
    );
    await tx.insert(ledgerEntries).values(
      rows.map(({ accountId, plan, id, entryId }) => ({
        id: entryId,
        accountId,
        subscriptionId: id,
        kind: "new" as const,
        effectiveOn: plan.startDate,
        arrDelta: plan.arr,
        arrAfter: plan.arr,
        currency: plan.currency,
        note: "Imported",
        recordedById: actor.id,
        sequence: 1,
      })),
    );
    await recordActivities(
      tx,
      rows.map(({ accountId, plan, id }): ActivityEntry => ({
        accountId,
        actorId: actor.id,
        action: "revenue.subscription_started",
        subjectType: "revenue_subscription",
        subjectId: id,
        details: { arr: plan.arr, currency: plan.currency, renewalDate: plan.renewalDate, source: "import" },
      })),
    );
  }

  for (const chunk of chunks(entries)) {
    const rows = chunk.map(({ accountId, plan }) => {
      const state = states.get(accountId)!;
      const delta = plan.entryKind === "expansion" ? plan.amount : -plan.amount;
      const arrAfter = Math.round((state.arr + delta) * 100) / 100;
      return { accountId, plan, state, delta, arrAfter, entryId: newId() };
    });
    await tx.insert(ledgerEntries).values(
      rows.map(({ accountId, plan, state, delta, arrAfter, entryId }) => ({
        id: entryId,
        accountId,
        subscriptionId: state.id,
        kind: plan.entryKind,
        effectiveOn: plan.effectiveOn,
        arrDelta: delta,
        arrAfter,
        currency: state.currency,
        note: "Imported",
        recordedById: actor.id,
        sequence: state.sequence + 1,
      })),
    );
    const values = sql.join(
      rows.map(
        ({ state, arrAfter, plan }) =>
          sql`(${state.id}, ${arrAfter}::numeric, ${plan.renewalDate ?? state.renewalDate}::date)`,
      ),
      sql`, `,
    );
    await tx.execute(
      sql`update ${subscriptions} set arr = v.arr, renewal_date = v.renewal_date,
            version = ${subscriptions.version} + 1, updated_at = now()
          from (values ${values}) as v(id, arr, renewal_date) where ${subscriptions.id} = v.id`,
    );
    await recordActivities(
      tx,
      rows.map(({ accountId, plan, state, delta, arrAfter, entryId }): ActivityEntry => ({
        accountId,
        actorId: actor.id,
        action: `revenue.${plan.entryKind}`,
        subjectType: "revenue_ledger_entry",
        subjectId: entryId,
        details: { delta, arrAfter, currency: state.currency, on: plan.effectiveOn, source: "import" },
      })),
    );
  }

  for (const chunk of chunks(moves)) {
    const values = sql.join(
      chunk.map(({ accountId, renewalDate }) => sql`(${states.get(accountId)!.id}, ${renewalDate}::date)`),
      sql`, `,
    );
    await tx.execute(
      sql`update ${subscriptions} set renewal_date = v.renewal_date,
            version = ${subscriptions.version} + 1, updated_at = now()
          from (values ${values}) as v(id, renewal_date) where ${subscriptions.id} = v.id`,
    );
  }
  return { started: starts.length, entries: entries.length };
}
