import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { healthTouches, workItems } from "~db/schema";
import {
  actorOf,
  createAccount,
  createMilestone,
  createPlan,
  createSegment,
  createStaff,
  createSubscription,
  signedInRequest,
} from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import { insertWorkItem } from "~/domain/interventions/work-items.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { addLedgerEntry } from "~/domain/revenue/ledger.server";
import { getPerformance } from "~/domain/revenue/performance.server";
import { todayIn } from "~/lib/format";
import { newId } from "~/lib/ids.server";
import { loader } from "~/routes/revenue.performance";

const today = todayIn("UTC");
const day = (offset: number) => datePlusDays(today, offset);
const at = (offset: number) => new Date(`${day(offset)}T12:00:00Z`);
const context = { clientIp: "127.0.0.1" };

async function signedOff(planId: Parameters<typeof createMilestone>[0], target: number, signed: number | null) {
  return createMilestone(planId, {
    targetDate: day(target),
    ...(signed === null ? {} : { vendorSignedAt: at(signed - 1), customerSignedAt: at(signed) }),
  });
}

async function closedItem(accountId: string, assigneeId: string, due: number | null, closed: number | null) {
  const id = await db.transaction((tx) =>
    insertWorkItem(tx, {
      accountId,
      assigneeId,
      reason: "Follow up",
      priority: "normal",
      dueDate: due === null ? null : day(due),
      createdById: null,
    }),
  );
  if (closed !== null) {
    await db
      .update(workItems)
      .set({ status: "closed", outcome: "resolved", closedAt: at(closed) })
      .where(eq(workItems.id, id));
  }
}

describe("how we are doing", () => {
  it("counts time to first value, onboarding on time, QBR coverage and work in time per CSM and segment, beside retention", async () => {
    const segment = await createSegment();
    const csm = await createStaff("csm");
    const early = await createAccount({ segmentId: segment.id, csmId: csm.id });
    const fresh = await createAccount({ segmentId: segment.id, csmId: csm.id });
    const unowned = await createAccount({ segmentId: segment.id, csmId: null });

    // Started 100 days ago: first value on day 20; of three onboarding milestones due, one on time.
    const plan = await createPlan(early.id, { startDate: day(-100) });
    await signedOff(plan, -70, -80); // target day 30, signed day 20: on time
    await signedOff(plan, -40, -30); // target day 60, signed day 70: late
    await signedOff(plan, -10, null); // target day 90, passed, not signed
    await signedOff(plan, 20, null); // day 120: after onboarding
    // Started 10 days ago, nothing due yet and no value yet.
    const young = await createPlan(fresh.id, { startDate: day(-10) });
    await signedOff(young, 20, null);
    // The unowned account reached value in 40 days.
    const other = await createPlan(unowned.id, { startDate: day(-60) });
    await signedOff(other, -15, -20);

    await db.insert(healthTouches).values([
      { id: newId(), accountId: early.id, authorId: csm.id, kind: "qbr", occurredOn: day(-10) },
      { id: newId(), accountId: fresh.id, authorId: csm.id, kind: "qbr", occurredOn: day(-100) },
      { id: newId(), accountId: fresh.id, authorId: csm.id, kind: "call", occurredOn: day(-1) },
    ]);

    await closedItem(early.id, csm.id, -3, -1); // late
    await closedItem(early.id, csm.id, 1, 0); // in time
    await closedItem(early.id, csm.id, null, 0); // no due date: not counted
    await closedItem(early.id, csm.id, -200, -120); // closed before the window
    await closedItem(early.id, csm.id, -5, null); // still open

    // A year-old subscription on the early account, contracted by a quarter this year.
    await createSubscription(early.id, { arr: 40_000, startDate: day(-500) });
    expect(
      await addLedgerEntry(actorOf(csm) as StaffActor, early, {
        accountId: early.id,
        kind: "contraction",
        effectiveOn: day(-30),
        amount: 10_000,
        note: "",
      }),
    ).toMatchObject({ ok: true });

    const { byCsm, bySegment } = await getPerformance(today);
    expect(byCsm.find((row) => row.id === csm.id)).toMatchObject({
      name: csm.name,
      accounts: 2,
      plans: 2,
      withFirstValue: 1,
      medianDaysToFirstValue: 20,
      onboardingCounted: 3,
      onboardingOnTime: 1,
      qbrCovered: 1,
      closedWorkItems: 2,
      closedOnTime: 1,
      retention: [expect.objectContaining({ currency: "USD", startArr: 40_000, grr: 0.75, nrr: 0.75 })],
    });
    expect(byCsm.at(-1)).toMatchObject({ id: null, accounts: 1, medianDaysToFirstValue: 40 });
    expect(bySegment.find((row) => row.id === segment.id)).toMatchObject({
      name: segment.name,
      accounts: 3,
      plans: 3,
      withFirstValue: 2,
      medianDaysToFirstValue: 30,
      onboardingCounted: 4,
      onboardingOnTime: 2,
      qbrCovered: 1,
      closedWorkItems: 2,
      closedOnTime: 1,
    });
  });

  it("is for admins and CSMs; marketing is refused", async () => {
    const csm = await createStaff("csm");
    const answer = await loader({
      request: await signedInRequest(csm.id, "http://localhost/revenue/performance"),
      params: {},
      context,
    });
    expect(answer.performance.period.end).toBe(today);
    const marketing = await createStaff("marketing");
    const refused = await loader({
      request: await signedInRequest(marketing.id, "http://localhost/revenue/performance"),
      params: {},
      context,
    }).catch((e: unknown) => e);
    expect((refused as Response).status).toBe(404);
  });
});
