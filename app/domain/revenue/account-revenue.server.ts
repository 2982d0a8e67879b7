import { inArray, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { subscriptions } from "~db/schema";
import { type Forecast, type ForecastInputs, automaticForecast } from "./forecast";

/*
 * Each account's revenue at a glance, for lists of many accounts (the read API's pages, the
 * accounts export): one query for the whole list. It imports nothing of health's: a caller that
 * wants the automatic forecast passes each account's health in (health reads revenue, not the
 * other way round).
 */

export interface AccountRevenue {
  /** ARR in major units (0 once churned); null without a subscription. */
  arr: number | null;
  currency: string | null;
  startDate: string | null;
  renewalDate: string | null;
  churned: boolean;
  /** The CSM's call and the one health suggests (null: no call, or no health given). */
  forecast: { call: Forecast | null; automatic: Forecast | null };
}

/** What the automatic forecast reads of an account's health (its churn is revenue's own). */
export type ForecastHealth = Omit<ForecastInputs, "churned">;

const NO_REVENUE: AccountRevenue = Object.freeze({
  arr: null,
  currency: null,
  startDate: null,
  renewalDate: null,
  churned: false,
  forecast: Object.freeze({ call: null, automatic: null }),
});

/** Every given account's revenue (NO_REVENUE for one without a subscription), in one query. */
export async function accountRevenue(
  accountIds: readonly string[],
  health: ReadonlyMap<string, ForecastHealth> = new Map(),
  executor: Executor = db,
): Promise<Map<string, AccountRevenue>> {
  const result = new Map<string, AccountRevenue>();
  if (accountIds.length === 0) return result;
  const rows = await executor
    .select({
      accountId: subscriptions.accountId,
      arr: subscriptions.arr,
      currency: subscriptions.currency,
      startDate: subscriptions.startDate,
      renewalDate: subscriptions.renewalDate,
      churnedOn: subscriptions.churnedOn,
      forecast: subscriptions.forecast,
    })
    .from(subscriptions)
    .where(inArray(subscriptions.accountId, [...new Set(accountIds)]));
  const byAccount = new Map(rows.map((row) => [row.accountId, row]));
  for (const id of accountIds) {
    const row = byAccount.get(id);
    if (!row) {
      result.set(id, NO_REVENUE);
      continue;
    }
    const churned = row.churnedOn !== null;
    const inputs = health.get(id);
    result.set(id, {
      arr: row.arr,
      currency: row.currency,
      startDate: row.startDate,
      renewalDate: row.renewalDate,
      churned,
      forecast: {
        call: row.forecast,
        automatic: automaticForecast({
          overall: inputs?.overall ?? null,
          grade: inputs?.grade ?? null,
          overallBefore: inputs?.overallBefore ?? null,
          churned,
        }),
      },
    });
  }
  return result;
}

export interface RenewalState {
  renewalDate: string;
  churned: boolean;
  /** A `renewal` ledger entry is recorded for the current term (dated after the term before ended). */
  recorded: boolean;
}

/**
 * Where each account's renewal stands, for other areas' reminders (the renewal playbooks): the
 * subscription's renewal date, whether the account churned, and whether this term's renewal is
 * recorded in the ledger already (closing a renewal moves the date a term on instead). Absent: no
 * subscription. One query.
 */
export async function renewalStates(
  accountIds: readonly string[],
  executor: Executor = db,
): Promise<Map<string, RenewalState>> {
  if (accountIds.length === 0) return new Map();
  const rows = await executor
    .select({
      accountId: subscriptions.accountId,
      renewalDate: subscriptions.renewalDate,
      churnedOn: subscriptions.churnedOn,
      // Qualified by hand: drizzle renders ${subscriptions.id} as a bare "id", which inside the
      // subquery is the entry's own id.
      recorded: sql<boolean>`exists (select 1 from revenue_ledger_entries e
        where e.subscription_id = "revenue_subscriptions"."id" and e.kind = 'renewal'
          and e.effective_on > "revenue_subscriptions"."renewal_date"
            - make_interval(months => "revenue_subscriptions"."term_months"))`,
    })
    .from(subscriptions)
    .where(inArray(subscriptions.accountId, [...new Set(accountIds)]));
  return new Map(
    rows.map((row) => [
      row.accountId,
      { renewalDate: row.renewalDate, churned: row.churnedOn !== null, recorded: Boolean(row.recorded) },
    ]),
  );
}
