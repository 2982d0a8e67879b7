import { and, eq } from "drizzle-orm";
import { db } from "../../../db/client.server";
import { playbookRuns } from "../../../db/schema";
import { reactToEvents } from "../../../app/domain/events/reactions.server";
import { advancePlaybookRuns } from "../../../app/domain/interventions/runs.server";
import { recordOverdueTasks } from "../../../app/domain/plans/overdue-tasks.server";

/*
 * A spec can't wait hours for the scheduled jobs or days for a playbook's delays. These do now what
 * the jobs would do on their next tick (for every account, as the jobs would), and let the days of
 * a delay pass for the test's own account only.
 */

/**
 * The hourly jobs: `task.overdue` for every task past due and the playbook runs it starts, then
 * the playbooks job, which takes each run's first step.
 */
export async function runOverdueJob(): Promise<void> {
  const { eventIds } = await recordOverdueTasks(new Date());
  await reactToEvents(eventIds);
  await advancePlaybookRuns(new Date());
}

/** The days until the account's open runs' next steps pass, then the playbooks job runs. */
export async function nextPlaybookStep(accountId: string): Promise<void> {
  await db
    .update(playbookRuns)
    .set({ nextStepAt: new Date() })
    .where(and(eq(playbookRuns.accountId, accountId), eq(playbookRuns.status, "open")));
  await advancePlaybookRuns(new Date());
}
