import { and, count, gte, inArray, isNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { users } from "~db/schema";
import { DAY_MS } from "~/lib/time";

export interface PortalSignIns {
  /** Active customer people of the account, and how many signed in in the window. */
  people: number;
  signedIn: number;
  champions: number;
  championsSignedIn: number;
}

/** Who of each account's people signed in to the portal in the last `days` days: one query for many accounts. */
export async function portalSignInsForAccounts(
  accountIds: readonly string[],
  now = new Date(),
  days = 30,
): Promise<Map<string, PortalSignIns>> {
  const result = new Map<string, PortalSignIns>();
  if (accountIds.length === 0) return result;
  const since = new Date(now.getTime() - days * DAY_MS);
  const recent = gte(users.lastSignInAt, since);
  const rows = await db
    .select({
      accountId: users.accountId,
      people: count(),
      signedIn: count(sql`case when ${recent} then 1 end`),
      champions: count(sql`case when ${users.accountRole} = 'champion' then 1 end`),
      championsSignedIn: count(sql`case when ${users.accountRole} = 'champion' and ${recent} then 1 end`),
    })
    .from(users)
    .where(and(inArray(users.accountId, [...accountIds]), isNull(users.deactivatedAt)))
    .groupBy(users.accountId);
  for (const row of rows) {
    result.set(row.accountId!, {
      people: row.people,
      signedIn: row.signedIn,
      champions: row.champions,
      championsSignedIn: row.championsSignedIn,
    });
  }
  return result;
}
