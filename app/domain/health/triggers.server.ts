import type { Executor } from "~db/client.server";
import { enqueueUnlessWaiting } from "~/domain/jobs/enqueue.server";
import { QUEUES } from "~/domain/jobs/queues";

/** Seconds a request waits before it runs, so a burst of changes to one account is one recompute. */
const DEBOUNCE_SECONDS = 5;

/**
 * Asks for the account's health to be recomputed soon, in the caller's transaction: called by the
 * changes that feed the score (a task, a sign-off, an NPS answer, a pulse, a touch). While a
 * request for the account is waiting, another adds nothing.
 */
export async function requestHealthRecompute(executor: Executor, accountId: string): Promise<void> {
  await enqueueUnlessWaiting(
    executor,
    QUEUES.healthRecompute,
    { accountId },
    { singletonKey: `account:${accountId}`, startAfter: new Date(Date.now() + DEBOUNCE_SECONDS * 1000) },
  );
}
