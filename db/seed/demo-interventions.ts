import type { Transaction } from "../client.server";
import { playbooks } from "../schema";
import { newId } from "../../app/lib/ids.server";

/**
 * The default playbooks, each explaining itself in its description. Admins edit them at /playbooks.
 * (Seeding runs with history for Helix's overdue tasks is left for a follow-up; see the issue note.)
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
