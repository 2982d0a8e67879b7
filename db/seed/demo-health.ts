import { inArray } from "drizzle-orm";
import { db } from "../client.server";
import { accounts, healthPulses, healthSnapshots, healthTouches, users } from "../schema";
import type { MeasureInputs, PulseGrade } from "../../app/domain/health/measures";
import { currentModels } from "../../app/domain/health/models.server";
import {
  measureInputsForAccounts,
  recomputeHealth,
  snapshotDay,
  snapshotOf,
} from "../../app/domain/health/recompute.server";
import { PULSE_DAYS } from "../../app/domain/health/schemas";
import { addDays } from "../../app/domain/telemetry/usage";
import { newId } from "../../app/lib/ids.server";
import { DAY_MS } from "../../app/lib/time";

/**
 * The demo's health (issue 14): the CSMs' pulses and touches, and 90 days of daily snapshots so
 * the trend, the arrows and "Why did it change?" have a story — Orbit green and rising, Helix
 * yellow turning red (usage falling, a milestone stalling, a detractor), Northwind yellow while
 * its data is still arriving (coverage grows as telemetry, answers and posts come in).
 *
 * Each past day's inputs are today's real inputs (read from the other areas' seeded data) wound
 * back along the account's story, and scored by the same `snapshotOf` the recompute uses, so every
 * snapshot's overall follows from its measures under the model. Today's snapshot is the real
 * recompute, filed last. One insert of ~270 rows: it adds well under a second to the seed.
 */

export const HEALTH_HISTORY_DAYS = 90;

type Story = (inputs: MeasureInputs, back: number) => MeasureInputs;

const lerp = (today: number, then: number, back: number, over: number) =>
  Math.round(today + (then - today) * Math.min(1, back / over));

interface DemoPulse {
  grade: PulseGrade;
  daysAgo: number;
  note: string;
}
interface DemoTouch {
  kind: "call" | "meeting" | "email" | "qbr" | "executive_sponsor";
  daysAgo: number;
  note: string;
}

const PLANS: Record<string, { csm: string; pulses: DemoPulse[]; touches: DemoTouch[]; story: Story }> = {
  "crm-orbit": {
    csm: "marcus@lumen-analytics.example",
    pulses: [
      { grade: "green", daysAgo: 6, note: "Store managers asking for more dashboards; expansion talk started." },
    ],
    touches: [
      { kind: "qbr", daysAgo: 6, note: "QBR: all four key features in use, planning the second wave of stores." },
      { kind: "call", daysAgo: 40, note: "Check-in on the store rollout." },
    ],
    // Rising: fewer active users, features and certificates the further back, a quieter community.
    story: (today, back) => {
      const active = (days: number) => lerp(today.adoption.monthlyActive, 70, days, 89);
      return {
        ...today,
        adoption: {
          ...today.adoption,
          monthlyActive: active(back),
          previousMonthlyActive: active(back + 30),
          keyFeaturesInUse: back > 60 ? 2 : back > 30 ? 3 : today.adoption.keyFeaturesInUse,
        },
        skills: { ...today.skills, certified: Math.max(0, today.skills.certified - Math.floor(back / 30)) },
        community: { ...today.community, accepted: back > 20 ? 0 : today.community.accepted },
      };
    },
  },
  "crm-helix": {
    csm: "sofia@lumen-analytics.example",
    pulses: [
      { grade: "yellow", daysAgo: 50, note: "Security review dragging; sponsor still keen." },
      { grade: "red", daysAgo: 4, note: "Usage down by half, validation milestone stalled, Raj is unhappy." },
    ],
    touches: [{ kind: "meeting", daysAgo: 35, note: "Validation planning with IT security." }],
    // Turning red: more users and no stalled milestone, detractor or late tasks the further back.
    story: (today, back) => {
      const active = (days: number) => lerp(today.adoption.monthlyActive, 100, days, 60);
      const plan = today.plan;
      return {
        ...today,
        adoption: {
          ...today.adoption,
          monthlyActive: active(back),
          previousMonthlyActive: active(back + 30),
          keyFeaturesInUse: back > 30 ? today.adoption.keyFeatures : today.adoption.keyFeaturesInUse,
        },
        plan:
          plan && back > 21
            ? {
                ...plan,
                stalled: 0,
                onTrack: plan.onTrack + plan.stalled,
                overdueCustomerTasks: 0,
                overdueVendorTasks: 0,
                daysSinceAchieved: plan.daysSinceAchieved === null ? null : Math.max(0, plan.daysSinceAchieved - back),
              }
            : plan,
        sentiment:
          back > 14
            ? {
                ...today.sentiment,
                detractors: 0,
                promoters: today.sentiment.promoters + today.sentiment.detractors,
              }
            : today.sentiment,
      };
    },
  },
  "crm-northwind": {
    csm: "marcus@lumen-analytics.example",
    pulses: [
      { grade: "green", daysAgo: 88, note: "Signed; Hannah wants to run the rollout herself." },
      { grade: "green", daysAgo: 58, note: "First dashboards live in dispatch." },
      { grade: "green", daysAgo: 28, note: "Hannah is driving the rollout herself; light touch." },
    ],
    touches: [
      { kind: "meeting", daysAgo: 89, note: "Kick-off with Hannah and Tom." },
      { kind: "email", daysAgo: 45, note: "Sent the self-serve rollout guide." },
      { kind: "call", daysAgo: 10, note: "Follow-up: dispatch dashboards first, warehouse next." },
    ],
    // Little data: telemetry for 45 days, NPS answers for 30, posts for 20; usage ramping up.
    story: (today, back) => ({
      ...today,
      adoption:
        back > 45
          ? { ...today.adoption, hasTelemetry: false, monthlyActive: 0, previousMonthlyActive: 0, keyFeaturesInUse: 0 }
          : {
              ...today.adoption,
              monthlyActive: lerp(today.adoption.monthlyActive, 4, back, 45),
              previousMonthlyActive: back > 15 ? 0 : lerp(today.adoption.previousMonthlyActive, 0, back, 15),
            },
      sentiment: back > 30 ? { ...today.sentiment, promoters: 0, passives: 0, detractors: 0 } : today.sentiment,
      community: back > 20 ? { hasPosted: false, questions: 0, answers: 0, accepted: 0 } : today.community,
    }),
  },
};

/** The pulse that was fresh on a past day (the demo's pulses, each fresh for PULSE_DAYS). */
function pulseOn(pulses: DemoPulse[], back: number): PulseGrade | null {
  const fresh = pulses
    .filter((pulse) => pulse.daysAgo >= back && pulse.daysAgo - back < PULSE_DAYS)
    .sort((a, b) => a.daysAgo - b.daysAgo);
  return fresh[0]?.grade ?? null;
}

/** Days since the latest touch on or before a past day, or null. */
function touchOn(touches: DemoTouch[], back: number): number | null {
  const before = touches.filter((touch) => touch.daysAgo >= back).map((touch) => touch.daysAgo - back);
  return before.length > 0 ? Math.min(...before) : null;
}

/** Seeds the demo's pulses, touches and health history; runs after the rest of the demo is committed. */
export async function seedDemoHealth(now = new Date()) {
  const rows = await db
    .select({
      id: accounts.id,
      externalId: accounts.externalId,
      segmentId: accounts.segmentId,
      licensedSeats: accounts.licensedSeats,
      timeZone: accounts.timeZone,
    })
    .from(accounts)
    .where(inArray(accounts.externalId, Object.keys(PLANS)));
  const csms = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [...new Set(Object.values(PLANS).map((plan) => plan.csm))]));
  const csmId = new Map(csms.map((person) => [person.email, person.id]));
  const today = snapshotDay(now);
  for (const account of rows) {
    const plan = PLANS[account.externalId!]!;
    const author = csmId.get(plan.csm)!;
    await db.insert(healthPulses).values(
      plan.pulses.map((pulse) => {
        const at = new Date(now.getTime() - pulse.daysAgo * DAY_MS);
        return {
          id: newId(),
          accountId: account.id,
          authorId: author,
          grade: pulse.grade,
          note: pulse.note,
          createdAt: at,
          expiresAt: new Date(at.getTime() + PULSE_DAYS * DAY_MS),
        };
      }),
    );
    await db.insert(healthTouches).values(
      plan.touches.map((touch) => ({
        id: newId(),
        accountId: account.id,
        authorId: author,
        kind: touch.kind,
        occurredOn: addDays(today, -touch.daysAgo),
        note: touch.note,
        createdAt: new Date(now.getTime() - touch.daysAgo * DAY_MS),
      })),
    );
  }
  // Today's real inputs (with the pulses and touches just written), wound back day by day.
  const inputs = await measureInputsForAccounts(
    rows.map(({ externalId: _, ...account }) => account),
    now,
  );
  const models = await currentModels();
  const history = rows.flatMap((account) => {
    const plan = PLANS[account.externalId!]!;
    const current = inputs.get(account.id)!;
    return Array.from({ length: HEALTH_HISTORY_DAYS - 1 }, (_, index) => {
      const back = index + 1;
      const past = plan.story(current, back);
      const withOwn: MeasureInputs = {
        ...past,
        sentiment: { ...past.sentiment, pulse: pulseOn(plan.pulses, back) },
        engagement: { ...past.engagement, daysSinceTouch: touchOn(plan.touches, back) },
      };
      const day = addDays(today, -back);
      return snapshotOf(account, withOwn, models, day, new Date(now.getTime() - back * DAY_MS));
    });
  });
  await db.insert(healthSnapshots).values(history);
  await recomputeHealth({ accountIds: rows.map((account) => account.id), now });
}
