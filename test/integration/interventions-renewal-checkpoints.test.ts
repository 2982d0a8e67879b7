import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { playbookRuns, playbooks, workItems } from "~db/schema";
import { actorOf, createAccount, createPlaybook, createStaff, createSubscription } from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import { DEFAULT_PLAYBOOKS } from "~/domain/interventions/default-playbooks";
import { advancePlaybookRuns, startConditionRuns } from "~/domain/interventions/runs.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { addLedgerEntry } from "~/domain/revenue/ledger.server";
import { closeRenewal } from "~/domain/revenue/renewals.server";
import { DAY_MS } from "~/lib/time";

const NOW = new Date("2026-11-24T16:00:00Z");
const TODAY = "2026-11-24";
const later = (days: number) => new Date(NOW.getTime() + days * DAY_MS + 60_000);

const runsOf = (accountId: string) => db.select().from(playbookRuns).where(eq(playbookRuns.accountId, accountId));
const itemsOf = (accountId: string) => db.select().from(workItems).where(eq(workItems.accountId, accountId));

/** The three default checkpoints, as the seed writes them; every other playbook is off. */
async function checkpoints() {
  await db.update(playbooks).set({ enabled: false });
  const rows = [];
  for (const playbook of DEFAULT_PLAYBOOKS.filter((row) => row.name.startsWith("Renewal checkpoint"))) {
    rows.push(await createPlaybook({ ...playbook }));
  }
  return Object.fromEntries(rows.map((row) => [("days" in row.trigger ? row.trigger.days : 0) as number, row]));
}

/** An account with a CSM whose subscription renews `days` from today (its own column says otherwise). */
async function renewingIn(days: number, overrides: { churnedOn?: string } = {}) {
  const csm = await createStaff("csm");
  const account = await createAccount({ csmId: csm.id, renewalDate: "2031-01-01" });
  const renewalDate = datePlusDays(TODAY, days);
  await createSubscription(account.id, {
    startDate: datePlusDays(renewalDate, -365),
    renewalDate,
    ...(overrides.churnedOn ? { churnedOn: overrides.churnedOn, arr: 0 } : {}),
  });
  return { csm, account, renewalDate };
}

describe("renewal checkpoints", () => {
  let byDays: Record<number, Awaited<ReturnType<typeof createPlaybook>>>;
  beforeEach(async () => {
    byDays = await checkpoints();
  });

  it("seeds 120, 90 and 30 days, each a renewal_within trigger with a CSM work item", () => {
    expect(
      Object.keys(byDays)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([30, 90, 120]);
    for (const playbook of Object.values(byDays)) {
      expect(playbook.trigger.kind).toBe("renewal_within");
      expect(playbook.steps).toEqual([{ kind: "create_work_item", delayDays: 0 }]);
    }
  });

  it("an account 100 days out gets the 120-day work item (once, however often the job runs) but not the 90-day one", async () => {
    const { csm, account, renewalDate } = await renewingIn(100);
    await startConditionRuns(NOW);
    await startConditionRuns(NOW);
    const runs = await runsOf(account.id);
    expect(runs).toMatchObject([
      { playbookId: byDays[120]!.id, subjectType: "renewal", subjectId: `renewal:${renewalDate}`, status: "open" },
    ]);

    await advancePlaybookRuns(NOW);
    await startConditionRuns(later(1));
    await advancePlaybookRuns(later(1));
    const items = await itemsOf(account.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ assigneeId: csm.id, runId: runs[0]!.id, subjectType: "renewal" });
    expect(items[0]!.reason).toBe(`Renewal checkpoint — 120 days: renewal on ${renewalDate}`);
    expect(await runsOf(account.id)).toHaveLength(1);
  });

  it("reads the subscription's renewal date, not the account's column, and falls back to the column without one", async () => {
    const { account } = await renewingIn(200);
    const plain = await createAccount({ renewalDate: datePlusDays(TODAY, 20) });
    await startConditionRuns(NOW);
    expect(await runsOf(account.id)).toHaveLength(0);
    expect((await runsOf(plain.id)).map((run) => run.playbookId).sort()).toEqual(
      [byDays[30]!.id, byDays[90]!.id, byDays[120]!.id].sort(),
    );
  });

  it("skips a churned account", async () => {
    const { account } = await renewingIn(25, { churnedOn: "2026-10-01" });
    await startConditionRuns(NOW);
    expect(await runsOf(account.id)).toHaveLength(0);
  });

  it("closing the renewal (a renewal ledger entry moves the date a term on) resolves the run; next year gets its own", async () => {
    const { csm, account } = await renewingIn(100);
    await startConditionRuns(NOW);
    const result = await closeRenewal(actorOf(csm) as StaffActor, account, {
      accountId: account.id,
      outcome: "flat",
      newArr: 0,
      note: "",
      version: 1,
    });
    expect(result).toMatchObject({ ok: true });
    expect((await advancePlaybookRuns(later(0))).resolved).toBeGreaterThanOrEqual(1);
    expect(await runsOf(account.id)).toMatchObject([{ status: "resolved" }]);
    expect(await itemsOf(account.id)).toHaveLength(0);

    // A year on, the next renewal date is 100 days out: a new run for the new date.
    await startConditionRuns(later(365));
    const runs = await runsOf(account.id);
    expect(runs).toHaveLength(2);
    expect(new Set(runs.map((run) => run.subjectId)).size).toBe(2);
  });

  it("a renewal entry recorded in the ledger (the date left as it is) resolves the run and starts no other", async () => {
    const { csm, account } = await renewingIn(100);
    await startConditionRuns(NOW);
    const result = await addLedgerEntry(actorOf(csm) as StaffActor, account, {
      accountId: account.id,
      kind: "renewal",
      effectiveOn: TODAY,
      amount: 0,
      note: "Signed early",
    });
    expect(result).toMatchObject({ ok: true });
    await advancePlaybookRuns(later(0));
    await startConditionRuns(later(0));
    expect(await runsOf(account.id)).toMatchObject([{ status: "resolved" }]);
  });
});
