import { recordOverdueTasks } from "../app/domain/plans/overdue-tasks.server";
import { applyTelemetryRetention } from "../app/domain/telemetry/retention.server";

const HOURLY = 60 * 60 * 1000;

/**
 * Records `task.overdue` events now and then every hour. The first run is not awaited, so start-up
 * doesn't wait for it; the timer is unref'd, so it never keeps the process alive. `stop()` cancels
 * the timer and waits for a run in progress, so shutdown closes the database after it.
 */
export function startOverdueTaskJob(options: { intervalMs?: number; log?: Pick<Console, "error" | "log"> } = {}) {
  const log = options.log ?? console;
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = recordOverdueTasks(new Date())
      .then(({ recorded }) => {
        if (recorded > 0) log.log(`Recorded ${recorded} overdue task event(s).`);
      })
      .then(async () => {
        await applyTelemetryRetention(new Date());
      })
      .catch((error: unknown) => log.error("Recording overdue tasks failed; trying again next hour.", error))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? HOURLY);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
