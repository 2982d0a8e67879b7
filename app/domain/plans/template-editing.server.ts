import { and, count, eq, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { planTemplates, plans, segments } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { canInWorkspace } from "~/domain/auth/authorization";
import { newId } from "~/lib/ids.server";
import { type TemplateInput, copyName, definitionFromInput } from "./template-schemas";

/**
 * Staff create, edit, duplicate and delete plan templates. Each change is one transaction with its
 * activity entry (templates belong to no account, so the entry has none). Edits carry the version
 * the editor loaded: a stale save or delete is refused, never silently lost.
 */
export type TemplateWriteError = "forbidden" | "not_found" | "stale" | "name_taken" | "unknown_segment";
export type TemplateWriteResult = { ok: true; id: string } | { ok: false; error: TemplateWriteError };

const NAME_INDEX = "plan_templates_name_idx";

/** Two people saving the same new name at once: the unique index decides, and the loser hears "taken". */
function isNameConflict(error: unknown): boolean {
  for (
    let cause = error as { code?: string; constraint_name?: string; cause?: unknown } | undefined;
    cause;
    cause = cause.cause as typeof cause
  ) {
    if (cause.code === "23505" && cause.constraint_name === NAME_INDEX) return true;
  }
  return false;
}

async function nameTaken(tx: Executor, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: planTemplates.id })
    .from(planTemplates)
    .where(
      and(
        sql`lower(${planTemplates.name}) = lower(${name})`,
        exceptId ? sql`${planTemplates.id} <> ${exceptId}` : undefined,
      ),
    );
  return Boolean(row);
}

async function segmentExists(tx: Executor, segmentId: string | null): Promise<boolean> {
  if (segmentId === null) return true;
  const [row] = await tx.select({ id: segments.id }).from(segments).where(eq(segments.id, segmentId));
  return Boolean(row);
}

async function guarded(write: () => Promise<TemplateWriteResult>): Promise<TemplateWriteResult> {
  try {
    return await write();
  } catch (error) {
    if (isNameConflict(error)) return { ok: false, error: "name_taken" };
    throw error;
  }
}

export async function createTemplate(actor: Actor, input: TemplateInput): Promise<TemplateWriteResult> {
  if (!canInWorkspace(actor, "templates.manage")) return { ok: false, error: "forbidden" };
  return guarded(() =>
    db.transaction(async (tx): Promise<TemplateWriteResult> => {
      if (await nameTaken(tx, input.name)) return { ok: false, error: "name_taken" };
      if (!(await segmentExists(tx, input.segmentId))) return { ok: false, error: "unknown_segment" };
      const id = newId();
      await tx.insert(planTemplates).values({
        id,
        name: input.name,
        description: input.description,
        segmentId: input.segmentId,
        definition: definitionFromInput(input),
      });
      await recordActivity(tx, {
        accountId: null,
        actorId: actor.id,
        action: "template.created",
        subjectType: "template",
        subjectId: id,
        details: { name: input.name },
      });
      return { ok: true, id };
    }),
  );
}

export async function updateTemplate(
  actor: Actor,
  id: string,
  input: TemplateInput,
  expectedVersion: number,
): Promise<TemplateWriteResult> {
  if (!canInWorkspace(actor, "templates.manage")) return { ok: false, error: "forbidden" };
  return guarded(() =>
    db.transaction(async (tx): Promise<TemplateWriteResult> => {
      const [before] = await tx.select().from(planTemplates).where(eq(planTemplates.id, id)).for("update");
      if (!before) return { ok: false, error: "not_found" };
      if (before.version !== expectedVersion) return { ok: false, error: "stale" };
      if (await nameTaken(tx, input.name, id)) return { ok: false, error: "name_taken" };
      if (!(await segmentExists(tx, input.segmentId))) return { ok: false, error: "unknown_segment" };
      const definition = definitionFromInput(input);
      await tx
        .update(planTemplates)
        .set({
          name: input.name,
          description: input.description,
          segmentId: input.segmentId,
          definition,
          version: before.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(planTemplates.id, id));
      await recordActivity(tx, {
        accountId: null,
        actorId: actor.id,
        action: "template.updated",
        subjectType: "template",
        subjectId: id,
        details: {
          name: input.name,
          ...(before.name !== input.name ? { renamedFrom: before.name } : {}),
          version: before.version + 1,
          counts: {
            outcomes: definition.outcomes.length,
            milestones: definition.milestones.length,
            tasks: definition.tasks.length,
          },
        },
      });
      return { ok: true, id };
    }),
  );
}

/** A copy under a free name ("… (copy)", "… (copy 2)"), to start a variant from. */
export async function duplicateTemplate(actor: Actor, id: string): Promise<TemplateWriteResult> {
  if (!canInWorkspace(actor, "templates.manage")) return { ok: false, error: "forbidden" };
  return guarded(() =>
    db.transaction(async (tx): Promise<TemplateWriteResult> => {
      const [source] = await tx.select().from(planTemplates).where(eq(planTemplates.id, id));
      if (!source) return { ok: false, error: "not_found" };
      const taken = new Set(
        (await tx.select({ name: sql<string>`lower(${planTemplates.name})` }).from(planTemplates)).map(
          (row) => row.name,
        ),
      );
      let attempt = 1;
      while (taken.has(copyName(source.name, attempt).toLowerCase())) attempt += 1;
      const name = copyName(source.name, attempt);
      const copyId = newId();
      await tx.insert(planTemplates).values({
        id: copyId,
        name,
        description: source.description,
        segmentId: source.segmentId,
        definition: source.definition,
      });
      await recordActivity(tx, {
        accountId: null,
        actorId: actor.id,
        action: "template.duplicated",
        subjectType: "template",
        subjectId: copyId,
        details: { name, fromId: source.id, fromName: source.name },
      });
      return { ok: true, id: copyId };
    }),
  );
}

/**
 * Deletes a template. Plans made from it keep everything: a plan is a dated copy of its template,
 * so it only loses the link (plans.template_id becomes null; the plan's "plan.created" activity
 * entry still names the template). Retiring an old template must not be blocked by every plan
 * ever started from it.
 */
export async function deleteTemplate(
  actor: Actor,
  id: string,
  expectedVersion: number,
): Promise<
  | { ok: true; detachedPlans: number }
  | { ok: false; error: Exclude<TemplateWriteError, "name_taken" | "unknown_segment"> }
> {
  if (!canInWorkspace(actor, "templates.manage")) return { ok: false, error: "forbidden" };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(planTemplates).where(eq(planTemplates.id, id)).for("update");
    if (!before) return { ok: false as const, error: "not_found" as const };
    if (before.version !== expectedVersion) return { ok: false as const, error: "stale" as const };
    const detached = await tx
      .update(plans)
      .set({ templateId: null })
      .where(eq(plans.templateId, id))
      .returning({ id: plans.id });
    await tx.delete(planTemplates).where(eq(planTemplates.id, id));
    await recordActivity(tx, {
      accountId: null,
      actorId: actor.id,
      action: "template.deleted",
      subjectType: "template",
      subjectId: id,
      details: { name: before.name, detachedPlans: detached.length },
    });
    return { ok: true as const, detachedPlans: detached.length };
  });
}

/** How many plans were started from a template (shown before deleting it). */
export async function countPlansFromTemplate(id: string, executor: Executor = db): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(plans).where(eq(plans.templateId, id));
  return row?.n ?? 0;
}
