import { readFileSync } from "node:fs";
import { join } from "node:path";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts, activity, ledgerEntries, subscriptions } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createPlan,
  createStaff,
  createSubscription,
  signedInRequest,
} from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import {
  addLedgerEntry,
  getCurrentArr,
  ledgerSum,
  listLedger,
  startSubscription,
} from "~/domain/revenue/ledger.server";
import type { EntryInput } from "~/domain/revenue/schemas";
import { isChurned } from "~/domain/revenue/status.server";
import { getPlanValue } from "~/domain/value/metrics.server";
import { action, loader } from "~/routes/accounts.$accountId.revenue";

const staffActor = async () => actorOf(await createStaff("csm")) as StaffActor;
const entry = (accountId: string, values: Partial<EntryInput>): EntryInput => ({
  accountId,
  kind: "expansion",
  effectiveOn: "2026-09-01",
  amount: 0,
  note: "",
  ...values,
});

async function post(userId: string, accountId: string, fields: Record<string, string>) {
  const body = new URLSearchParams(fields);
  const request = await signedInRequest(userId, `http://localhost/accounts/${accountId}/revenue`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  try {
    return await action({ request, params: { accountId }, context: { clientIp: "127.0.0.1" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const statusOf = (answer: unknown) =>
  answer instanceof Response ? answer.status : ((answer as { init?: { status?: number } }).init?.status ?? 200);

describe("the ARR ledger", () => {
  it("keeps the subscription's ARR equal to the running sum of its entries", async () => {
    const actor = await staffActor();
    const account = await createAccount();
    await createSubscription(account.id, { arr: 10_000, startDate: "2026-01-01" });
    expect(await addLedgerEntry(actor, account, entry(account.id, { amount: 2_500 }))).toMatchObject({ ok: true });
    expect(
      await addLedgerEntry(
        actor,
        account,
        entry(account.id, { kind: "contraction", amount: 500, effectiveOn: "2026-10-01" }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await addLedgerEntry(actor, account, entry(account.id, { kind: "renewal", effectiveOn: "2027-01-01" })),
    ).toMatchObject({ ok: true });
    const rows = await db
      .select({ kind: ledgerEntries.kind, delta: ledgerEntries.arrDelta, after: ledgerEntries.arrAfter })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.accountId, account.id))
      .orderBy(asc(ledgerEntries.sequence));
    expect(rows).toEqual([
      { kind: "new", delta: 10_000, after: 10_000 },
      { kind: "expansion", delta: 2_500, after: 12_500 },
      { kind: "contraction", delta: -500, after: 12_000 },
      { kind: "renewal", delta: 0, after: 12_000 },
    ]);
    expect(await ledgerSum(account.id)).toBe(12_000);
    expect(await getCurrentArr(account.id)).toEqual({ arr: 12_000, currency: "USD", churned: false });
    expect(await db.$count(activity, eq(activity.accountId, account.id))).toBe(3);
  });

  it("refuses a contraction larger than the ARR, an entry dated before the latest, and anything but a re-sign after a churn", async () => {
    const actor = await staffActor();
    const account = await createAccount();
    await createSubscription(account.id, { arr: 1_000, startDate: "2026-01-01" });
    expect(await addLedgerEntry(actor, account, entry(account.id, { kind: "contraction", amount: 1_000 }))).toEqual({
      ok: false,
      error: "contraction_too_large",
      field: "amount",
    });
    expect(await addLedgerEntry(actor, account, entry(account.id, { effectiveOn: "2025-12-31", amount: 5 }))).toEqual({
      ok: false,
      error: "before_latest",
      field: "effectiveOn",
    });
    expect(await addLedgerEntry(actor, account, entry(account.id, { kind: "new", amount: 5 }))).toMatchObject({
      error: "already_active",
    });
    expect(
      await addLedgerEntry(actor, account, entry(account.id, { kind: "churn", churnReason: "budget" })),
    ).toMatchObject({ ok: true });
    expect(await isChurned(account.id)).toBe(true);
    expect(await getCurrentArr(account.id)).toEqual({ arr: 0, currency: "USD", churned: true });
    expect(await addLedgerEntry(actor, account, entry(account.id, { amount: 5 }))).toMatchObject({ error: "churned" });
    expect(await ledgerSum(account.id)).toBe(0);
    // The re-sign: a new entry after the churn.
    expect(
      await addLedgerEntry(actor, account, entry(account.id, { kind: "new", amount: 800, effectiveOn: "2026-11-01" })),
    ).toMatchObject({ ok: true });
    expect(await isChurned(account.id)).toBe(false);
    expect(await ledgerSum(account.id)).toBe(800);
    expect(await db.$count(ledgerEntries, eq(ledgerEntries.accountId, account.id))).toBe(3);
  });

  it("serialises two entries at once: both land, the sum stays right", async () => {
    const actor = await staffActor();
    const account = await createAccount();
    await createSubscription(account.id, { arr: 1_000, startDate: "2026-01-01" });
    const results = await Promise.all([
      addLedgerEntry(actor, account, entry(account.id, { amount: 100 })),
      addLedgerEntry(actor, account, entry(account.id, { amount: 200 })),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.accountId, account.id));
    expect(row!.arr).toBe(1_300);
    expect(await ledgerSum(account.id)).toBe(1_300);
  });

  it("starts one subscription per account, moving the account's renewal date to it", async () => {
    const actor = await staffActor();
    const account = await createAccount();
    const input = {
      accountId: account.id,
      planName: "Team",
      currency: "EUR" as const,
      termMonths: 12,
      startDate: "2026-03-01",
      renewalDate: "2027-03-01",
      arr: 9_000,
      note: "",
    };
    expect(await startSubscription(actor, account, input)).toMatchObject({ ok: true });
    expect(await startSubscription(actor, account, input)).toEqual({ ok: false, error: "has_subscription" });
    const [row] = await db
      .select({ renewalDate: accounts.renewalDate })
      .from(accounts)
      .where(eq(accounts.id, account.id));
    expect(row!.renewalDate).toBe("2027-03-01");
    expect(await getCurrentArr(account.id)).toEqual({ arr: 9_000, currency: "EUR", churned: false });
  });

  it("pages the ledger newest first", async () => {
    const actor = await staffActor();
    const account = await createAccount();
    await createSubscription(account.id, { arr: 1_000, startDate: "2026-01-01" });
    for (let i = 0; i < 24; i++) await addLedgerEntry(actor, account, entry(account.id, { amount: 1 + i }));
    const first = await listLedger(account.id, null);
    expect(first.rows).toHaveLength(20);
    expect(first.page.total).toBe(25);
    expect(first.rows[0]!.arrDelta).toBe(24);
    const second = await listLedger(account.id, first.page.next);
    expect(second.rows.map((row) => row.kind)).toEqual(["expansion", "expansion", "expansion", "expansion", "new"]);
  });
});

describe("ROI reads revenue's ARR", () => {
  it("counts the plan's ROI against the subscription's ARR in the account's currency, and none in another", async () => {
    const account = await createAccount({ currency: "GBP" });
    await createPlan(account.id);
    const csm = actorOf(await createStaff("csm"));
    expect((await getPlanValue(csm, account.id))!.roi.annualCost).toBeNull();
    await createSubscription(account.id, { arr: 30_000, currency: "GBP" });
    expect((await getPlanValue(csm, account.id))!.roi.annualCost).toBe(30_000);
    const other = await createAccount({ currency: "GBP" });
    await createPlan(other.id);
    await createSubscription(other.id, { arr: 30_000, currency: "USD" });
    expect((await getPlanValue(csm, other.id))!.roi.annualCost).toBeNull();
  });
});

describe("migration 0028", () => {
  it("turns each account's annual cost into a subscription and a 'new' entry, then drops the column", async () => {
    const source = readFileSync(join(process.cwd(), "db/migrations/0028_revenue.sql"), "utf8");
    const statements = source.split("--> statement-breakpoint").map((part) => part.trim());
    const backfill = statements.filter((statement) => /^(--.*\n)*INSERT INTO/.test(statement));
    const drop = statements.find((statement) => statement.includes('DROP COLUMN "annual_cost"'))!;
    expect(backfill).toHaveLength(2);
    const paying = await createAccount({ currency: "AUD", renewalDate: "2027-02-15" });
    const unknown = await createAccount();
    // Replay the data step on a database as it was before (the column back, a cost on one account),
    // in a transaction rolled back at the end so the rest of the file sees today's schema.
    let subs: (typeof subscriptions.$inferSelect)[] = [];
    let entries: (typeof ledgerEntries.$inferSelect)[] = [];
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`alter table accounts add column annual_cost numeric(14, 2)`);
        await tx.execute(sql`update accounts set annual_cost = 240000 where id = ${paying.id}`);
        for (const statement of backfill) await tx.execute(sql.raw(statement));
        await tx.execute(sql.raw(drop));
        subs = await tx
          .select()
          .from(subscriptions)
          .where(inArray(subscriptions.accountId, [paying.id, unknown.id]));
        entries = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.accountId, paying.id));
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message.includes("Rollback"))) throw error;
      });
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({
      accountId: paying.id,
      arr: 240_000,
      currency: "AUD",
      termMonths: 12,
      startDate: "2026-02-15",
      renewalDate: "2027-02-15",
    });
    expect(subs[0]!.id).toMatch(/^[a-z2-7]{16}$/);
    expect(entries).toMatchObject([
      { kind: "new", arrDelta: 240_000, arrAfter: 240_000, effectiveOn: "2026-02-15", sequence: 1 },
    ]);
  });
});

describe("the Revenue tab", () => {
  it("is staff's: a champion and marketing get 404", async () => {
    const account = await createAccount();
    const champion = await createCustomer(account.id, "champion");
    const marketing = await createStaff("marketing");
    for (const person of [champion, marketing]) {
      const request = await signedInRequest(person.id, `http://localhost/accounts/${account.id}/revenue`);
      const answer = await loader({
        request,
        params: { accountId: account.id },
        context: { clientIp: "127.0.0.1" },
      }).catch((e: unknown) => e);
      expect((answer as Response).status).toBe(404);
    }
  });

  it("refuses bad input with a field message and writes nothing; another account's form is a 404", async () => {
    const csm = await createStaff("csm");
    const account = await createAccount();
    const other = await createAccount();
    const base = {
      intent: "subscription",
      accountId: account.id,
      planName: "Team",
      currency: "USD",
      termMonths: "12",
      startDate: "2026-03-01",
      renewalDate: "2027-03-01",
      arr: "12000",
    };
    const cases: [Record<string, string>, string][] = [
      [{ arr: "-5" }, "arr"],
      [{ currency: "XYZ" }, "currency"],
      [{ renewalDate: "2026-01-01" }, "renewalDate"],
      [{ termMonths: "0" }, "termMonths"],
    ];
    for (const [change, field] of cases) {
      const answer = (await post(csm.id, account.id, { ...base, ...change })) as {
        data: { form: { error?: Record<string, string[]> } };
        init: { status: number };
      };
      expect(answer.init.status).toBe(400);
      expect(Object.keys(answer.data.form.error ?? {})).toContain(field);
    }
    expect(await db.$count(subscriptions, eq(subscriptions.accountId, account.id))).toBe(0);
    expect(statusOf(await post(csm.id, account.id, { ...base, accountId: other.id }))).toBe(404);
    expect(await db.$count(subscriptions, eq(subscriptions.accountId, other.id))).toBe(0);

    expect(statusOf(await post(csm.id, account.id, base))).toBe(302);
    const contraction = (await post(csm.id, account.id, {
      intent: "entry",
      accountId: account.id,
      kind: "contraction",
      effectiveOn: "2026-06-01",
      amount: "50000",
    })) as { data: { form: { error?: Record<string, string[]> } }; init: { status: number } };
    expect(contraction.init.status).toBe(400);
    expect(contraction.data.form.error?.amount).toEqual(["revenue:errors.contraction_too_large"]);
    const churnWithoutReason = (await post(csm.id, account.id, {
      intent: "entry",
      accountId: account.id,
      kind: "churn",
      effectiveOn: "2026-06-01",
    })) as { data: { form: { error?: Record<string, string[]> } }; init: { status: number } };
    expect(churnWithoutReason.init.status).toBe(400);
    expect(churnWithoutReason.data.form.error?.churnReason).toBeDefined();
    expect(await ledgerSum(account.id)).toBe(12_000);
    expect(await db.$count(ledgerEntries, eq(ledgerEntries.accountId, account.id))).toBe(1);
  });
});
