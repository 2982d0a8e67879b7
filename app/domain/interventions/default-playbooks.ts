import type { PlaybookStep, PlaybookTrigger } from "./playbook-rules";

export interface DefaultPlaybook {
  name: string;
  description: string;
  trigger: PlaybookTrigger;
  steps: PlaybookStep[];
}

/** The days before renewal at which the CSM gets a checkpoint work item (issue 15). */
const RENEWAL_CHECKPOINT_DAYS = [120, 90, 30] as const;

const CHECKPOINT_WORK: Record<(typeof RENEWAL_CHECKPOINT_DAYS)[number], string> = {
  120: "review adoption and value with the champion, and agree the success story the renewal rests on",
  90: "confirm the decision makers and the commercial terms, and call the renewal forecast",
  30: "send the renewal paperwork and clear any blocker to signing",
};

/**
 * The sensible defaults a new workspace starts with (the demo seeds them); admins edit them at
 * /playbooks. Each explains itself in its description. The renewal checkpoints run once per
 * account and renewal date, and stop when the renewal is closed (the date moves on) or the account
 * churns.
 */
export const DEFAULT_PLAYBOOKS: readonly DefaultPlaybook[] = [
  {
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
  ...RENEWAL_CHECKPOINT_DAYS.map((days) => ({
    name: `Renewal checkpoint — ${days} days`,
    description: `${days} days before an account's renewal date, the CSM gets a work item: ${CHECKPOINT_WORK[days]}. Stops when the renewal is closed (its date moves on) or the account churns.`,
    trigger: { kind: "renewal_within" as const, days },
    steps: [{ kind: "create_work_item" as const, delayDays: 0 }],
  })),
  {
    name: "Quiet account",
    description:
      "When nobody of an account has signed in to the portal for 21 days: tell the champion, and a week later give the CSM a work item. Stops when someone signs in.",
    trigger: { kind: "no_sign_in", days: 21 },
    steps: [
      { kind: "tell_champion", delayDays: 0 },
      { kind: "create_work_item", delayDays: 7 },
    ],
  },
];
