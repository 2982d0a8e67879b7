import { desc, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { type HealthModel, healthModels } from "~db/schema";
import { newId } from "~/lib/ids.server";
import { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS, type Thresholds, type Weights } from "./score";

export interface ScoringModel {
  id: string;
  segmentId: string | null;
  version: number;
  weights: Weights;
  thresholds: Thresholds;
}

function toModel(row: HealthModel): ScoringModel {
  return {
    id: row.id,
    segmentId: row.segmentId,
    version: row.version,
    weights: row.weights,
    thresholds: { redBelow: row.redBelow, greenFrom: row.greenFrom },
  };
}

/** The default model's first version, created on first use (a fresh database, a test's). */
async function ensureDefaultModel(executor: Executor) {
  await executor
    .insert(healthModels)
    .values({
      id: newId(),
      segmentId: null,
      version: 1,
      weights: DEFAULT_WEIGHTS,
      redBelow: DEFAULT_THRESHOLDS.redBelow,
      greenFrom: DEFAULT_THRESHOLDS.greenFrom,
    })
    .onConflictDoNothing();
}

export interface CurrentModels {
  fallback: ScoringModel;
  bySegment: Map<string, ScoringModel>;
}

/** The latest version of each segment's model and of the default: one query (two on first use). */
export async function currentModels(executor: Executor = db): Promise<CurrentModels> {
  const read = () =>
    executor
      .selectDistinctOn([sql`coalesce(${healthModels.segmentId}, '')`])
      .from(healthModels)
      .orderBy(sql`coalesce(${healthModels.segmentId}, '')`, desc(healthModels.version));
  let rows = await read();
  if (!rows.some((row) => row.segmentId === null)) {
    await ensureDefaultModel(executor);
    rows = await read();
  }
  const models = rows.map(toModel);
  return {
    fallback: models.find((model) => model.segmentId === null)!,
    bySegment: new Map(models.filter((model) => model.segmentId).map((model) => [model.segmentId!, model])),
  };
}

export function modelFor(models: CurrentModels, segmentId: string): ScoringModel {
  return models.bySegment.get(segmentId) ?? models.fallback;
}
