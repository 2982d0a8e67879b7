import { createAsksForEvent } from "~/domain/advocacy/asks.server";
import { startPlaybookRunsForEvent } from "~/domain/interventions/runs.server";

/**
 * What happens after events commit. Areas that record events call this once their transaction has
 * committed; the areas that react are listed here, so who listens to what is readable in one place.
 * A failing reaction is logged and never undoes the change that caused it.
 */
export async function reactToEvents(eventIds: readonly string[]): Promise<void> {
  for (const id of eventIds) {
    try {
      await createAsksForEvent(id);
      await startPlaybookRunsForEvent(id);
    } catch (error) {
      console.error(`[events] reacting to ${id} failed`, error);
    }
  }
}
