import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { playbookRuns, playbooks, segments } from "~db/schema";
import type { StaffActor } from "~/domain/auth/actor";
import { recordActivity } from "~/domain/activity/activity.server";
import { newId } from "~/lib/ids.server";
import type { PlaybookInput } from "./playbook-rules";

/** Every playbook (admins keep a handful; bounded anyway). */
export async function listPlaybooks(executor: Executor = db) {
  return executor.select().from(playbooks).orderBy(asc(playbooks.name), asc(playbooks.id)).limit(200);
}

export async function getPlaybook(id: string, executor: Executor = db) {
  const [row] = await executor.select().from(playbooks).where(eq(playbooks.id, id));
  return row ?? null;
}

export async function listSegmentChoices(executor: Executor = db) {
  return executor
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .orderBy(asc(segments.name))
    .limit(200);
}

async function segmentsExist(tx: Executor, ids: string[]) {
  if (ids.length === 0) return true;
  const found = await tx.select({ id: segments.id }).from(segments).where(inArray(segments.id, ids));
  return found.length === ids.length;
}

type SaveResult = { ok: true; id: string } | { ok: false; error: "not_found" | "stale" | "unknown_segment" };

export async function createPlaybook(actor: StaffActor, input: PlaybookInput): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    if (!(await segmentsExist(tx, input.segmentIds))) return { ok: false as const, error: "unknown_segment" as const };
    const id = newId();
    await tx.insert(playbooks).values({ id, ...input });
    await recordActivity(tx, {
      accountId: null,
      actorId: actor.id,
      action: "playbook.created",
      subjectType: "playbook",
      subjectId: id,
      details: { name: input.name },
    });
    return { ok: true as const, id };
  });
}

/** Saves an edit if nobody saved one since `version` was read (409 otherwise). Open runs follow the new steps. */
export async function updatePlaybook(
  actor: StaffActor,
  id: string,
  version: number,
  input: PlaybookInput,
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    if (!(await segmentsExist(tx, input.segmentIds))) return { ok: false as const, error: "unknown_segment" as const };
    const updated = await tx
      .update(playbooks)
      .set({ ...input, version: sql`${playbooks.version} + 1`, updatedAt: new Date() })
      .where(and(eq(playbooks.id, id), eq(playbooks.version, version)))
      .returning({ id: playbooks.id });
    if (updated.length === 0) {
      const exists = await getPlaybook(id, tx);
      return { ok: false as const, error: exists ? ("stale" as const) : ("not_found" as const) };
    }
    await recordActivity(tx, {
      accountId: null,
      actorId: actor.id,
      action: "playbook.updated",
      subjectType: "playbook",
      subjectId: id,
      details: { name: input.name },
    });
    return { ok: true as const, id };
  });
}

/**
 * How a playbook is doing (one aggregate query): runs started, open now, resolved within 7 and 14
 * days of starting, and the median time to resolve in days (null before any run is resolved).
 */
export async function playbookMeasures(id: string, executor: Executor = db) {
  const resolvedDays = sql`extract(epoch from (${playbookRuns.resolvedAt} - ${playbookRuns.startedAt})) / 86400`;
  const [row] = await executor
    .select({
      started: sql<number>`count(*)::int`,
      open: sql<number>`(count(*) filter (where ${playbookRuns.status} = 'open'))::int`,
      resolved7: sql<number>`(count(*) filter (where ${playbookRuns.status} = 'resolved' and ${resolvedDays} <= 7))::int`,
      resolved14: sql<number>`(count(*) filter (where ${playbookRuns.status} = 'resolved' and ${resolvedDays} <= 14))::int`,
      medianDays: sql<
        number | null
      >`(percentile_cont(0.5) within group (order by ${resolvedDays}) filter (where ${playbookRuns.status} = 'resolved'))::float8`,
    })
    .from(playbookRuns)
    .where(eq(playbookRuns.playbookId, id));
  return {
    started: row?.started ?? 0,
    open: row?.open ?? 0,
    resolved7: row?.resolved7 ?? 0,
    resolved14: row?.resolved14 ?? 0,
    medianDays: row?.medianDays === null || row?.medianDays === undefined ? null : Number(row.medianDays),
  };
}
