import { asc, count, eq, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { segments, telemetryDailyKeyFeatures, telemetryKeyFeatures } from "~db/schema";
import { newId } from "~/lib/ids.server";
import { type KeyFeatureInput, MAX_KEY_FEATURES } from "./key-feature-schema";
import { lockAllUsageAccounts } from "./usage-locks.server";

type KeyFeatureError = "name_taken" | "duplicate" | "unknown_segment" | "not_found" | "not_allowed";
export type KeyFeatureResult = { ok: true; id: string } | { ok: false; error: KeyFeatureError };

const INDEX_ERRORS: Record<string, KeyFeatureError> = {
  telemetry_key_features_name_idx: "name_taken",
  telemetry_key_features_definition_idx: "duplicate",
};

/** Two admins saving the same feature at once: the unique index decides, and the loser hears why. */
function conflictOf(error: unknown): KeyFeatureError | null {
  for (
    let cause = error as { code?: string; constraint_name?: string; cause?: unknown } | undefined;
    cause;
    cause = cause.cause as typeof cause
  ) {
    if (cause.code === "23505" && cause.constraint_name) return INDEX_ERRORS[cause.constraint_name] ?? null;
  }
  return null;
}

export async function listKeyFeatures() {
  return db
    .select({
      id: telemetryKeyFeatures.id,
      name: telemetryKeyFeatures.name,
      event: telemetryKeyFeatures.event,
      propertyKey: telemetryKeyFeatures.propertyKey,
      propertyValue: telemetryKeyFeatures.propertyValue,
      segmentId: telemetryKeyFeatures.segmentId,
      segmentName: segments.name,
    })
    .from(telemetryKeyFeatures)
    .leftJoin(segments, eq(segments.id, telemetryKeyFeatures.segmentId))
    .orderBy(asc(telemetryKeyFeatures.name))
    .limit(MAX_KEY_FEATURES);
}

async function checkInput(tx: Executor, input: KeyFeatureInput, exceptId?: string): Promise<KeyFeatureError | null> {
  const except = exceptId ? sql`and ${telemetryKeyFeatures.id} <> ${exceptId}` : sql``;
  const [[segment], [sameName], [sameDefinition]] = await Promise.all([
    input.segmentId
      ? tx.select({ id: segments.id }).from(segments).where(eq(segments.id, input.segmentId))
      : Promise.resolve([{ id: null }]),
    tx
      .select({ id: telemetryKeyFeatures.id })
      .from(telemetryKeyFeatures)
      .where(sql`lower(${telemetryKeyFeatures.name}) = lower(${input.name}) ${except}`),
    tx
      .select({ id: telemetryKeyFeatures.id })
      .from(telemetryKeyFeatures)
      .where(
        sql`${telemetryKeyFeatures.event} = ${input.event}
          and coalesce(${telemetryKeyFeatures.propertyKey}, '') = ${input.propertyKey ?? ""}
          and coalesce(${telemetryKeyFeatures.propertyValue}, '') = ${input.propertyValue ?? ""}
          and coalesce(${telemetryKeyFeatures.segmentId}, '') = ${input.segmentId ?? ""} ${except}`,
      ),
  ]);
  if (!segment) return "unknown_segment";
  if (sameName) return "name_taken";
  if (sameDefinition) return "duplicate";
  return null;
}

/**
 * A filtered feature's uses, recounted from the raw events still kept (its rollup is the only
 * place a property filter can be answered from). Runs in the admin's transaction, never on a page.
 */
async function recountFilteredUses(tx: Executor, id: string, input: KeyFeatureInput) {
  // The recount changes the usage aggregates of any account: their locks first (usage-locks.server.ts).
  await lockAllUsageAccounts(tx);
  await tx.delete(telemetryDailyKeyFeatures).where(eq(telemetryDailyKeyFeatures.keyFeatureId, id));
  if (!input.propertyKey || input.propertyValue === null) return;
  await tx.execute(sql`
    insert into telemetry_daily_key_features (account_id, key_feature_id, day, product_user_id, events)
    select account_id, ${id}, (occurred_at at time zone 'UTC')::date, coalesce(product_user_id, ''), count(*)
    from telemetry_events
    where type = 'track' and account_id is not null and event = ${input.event}
      and properties ->> ${input.propertyKey} = ${input.propertyValue}
    group by 1, 3, 4`);
}

async function saving(write: () => Promise<KeyFeatureResult>): Promise<KeyFeatureResult> {
  try {
    return await write();
  } catch (error) {
    const conflict = conflictOf(error);
    if (conflict) return { ok: false, error: conflict };
    throw error;
  }
}

export function createKeyFeature(input: KeyFeatureInput): Promise<KeyFeatureResult> {
  return saving(() =>
    db.transaction(async (tx) => {
      const problem = await checkInput(tx, input);
      if (problem) return { ok: false, error: problem };
      const [existing] = await tx.select({ n: count() }).from(telemetryKeyFeatures);
      if ((existing?.n ?? 0) >= MAX_KEY_FEATURES) return { ok: false, error: "not_allowed" };
      const id = newId();
      await tx.insert(telemetryKeyFeatures).values({ id, ...input });
      await recountFilteredUses(tx, id, input);
      return { ok: true, id };
    }),
  );
}

export function updateKeyFeature(id: string, input: KeyFeatureInput): Promise<KeyFeatureResult> {
  return saving(() =>
    db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(telemetryKeyFeatures)
        .where(eq(telemetryKeyFeatures.id, id))
        .for("update");
      if (!current) return { ok: false, error: "not_found" };
      const problem = await checkInput(tx, input, id);
      if (problem) return { ok: false, error: problem };
      await tx
        .update(telemetryKeyFeatures)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(telemetryKeyFeatures.id, id));
      const sameFilter =
        current.event === input.event &&
        current.propertyKey === input.propertyKey &&
        current.propertyValue === input.propertyValue;
      if (!sameFilter) await recountFilteredUses(tx, id, input);
      return { ok: true, id };
    }),
  );
}

/** Deletes a feature; its filtered uses go with it (on delete cascade). */
export async function deleteKeyFeature(id: string): Promise<boolean> {
  const rows = await db
    .delete(telemetryKeyFeatures)
    .where(eq(telemetryKeyFeatures.id, id))
    .returning({ id: telemetryKeyFeatures.id });
  return rows.length > 0;
}
