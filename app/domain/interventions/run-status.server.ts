import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "~db/client.server";
import { playbookRuns } from "~db/schema";

/** Which of these playbook runs are still open: their reason holds (what a digest line about one checks). */
export async function openRunIds(executor: Executor, runIds: readonly string[]): Promise<Set<string>> {
  if (runIds.length === 0) return new Set();
  const rows = await executor
    .select({ id: playbookRuns.id })
    .from(playbookRuns)
    .where(and(inArray(playbookRuns.id, [...new Set(runIds)]), eq(playbookRuns.status, "open")));
  return new Set(rows.map((row) => row.id));
}
