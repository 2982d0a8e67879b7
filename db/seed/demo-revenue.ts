import type { Transaction } from "../client.server";
import { accounts, ledgerEntries, subscriptions } from "../schema";
import { addMonths } from "../../app/domain/revenue/ledger";
import { newId } from "../../app/lib/ids.server";

/*
 * Two years of ARR history (issue 15): the three demo accounts, and 40 smaller generated accounts
 * across the segments, so retention, its chart and the renewals list mean something. Set-based:
 * one insert per table, whatever the number of entries.
 */

/** A demo account's subscription now: its ARR, currency and renewal date. */
export interface DemoRevenueAccount {
  id: string;
  name: string;
  arr: number;
  currency: string;
  renewalDate: string;
}

type Kind = "new" | "renewal" | "expansion" | "contraction" | "churn";
interface Step {
  kind: Kind;
  /** The ARR after this step. */
  arr: number;
}

/** The three stories: Helix grew last year, Orbit grew more, Northwind renewed flat. */
const DEMO_HISTORY: Record<string, (arr: number) => Step[]> = {
  "Helix Health": (arr) => [
    { kind: "new", arr: arr - 30_000 },
    { kind: "expansion", arr },
  ],
  "Orbit Retail": (arr) => [
    { kind: "new", arr: arr - 40_000 },
    { kind: "expansion", arr },
  ],
  "Northwind Logistics": (arr) => [
    { kind: "new", arr },
    { kind: "renewal", arr },
  ],
};

const NAMES = [
  "Acme",
  "Bluefin",
  "Cedar",
  "Delta",
  "Ember",
  "Fjord",
  "Granite",
  "Harbor",
  "Iris",
  "Juniper",
  "Kestrel",
  "Lumen",
  "Maple",
  "Nimbus",
  "Onyx",
  "Pioneer",
  "Quarry",
  "Redwood",
  "Summit",
  "Tidal",
];
const KINDS = ["Analytics", "Foods"];
const CURRENCIES = ["USD", "USD", "USD", "EUR", "GBP"];
const REGIONS = ["NA", "EMEA", "APAC"];
const INDUSTRIES = ["Retail", "Manufacturing", "Software", "Logistics", "Finance"];

interface Ledger {
  accountId: string;
  currency: string;
  termMonths: number;
  steps: { kind: Kind; on: string; arr: number }[];
}

function rows(ledgers: Ledger[], today: string) {
  const subscriptionRows: (typeof subscriptions.$inferInsert)[] = [];
  const entryRows: (typeof ledgerEntries.$inferInsert)[] = [];
  for (const ledger of ledgers) {
    const subscriptionId = newId();
    let arr = 0;
    let start = ledger.steps[0]!.on;
    ledger.steps.forEach((step, index) => {
      if (step.kind === "new" || step.kind === "renewal" || step.kind === "expansion" || step.kind === "contraction") {
        start = step.on;
      }
      entryRows.push({
        id: newId(),
        accountId: ledger.accountId,
        subscriptionId,
        kind: step.kind,
        effectiveOn: step.on,
        arrDelta: step.arr - arr,
        arrAfter: step.arr,
        currency: ledger.currency,
        churnReason: step.kind === "churn" ? "budget" : null,
        note: step.kind === "churn" ? "Budget moved to an in-house tool." : "",
        sequence: index + 1,
      });
      arr = step.arr;
    });
    const last = ledger.steps[ledger.steps.length - 1]!;
    let renewalDate = addMonths(start, ledger.termMonths);
    while (last.kind !== "churn" && renewalDate < today) renewalDate = addMonths(renewalDate, ledger.termMonths);
    subscriptionRows.push({
      id: subscriptionId,
      accountId: ledger.accountId,
      planName: "Lumen Analytics",
      currency: ledger.currency,
      termMonths: ledger.termMonths,
      startDate: start,
      renewalDate: last.kind === "churn" ? addMonths(last.on, 1) : renewalDate,
      arr,
      churnedOn: last.kind === "churn" ? last.on : null,
    });
  }
  return { subscriptionRows, entryRows };
}

export async function seedDemoRevenue(
  tx: Transaction,
  options: {
    demoAccounts: DemoRevenueAccount[];
    segmentIds: string[];
    csmIds: string[];
    now?: Date;
  },
) {
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const ledgers: Ledger[] = options.demoAccounts.map((account) => {
    const steps = (DEMO_HISTORY[account.name] ?? ((arr: number) => [{ kind: "new" as const, arr }]))(account.arr);
    const first = addMonths(account.renewalDate, -12 * steps.length);
    return {
      accountId: account.id,
      currency: account.currency,
      termMonths: 12,
      steps: steps.map((step, index) => ({ ...step, on: addMonths(first, 12 * index) })),
    };
  });

  // 40 smaller accounts: signed over the last two years, renewing each year; every seventh one
  // contracts, every fifth expands, one churned last quarter and one re-signed after a churn.
  const generated: (typeof accounts.$inferInsert)[] = [];
  for (let i = 0; i < 40; i++) {
    const id = newId();
    const currency = CURRENCIES[i % CURRENCIES.length]!;
    const signed = addMonths(today, -24 + (i % 12) - (i % 3));
    const base = 6_000 + ((i * 3_700) % 48_000);
    const steps: Ledger["steps"] = [{ kind: "new", on: signed, arr: base }];
    let arr = base;
    for (let year = 1; addMonths(signed, 12 * year) <= today; year++) {
      const on = addMonths(signed, 12 * year);
      if (i === 11 && year === 1) {
        steps.push({ kind: "churn", on, arr: 0 });
        break;
      }
      if (i % 5 === 0) arr += 2_000 + (i % 4) * 1_500;
      else if (i % 7 === 0) arr -= Math.round(arr * 0.2);
      steps.push({
        kind:
          arr > steps[steps.length - 1]!.arr
            ? "expansion"
            : arr < steps[steps.length - 1]!.arr
              ? "contraction"
              : "renewal",
        on,
        arr,
      });
    }
    if (i === 3) {
      // A churn mid-term and a re-sign two months later, smaller.
      const churnOn = addMonths(steps[steps.length - 1]!.on, 3);
      if (churnOn <= today) {
        steps.push({ kind: "churn", on: churnOn, arr: 0 });
        const back = addMonths(churnOn, 2);
        if (back <= today) steps.push({ kind: "new", on: back, arr: Math.round(arr * 0.8) });
      }
    }
    generated.push({
      id,
      name: `${NAMES[i % NAMES.length]} ${KINDS[Math.floor(i / NAMES.length)]}`,
      segmentId: options.segmentIds[i % options.segmentIds.length]!,
      industry: INDUSTRIES[i % INDUSTRIES.length]!,
      region: REGIONS[i % REGIONS.length]!,
      licensedSeats: 10 + (i % 6) * 15,
      renewalDate: today,
      csmId: options.csmIds[i % options.csmIds.length]!,
      currency,
      externalId: `crm-gen-${String(i + 1).padStart(2, "0")}`,
    });
    ledgers.push({ accountId: id, currency, termMonths: 12, steps });
  }

  const { subscriptionRows, entryRows } = rows(ledgers, today);
  const renewalOf = new Map(subscriptionRows.map((row) => [row.accountId, row.renewalDate]));
  await tx
    .insert(accounts)
    .values(generated.map((account) => ({ ...account, renewalDate: renewalOf.get(account.id)! })));
  await tx.insert(subscriptions).values(subscriptionRows);
  await tx.insert(ledgerEntries).values(entryRows);
}
