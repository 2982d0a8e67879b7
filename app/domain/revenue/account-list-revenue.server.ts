import { type SQL, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { subscriptions } from "~db/schema";
import { CURRENCIES, RANKING_USD_RATES } from "./currencies";

/*
 * Revenue as the staff account list reads it: each account's subscription as a subquery the list
 * left-joins, so the list (and the portfolio ranked by ARR at risk) stays one query and people
 * never reads revenue's tables.
 */

// Built without a connection, so importing this module never needs the database.
const qb = new QueryBuilder();

const usdRate = sql`case ${subscriptions.currency} ${sql.raw(
  CURRENCIES.map((code) => `when '${code}' then ${RANKING_USD_RATES[code]}`).join(" "),
)} else 1 end`;

/** Per account with a subscription: `arr` (0 once churned), `currency`, `renewalDate`, `churned`, `arrUsd` (for ranking only). */
export function subscriptionSubquery() {
  return qb
    .select({
      accountId: subscriptions.accountId,
      arr: sql<number>`${subscriptions.arr}`.mapWith(Number).as("sub_arr"),
      currency: sql<string>`${subscriptions.currency}`.as("sub_currency"),
      renewalDate: sql<string>`${subscriptions.renewalDate}`.as("sub_renewal_date"),
      churned: sql<boolean>`${subscriptions.churnedOn} is not null`.as("sub_churned"),
      arrUsd: sql<number>`(${subscriptions.arr} * ${usdRate})`.mapWith(Number).as("sub_arr_usd"),
    })
    .from(subscriptions)
    .as("subscription_now");
}

export type SubscriptionSubquery = ReturnType<typeof subscriptionSubquery>;

/** ARR in US dollars at the ranking rates (0 without a subscription), never null: a sort key. */
export function rankingArr(subscription: SubscriptionSubquery): SQL<number> {
  return sql<number>`coalesce(${subscription.arrUsd}, 0)`.mapWith(Number);
}
