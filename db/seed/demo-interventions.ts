import type { Transaction } from "../client.server";
import { playbooks } from "../schema";
import {
  startConditionRuns,
  startPlaybookRunsForEvent,
  advancePlaybookRuns,
} from "../../app/domain/interventions/runs.server";
import { recordOverdueTasks } from "../../app/domain/plans/overdue-tasks.server";
import { newId } from "../../app/lib/ids.server";
import { DAY_MS } from "../../app/lib/time";

/**
 * The default playbooks, each explaining itself in its description. Admins edit them at /playbooks.
 */
export async function seedDemoInterventions(tx: Transaction) {
  await tx.insert(playbooks).values([
    {
      id: newId(),
      name: "Overdue task",
      description:
        "When a plan task goes overdue: remind its assignee at once, tell the champion after 3 days, give the CSM a work item after 7, and escalate to an admin after 14 more. Stops as soon as the task is done.",
      trigger: { kind: "task_overdue" },
      steps: [
        { kind: "remind_assignee", delayDays: 0 },
        { kind: "tell_champion", delayDays: 3 },
        { kind: "create_work_item", delayDays: 4 },
        { kind: "escalate_admin", delayDays: 7 },
      ],
    },
    {
      id: newId(),
      name: "Renewal in 90 days",
      description:
        "Ninety days before an account's renewal date, the CSM gets a work item to prepare the renewal conversation. Stops if the renewal date moves.",
      trigger: { kind: "renewal_within", days: 90 },
      steps: [{ kind: "create_work_item", delayDays: 0 }],
    },
    {
      id: newId(),
      name: "Quiet account",
      description:
        "When nobody of an account has signed in to the portal for 21 days: tell the champion, and a week later give the CSM a work item. Stops when someone signs in.",
      trigger: { kind: "no_sign_in", days: 21 },
      steps: [
        { kind: "tell_champion", delayDays: 0 },
        { kind: "create_work_item", delayDays: 7 },
      ],
    },
  ]);
}

/** How far back the demo's playbooks have been running: long enough for every step of "Overdue task". */
export const INTERVENTION_HISTORY_DAYS = 21;

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
