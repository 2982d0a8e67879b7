/** One stored event, as the rollups see it. */
export interface RolledEvent {
  type: string;
  event: string | null;
  accountId: string | null;
  productUserId: string | null;
  occurredAt: Date;
}

export interface RollupRows {
  accounts: { account_id: string; day: string; events: number }[];
  users: { account_id: string; day: string; product_user_id: string; events: number }[];
  events: { account_id: string; day: string; event: string; product_user_id: string; events: number }[];
}

/** The UTC day an event counts on. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * What a set of events adds to the daily rollups. Only track calls of a known account count as
 * usage: identify and group calls describe people and accounts, they are not activity, and
 * unmatched events wait until their group is linked to an account.
 */
export function rollupsOf(events: RolledEvent[]): RollupRows {
  const accounts = new Map<string, RollupRows["accounts"][number]>();
  const users = new Map<string, RollupRows["users"][number]>();
  const named = new Map<string, RollupRows["events"][number]>();
  for (const event of events) {
    if (event.type !== "track" || !event.accountId || !event.event) continue;
    const day = dayOf(event.occurredAt);
    const accountKey = `${event.accountId}\u0001${day}`;
    const account = accounts.get(accountKey) ?? { account_id: event.accountId, day, events: 0 };
    account.events += 1;
    accounts.set(accountKey, account);
    const productUserId = event.productUserId ?? "";
    if (event.productUserId) {
      const userKey = `${accountKey}\u0001${productUserId}`;
      const user = users.get(userKey) ?? {
        account_id: event.accountId,
        day,
        product_user_id: productUserId,
        events: 0,
      };
      user.events += 1;
      users.set(userKey, user);
    }
    const eventKey = `${accountKey}\u0001${event.event}\u0001${productUserId}`;
    const row = named.get(eventKey) ?? {
      account_id: event.accountId,
      day,
      event: event.event,
      product_user_id: productUserId,
      events: 0,
    };
    row.events += 1;
    named.set(eventKey, row);
  }
  return { accounts: [...accounts.values()], users: [...users.values()], events: [...named.values()] };
}
