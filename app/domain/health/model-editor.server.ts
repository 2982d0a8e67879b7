import { asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { healthModels, segments } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { enqueueUnlessWaiting } from "~/domain/jobs/enqueue.server";
import { QUEUES } from "~/domain/jobs/queues";
import { newId } from "~/lib/ids.server";
import { MEASURE_KEYS } from "./measures";
import { currentModels } from "./models.server";
import { DEFAULT_MODEL, type GradeCounts, type ModelDraft } from "./schemas";
import type { Weights } from "./score";

export interface EditableModel {
  /** "default" or the segment id. */
  key: string;
  segmentName: string | null;
  /** Null: the segment has no model of its own and uses the default. */
  version: number | null;
  weights: Weights;
  redBelow: number;
  greenFrom: number;
  customerMeasures: string[];
  savedAt: string | null;
}

/** The default model and one row per segment (its own latest version, or the default's values): two queries. */
export async function listEditableModels(): Promise<EditableModel[]> {
  const [models, segmentRows] = await Promise.all([
    currentModels(),
    db.select({ id: segments.id, name: segments.name }).from(segments).orderBy(asc(segments.name)),
  ]);
  const extras = await db
    .select({ id: healthModels.id, customerMeasures: healthModels.customerMeasures, createdAt: healthModels.createdAt })
    .from(healthModels)
    .where(inArray(healthModels.id, [models.fallback.id, ...[...models.bySegment.values()].map((model) => model.id)]));
  const extra = new Map(extras.map((row) => [row.id, row]));
  const fallback = models.fallback;
  const latest = extra.get(fallback.id);
  const defaultRow: EditableModel = {
    key: DEFAULT_MODEL,
    segmentName: null,
    version: fallback.version,
    weights: fallback.weights,
    redBelow: fallback.thresholds.redBelow,
    greenFrom: fallback.thresholds.greenFrom,
    customerMeasures: latest?.customerMeasures ?? [],
    savedAt: latest?.createdAt.toISOString() ?? null,
  };
  return [
    defaultRow,
    ...segmentRows.map((segment) => {
      const own = models.bySegment.get(segment.id);
      if (!own) return { ...defaultRow, key: segment.id, segmentName: segment.name, version: null, savedAt: null };
      return {
        key: segment.id,
        segmentName: segment.name,
        version: own.version,
        weights: own.weights,
        redBelow: own.thresholds.redBelow,
        greenFrom: own.thresholds.greenFrom,
        customerMeasures: extra.get(own.id)?.customerMeasures ?? [],
        savedAt: extra.get(own.id)?.createdAt.toISOString() ?? null,
      };
    }),
  ];
}

/** The accounts a model scores: a segment's, or — for the default — those of segments without their own model. */
function scopeOf(key: string) {
  return key === DEFAULT_MODEL
    ? sql`a.segment_id not in (select m.segment_id from health_models m where m.segment_id is not null)`
    : sql`a.segment_id = ${key}`;
}

/**
 * How many of the model's accounts are in each grade now (their latest snapshot) and would be under
 * the draft (the same snapshot's measure scores, reweighted over the measures with data, graded by
 * the draft's thresholds): one aggregate query over the latest snapshots, whatever the number of
 * accounts. Accounts without a score count as "none" on both sides.
 */
export async function previewModel(draft: ModelDraft): Promise<{ now: GradeCounts; draft: GradeCounts }> {
  const weights = JSON.stringify(Object.fromEntries(MEASURE_KEYS.map((key) => [key, draft.weights[key]])));
  const rows = await db.execute<{ now_grade: string; draft_grade: string; n: number }>(sql`
    with scored as (
      select a.id, c.grade as now_grade, (
        select round(
          sum((m->>'score')::numeric * coalesce((${weights}::jsonb->>(m->>'key'))::int, 0))
          / nullif(sum(coalesce((${weights}::jsonb->>(m->>'key'))::int, 0)) filter (where m->>'score' is not null), 0)
        )
        from jsonb_array_elements(s.measures) m
      ) as draft_score
      from accounts a
      left join health_current c on c.account_id = a.id
      left join health_snapshots s on s.account_id = c.account_id and s.day = c.day
      where ${scopeOf(draft.segment)}
    )
    select coalesce(now_grade::text, 'none') as now_grade,
      case when draft_score is null then 'none'
        when draft_score < ${draft.redBelow} then 'red'
        when draft_score < ${draft.greenFrom} then 'yellow'
        else 'green' end as draft_grade,
      count(*)::int as n
    from scored
    group by 1, 2`);
  const empty = (): GradeCounts => ({ red: 0, yellow: 0, green: 0, none: 0 });
  const result = { now: empty(), draft: empty() };
  for (const row of rows) {
    result.now[row.now_grade as keyof GradeCounts] += row.n;
    result.draft[row.draft_grade as keyof GradeCounts] += row.n;
  }
  return result;
}

export type SaveModelResult = { ok: true; version: number } | { ok: false; error: "unknown_segment" | "stale" };

/**
 * Saves the draft as the model's next version (rows are never updated, so every snapshot keeps
 * naming the weights that scored it), records it in the activity log and asks for every account
 * to be rescored — all in one transaction.
 */
export async function saveModel(actor: Actor, draft: ModelDraft): Promise<SaveModelResult> {
  const segmentId = draft.segment === DEFAULT_MODEL ? null : draft.segment;
  if (segmentId) {
    const [segment] = await db.select({ id: segments.id }).from(segments).where(eq(segments.id, segmentId));
    if (!segment) return { ok: false, error: "unknown_segment" };
  }
  try {
    return await db.transaction(async (tx) => {
      const [last] = await tx
        .select({ version: healthModels.version })
        .from(healthModels)
        .where(segmentId ? eq(healthModels.segmentId, segmentId) : isNull(healthModels.segmentId))
        .orderBy(desc(healthModels.version))
        .limit(1);
      // A segment's first model continues from the default's numbering at 1, like the default's first.
      const version = (last?.version ?? 0) + 1;
      const id = newId();
      await tx.insert(healthModels).values({
        id,
        segmentId,
        version,
        weights: draft.weights,
        redBelow: draft.redBelow,
        greenFrom: draft.greenFrom,
        customerMeasures: draft.customerMeasures,
        createdById: actor.id,
      });
      await recordActivity(tx, {
        accountId: null,
        actorId: actor.id,
        action: "health.model_saved",
        subjectType: "health_model",
        subjectId: id,
        details: { segmentId, version, weights: draft.weights, redBelow: draft.redBelow, greenFrom: draft.greenFrom },
      });
      await enqueueUnlessWaiting(tx, QUEUES.healthRecompute, {}, { singletonKey: "all" });
      return { ok: true as const, version };
    });
  } catch (error) {
    // Two admins saving the same model at once: the unique (segment, version) index refuses the second.
    const code =
      (error as { code?: string; cause?: { code?: string } }).code ??
      (error as { cause?: { code?: string } }).cause?.code;
    if (code === "23505") return { ok: false, error: "stale" };
    throw error;
  }
}
