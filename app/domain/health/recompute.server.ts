import { churnedAccountIds } from "~/domain/revenue/status.server";
import { and, asc, desc, eq, gt, inArray, lte, max, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import {
  accounts,
  type HealthGrade,
  healthPulses,
  healthSnapshots,
  healthTouches,
  type SnapshotMeasure,
} from "~db/schema";
import { adoptionInputsForAccounts } from "~/domain/telemetry/health-inputs.server";
import { npsInputsForAccounts } from "~/domain/advocacy/health-inputs.server";
import { communityInputsForAccounts } from "~/domain/community/health-inputs.server";
import { reactToEvents } from "~/domain/events/reactions.server";
import { recordEvents } from "~/domain/events/record.server";
import type { DomainEventInput } from "~/domain/events/types";
import { portalSignInsForAccounts } from "~/domain/people/health-inputs.server";
import { planProgressInputsForAccounts } from "~/domain/plans/health-inputs.server";
import { loadCatalog } from "~/domain/training/content.server";
import { skillsInputsForAccounts } from "~/domain/training/health-inputs.server";
import { daysUntil, todayIn } from "~/lib/format";
import { MEASURE_KEYS, type MeasureInputs, scoreMeasures } from "./measures";
import { type CurrentModels, currentModels, modelFor } from "./models.server";
import { overallScore } from "./score";

/** Accounts scored per round of input queries: keeps each `in (…)` list and each insert small. */
const RECOMPUTE_BATCH = 500;

interface ScoredAccount {
  id: string;
  segmentId: string;
  licensedSeats: number;
  timeZone: string;
}

/** The UTC day a snapshot is filed under. */
export function snapshotDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Health's own inputs (the fresh pulse, the last touch) for many accounts: two queries. */
async function ownInputs(accountIds: string[], now: Date) {
  const [pulses, touches] = await Promise.all([
    db
      .selectDistinctOn([healthPulses.accountId], {
        accountId: healthPulses.accountId,
        grade: healthPulses.grade,
        expiresAt: healthPulses.expiresAt,
      })
      .from(healthPulses)
      .where(and(inArray(healthPulses.accountId, accountIds), lte(healthPulses.createdAt, now)))
      .orderBy(healthPulses.accountId, desc(healthPulses.createdAt), desc(healthPulses.id)),
    db
      .select({ accountId: healthTouches.accountId, last: max(healthTouches.occurredOn) })
      .from(healthTouches)
      .where(inArray(healthTouches.accountId, accountIds))
      .groupBy(healthTouches.accountId),
  ]);
  return {
    // A stale pulse says nothing about today: no data, not a red.
    pulses: new Map(pulses.filter((pulse) => pulse.expiresAt > now).map((pulse) => [pulse.accountId, pulse.grade])),
    lastTouch: new Map(touches.map((touch) => [touch.accountId, touch.last])),
  };
}

/** Every measure's inputs for a batch of accounts: a fixed number of queries, from each owning area. */
export async function measureInputsForAccounts(
  batch: readonly ScoredAccount[],
  now: Date,
): Promise<Map<string, MeasureInputs>> {
  const ids = batch.map((account) => account.id);
  const courses = loadCatalog().courses;
  const [adoption, plan, skills, nps, signIns, community, own] = await Promise.all([
    adoptionInputsForAccounts(ids, now),
    planProgressInputsForAccounts(ids, now),
    skillsInputsForAccounts(ids, courses),
    npsInputsForAccounts(ids, now),
    portalSignInsForAccounts(ids, now),
    communityInputsForAccounts(ids, now),
    ownInputs(ids, now),
  ]);
  const result = new Map<string, MeasureInputs>();
  for (const account of batch) {
    const people = signIns.get(account.id) ?? { people: 0, signedIn: 0, champions: 0, championsSignedIn: 0 };
    const lastTouch = own.lastTouch.get(account.id) ?? null;
    const today = todayIn(account.timeZone, now);
    result.set(account.id, {
      adoption: {
        hasTelemetry: false,
        monthlyActive: 0,
        previousMonthlyActive: 0,
        keyFeatures: 0,
        keyFeaturesInUse: 0,
        ...adoption.get(account.id),
        licensedSeats: account.licensedSeats,
      },
      plan: plan.get(account.id) ?? null,
      skills: skills.get(account.id) ?? { audience: 0, certified: 0, stagesCovered: 0, stages: 5 },
      sentiment: {
        promoters: 0,
        passives: 0,
        detractors: 0,
        ...nps.get(account.id),
        pulse: own.pulses.get(account.id) ?? null,
      },
      engagement: {
        people: people.people,
        signedIn: people.signedIn,
        championActive: people.champions > 0 ? people.championsSignedIn > 0 : null,
        daysSinceTouch: lastTouch === null ? null : Math.max(0, -daysUntil(lastTouch, today)),
      },
      community: community.get(account.id) ?? { hasPosted: false, questions: 0, answers: 0, accepted: 0 },
    });
  }
  return result;
}

/** A snapshot's row from an account's inputs under its segment's model. */
export function snapshotOf(
  account: Pick<ScoredAccount, "id" | "segmentId">,
  inputs: MeasureInputs,
  models: CurrentModels,
  day: string,
  computedAt: Date,
) {
  const model = modelFor(models, account.segmentId);
  const scores = scoreMeasures(inputs);
  const overall = overallScore(scores, model.weights, model.thresholds);
  const measures: SnapshotMeasure[] = MEASURE_KEYS.map((key) => ({
    key,
    score: scores[key],
    weight: model.weights[key],
    inputs: (inputs[key] ?? {}) as unknown as Record<string, unknown>,
  }));
  return {
    accountId: account.id,
    day,
    modelId: model.id,
    modelVersion: model.version,
    overall: overall.score,
    grade: overall.grade,
    coverage: overall.coverage,
    measures,
    computedAt,
  };
}

async function accountsPage(after: string | null, limit: number): Promise<ScoredAccount[]> {
  return db
    .select({
      id: accounts.id,
      segmentId: accounts.segmentId,
      licensedSeats: accounts.licensedSeats,
      timeZone: accounts.timeZone,
    })
    .from(accounts)
    .where(after === null ? undefined : gt(accounts.id, after))
    .orderBy(asc(accounts.id))
    .limit(limit);
}

async function accountsByIds(ids: readonly string[]): Promise<ScoredAccount[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: accounts.id,
      segmentId: accounts.segmentId,
      licensedSeats: accounts.licensedSeats,
      timeZone: accounts.timeZone,
    })
    .from(accounts)
    .where(inArray(accounts.id, [...ids]));
}

/** Scores one batch and files today's snapshots (upsert), with a grade_changed event per account whose grade moved. */
async function recomputeBatch(all: ScoredAccount[], models: CurrentModels, now: Date): Promise<string[]> {
  // A churned account is not scored any more: its health is "churned" (getHealthBadge), not a grade.
  const churned = await churnedAccountIds(all.map((account) => account.id));
  const batch = all.filter((account) => !churned.has(account.id));
  if (batch.length === 0) return [];
  const day = snapshotDay(now);
  const inputs = await measureInputsForAccounts(batch, now);
  const rows = batch.map((account) => snapshotOf(account, inputs.get(account.id)!, models, day, now));
  return db.transaction(async (tx) => {
    const ids = batch.map((account) => account.id);
    // Two recomputes of one account (the job and a page view, two workers) take turns from here to
    // commit, so the second reads the grade the first filed and a change is recorded once. A
    // transaction-scoped lock per account, taken in id order so two batches can't deadlock; it
    // also covers an account's first snapshot, where there is no row yet to lock.
    await tx.execute(sql`
      select pg_advisory_xact_lock(hashtextextended('health-recompute:' || id, 0))
      from unnest(array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::text[]) as id order by id`);
    // The latest grade before this write (today's own if already filed): what a change is measured from.
    const previous = await tx
      .selectDistinctOn([healthSnapshots.accountId], {
        accountId: healthSnapshots.accountId,
        grade: healthSnapshots.grade,
      })
      .from(healthSnapshots)
      .where(and(inArray(healthSnapshots.accountId, ids), lte(healthSnapshots.day, day)))
      .orderBy(healthSnapshots.accountId, desc(healthSnapshots.day));
    const before = new Map<string, HealthGrade | null>(previous.map((row) => [row.accountId, row.grade]));
    await tx
      .insert(healthSnapshots)
      .values(rows)
      .onConflictDoUpdate({
        target: [healthSnapshots.accountId, healthSnapshots.day],
        set: {
          modelId: sql`excluded.model_id`,
          modelVersion: sql`excluded.model_version`,
          overall: sql`excluded.overall`,
          grade: sql`excluded.grade`,
          coverage: sql`excluded.coverage`,
          measures: sql`excluded.measures`,
          computedAt: sql`excluded.computed_at`,
        },
      });
    const changes: DomainEventInput[] = rows
      .filter((row) => row.grade !== null && row.overall !== null && (before.get(row.accountId) ?? null) !== row.grade)
      .map((row) => ({
        type: "health.grade_changed",
        accountId: row.accountId,
        actorId: null,
        subjectId: row.accountId,
        payload: { from: before.get(row.accountId) ?? null, to: row.grade!, score: row.overall! },
        occurredAt: now,
      }));
    return changes.length > 0 ? recordEvents(tx, changes) : [];
  });
}

/**
 * Recomputes today's health snapshot of the given accounts (all when none are given), in batches
 * of RECOMPUTE_BATCH: each batch is a fixed number of queries and one transaction. Safe to repeat:
 * it upserts the day's row, and a grade change is recorded only against the grade before it. Once
 * the batches have committed, the grade changes' events are reacted to (reactToEvents).
 */
export async function recomputeHealth(
  options: { accountIds?: readonly string[]; now?: Date; batchSize?: number } = {},
): Promise<{ accounts: number; gradeChanges: number; eventIds: string[] }> {
  const now = options.now ?? new Date();
  const size = options.batchSize ?? RECOMPUTE_BATCH;
  const models = await currentModels();
  let scored = 0;
  // The grade changes' events, for the caller to react to once they are committed.
  const eventIds: string[] = [];
  if (options.accountIds) {
    const ids = [...new Set(options.accountIds)];
    for (let start = 0; start < ids.length; start += size) {
      const batch = await accountsByIds(ids.slice(start, start + size));
      eventIds.push(...(await recomputeBatch(batch, models, now)));
      scored += batch.length;
    }
    return reacted({ accounts: scored, gradeChanges: eventIds.length, eventIds });
  }
  let after: string | null = null;
  for (;;) {
    const batch = await accountsPage(after, size);
    if (batch.length === 0) break;
    eventIds.push(...(await recomputeBatch(batch, models, now)));
    scored += batch.length;
    after = batch[batch.length - 1]!.id;
  }
  return reacted({ accounts: scored, gradeChanges: eventIds.length, eventIds });
}

/** After the batches commit, as every event's reactions: the health_grade_dropped playbooks start their runs. */
async function reacted<T extends { eventIds: string[] }>(result: T): Promise<T> {
  await reactToEvents(result.eventIds);
  return result;
}

/** Whether the account has a snapshot for today (the tab computes one on first view otherwise). */
export async function hasSnapshotToday(accountId: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ day: healthSnapshots.day })
    .from(healthSnapshots)
    .where(and(eq(healthSnapshots.accountId, accountId), eq(healthSnapshots.day, snapshotDay(now))))
    .limit(1);
  return row !== undefined;
}
