import type { Transaction } from "../client.server";
import { ledgerEntries, subscriptions } from "../schema";
import { newId } from "../../app/lib/ids.server";

/** A demo account's subscription: its ARR now, currency and renewal date. */
export interface DemoRevenueAccount {
  id: string;
  arr: number;
  currency: string;
  renewalDate: string;
}

/** The demo accounts' subscriptions, each with its "new" entry a term before renewal. Set-based inserts. */
export async function seedDemoRevenue(tx: Transaction, demoAccounts: DemoRevenueAccount[]) {
  const rows = demoAccounts.map((account) => {
    const [y, m, d] = account.renewalDate.split("-");
    return { ...account, subscriptionId: newId(), startDate: `${Number(y) - 1}-${m}-${d}` };
  });
  if (rows.length === 0) return;
  await tx.insert(subscriptions).values(
    rows.map((row) => ({
      id: row.subscriptionId,
      accountId: row.id,
      planName: "Lumen Analytics",
      currency: row.currency,
      termMonths: 12,
      startDate: row.startDate,
      renewalDate: row.renewalDate,
      arr: row.arr,
    })),
  );
  await tx.insert(ledgerEntries).values(
    rows.map((row) => ({
      id: newId(),
      accountId: row.id,
      subscriptionId: row.subscriptionId,
      kind: "new" as const,
      effectiveOn: row.startDate,
      arrDelta: row.arr,
      arrAfter: row.arr,
      currency: row.currency,
      sequence: 1,
    })),
  );
}
