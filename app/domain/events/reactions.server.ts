import { createAsksForEvents } from "~/domain/advocacy/asks.server";
import { startPlaybookRunsForEvents } from "~/domain/interventions/runs.server";
import { getEvents } from "./record.server";
import type { DomainEvent } from "./types";

/** Events reacted to together: each area answers a batch in a fixed number of queries. */
const REACTION_BATCH = 1000;

/** Who reacts to events, in order: readable in one place. */
const REACTIONS: { name: string; react: (events: readonly DomainEvent[]) => Promise<unknown> }[] = [
  { name: "advocacy asks", react: (events) => createAsksForEvents(events) },
  { name: "playbooks", react: (events) => startPlaybookRunsForEvents(events) },
];

/**
 * What happens after events commit. Areas that record events call this once their transaction has
 * committed; the areas that react are listed above. A batch of events is read in one query and
 * handed to each reaction whole; a failing reaction is logged and never undoes the change that
 * caused it — a failed batch is tried again event by event, so one bad event doesn't hold up the rest.
 */
export async function reactToEvents(eventIds: readonly string[]): Promise<void> {
  for (let start = 0; start < eventIds.length; start += REACTION_BATCH) {
    let batch: DomainEvent[];
    try {
      batch = await getEvents(eventIds.slice(start, start + REACTION_BATCH));
    } catch (error) {
      console.error(`[events] reading ${eventIds.length} event(s) failed`, error);
      return;
    }
    for (const { name, react } of REACTIONS) {
      try {
        await react(batch);
      } catch (error) {
        if (batch.length === 1) {
          console.error(`[events] ${name}: reacting to ${batch[0]!.id} failed`, error);
          continue;
        }
        console.error(`[events] ${name}: reacting to ${batch.length} events failed; trying them one by one`, error);
        for (const event of batch) {
          try {
            await react([event]);
          } catch (eventError) {
            console.error(`[events] ${name}: reacting to ${event.id} failed`, eventError);
          }
        }
      }
    }
  }
}
