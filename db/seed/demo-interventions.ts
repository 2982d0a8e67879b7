import type { Transaction } from "../client.server";
import { playbooks } from "../schema";
import { DEFAULT_PLAYBOOKS } from "../../app/domain/interventions/default-playbooks";
import {
  startConditionRuns,
  startPlaybookRunsForEvent,
  advancePlaybookRuns,
} from "../../app/domain/interventions/runs.server";
import { recordOverdueTasks } from "../../app/domain/plans/overdue-tasks.server";
import { newId } from "../../app/lib/ids.server";
import { DAY_MS } from "../../app/lib/time";

/** The default playbooks (app/domain/interventions/default-playbooks.ts). Admins edit them at /playbooks. */
export async function seedDemoInterventions(tx: Transaction) {
  await tx.insert(playbooks).values(DEFAULT_PLAYBOOKS.map((playbook) => ({ id: newId(), ...playbook })));
}

/** How far back the demo's playbooks have been running: long enough for every step of "Overdue task". */
const INTERVENTION_HISTORY_DAYS = 21;

/**
 * The demo's playbook history, made by the jobs themselves: the last three weeks replayed a day at a
 * time (the overdue job, the condition triggers, the playbooks job at 09:00 UTC), so Helix's overdue
 * tasks show every step — the assignee reminded, the champion told, the CSM's work item, the
 * escalation — with the runs, steps, reminders, emails and work items each step really makes.
 * Runs after the demo is committed, like the health history.
 */
export async function seedDemoInterventionHistory(now = new Date()) {
  const start =
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9) - INTERVENTION_HISTORY_DAYS * DAY_MS;
  for (let at = start; at <= now.getTime(); at += DAY_MS) {
    const day = new Date(at);
    const { eventIds } = await recordOverdueTasks(day);
    for (const id of eventIds) await startPlaybookRunsForEvent(id);
    await startConditionRuns(day);
    await advancePlaybookRuns(day);
  }
}
