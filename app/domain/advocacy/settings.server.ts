import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "~db/client.server";
import { type AskRule, advocacySettings, askRules } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { StaffActor } from "~/domain/auth/actor";
import { newId } from "~/lib/ids.server";
import { ASK_SIGNALS, ASK_TYPES, DEFAULT_GUARDRAILS, type Guardrails } from "./ask-rules";

const SETTINGS_ID = "workspace";

/** The guardrails in force: the saved row, or the defaults until someone saves. */
export async function getGuardrails(executor: Executor = db): Promise<Guardrails & { version: number }> {
  const [row] = await executor.select().from(advocacySettings).where(eq(advocacySettings.id, SETTINGS_ID)).limit(1);
  return row
    ? {
        cooldownDays: row.cooldownDays,
        declinedRepeatDays: row.declinedRepeatDays,
        referenceCallsPerQuarter: row.referenceCallsPerQuarter,
        version: row.version,
      }
    : { ...DEFAULT_GUARDRAILS, version: 0 };
}

export const GuardrailsSchema = z.object({
  cooldownDays: z.coerce
    .number({ message: "advocacy.wholeDays" })
    .int("advocacy.wholeDays")
    .min(0, "advocacy.wholeDays")
    .max(365, "advocacy.wholeDays"),
  declinedRepeatDays: z.coerce
    .number({ message: "advocacy.wholeDays" })
    .int("advocacy.wholeDays")
    .min(0, "advocacy.wholeDays")
    .max(730, "advocacy.wholeDays"),
  referenceCallsPerQuarter: z.coerce
    .number({ message: "advocacy.fatigueRange" })
    .int("advocacy.fatigueRange")
    .min(1, "advocacy.fatigueRange")
    .max(50, "advocacy.fatigueRange"),
  version: z.coerce.number().int().min(0),
});
export type GuardrailsInput = z.infer<typeof GuardrailsSchema>;

/** Saves the guardrails; refused ("stale") when someone saved since the form was loaded. */
export async function saveGuardrails(
  actor: StaffActor,
  input: GuardrailsInput,
): Promise<{ ok: true } | { ok: false; error: "stale" }> {
  return db.transaction(async (tx) => {
    const { version, ...values } = input;
    const current = await getGuardrails(tx);
    if (current.version !== version) return { ok: false as const, error: "stale" as const };
    if (version === 0) {
      const inserted = await tx
        .insert(advocacySettings)
        .values({ id: SETTINGS_ID, ...values })
        .onConflictDoNothing()
        .returning({ id: advocacySettings.id });
      if (inserted.length === 0) return { ok: false as const, error: "stale" as const };
    } else {
      const updated = await tx
        .update(advocacySettings)
        .set({ ...values, version: sql`${advocacySettings.version} + 1`, updatedAt: new Date() })
        .where(and(eq(advocacySettings.id, SETTINGS_ID), eq(advocacySettings.version, version)))
        .returning({ id: advocacySettings.id });
      if (updated.length === 0) return { ok: false as const, error: "stale" as const };
    }
    await recordActivity(tx, {
      accountId: null,
      actorId: actor.id,
      action: "advocacy.guardrails_saved",
      subjectType: "advocacy_settings",
      subjectId: SETTINGS_ID,
      details: { from: current, to: values },
    });
    return { ok: true as const };
  });
}

export async function listAskRules(executor: Executor = db): Promise<AskRule[]> {
  return executor.select().from(askRules).orderBy(asc(askRules.signal), asc(askRules.createdAt));
}

export const AskRuleSchema = z
  .object({
    signal: z.enum(ASK_SIGNALS, { message: "advocacy.signalRequired" }),
    askType: z.enum(ASK_TYPES, { message: "advocacy.askTypeRequired" }),
    reviewUrl: z
      .string()
      .trim()
      .max(500, "field.tooLong")
      .default("")
      .refine((value) => value === "" || /^https:\/\/[^\s]+$/.test(value), "advocacy.reviewUrlInvalid"),
  })
  .refine((rule) => rule.askType !== "review" || rule.reviewUrl !== "", {
    message: "advocacy.reviewUrlRequired",
    path: ["reviewUrl"],
  });
export type AskRuleInput = z.infer<typeof AskRuleSchema>;

/** Adds a rule; one rule per signal and ask type ("duplicate" otherwise). */
export async function createAskRule(
  actor: StaffActor,
  input: AskRuleInput,
): Promise<{ ok: true; id: string } | { ok: false; error: "duplicate" }> {
  return db.transaction(async (tx) => {
    const id = newId();
    const inserted = await tx
      .insert(askRules)
      .values({
        id,
        signal: input.signal,
        askType: input.askType,
        reviewUrl: input.askType === "review" ? input.reviewUrl : null,
        createdById: actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: askRules.id });
    if (inserted.length === 0) return { ok: false as const, error: "duplicate" as const };
    await recordActivity(tx, {
      accountId: null,
      actorId: actor.id,
      action: "advocacy.rule_created",
      subjectType: "ask_rule",
      subjectId: id,
      details: { ...input },
    });
    return { ok: true as const, id };
  });
}

/** Turns a rule on or off; false when there is no such rule. */
export async function setAskRuleEnabled(actor: StaffActor, id: string, enabled: boolean): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(askRules)
      .set({ enabled })
      .where(eq(askRules.id, id))
      .returning({ id: askRules.id });
    if (updated.length === 0) return false;
    await recordActivity(tx, {
      accountId: null,
      actorId: actor.id,
      action: "advocacy.rule_toggled",
      subjectType: "ask_rule",
      subjectId: id,
      details: { from: !enabled, to: enabled },
    });
    return true;
  });
}
