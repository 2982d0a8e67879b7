import { daysUntil } from "~/lib/format";
import { addDays } from "~/domain/telemetry/usage";
import { OVERRIDE_DEFAULT_DAYS, OVERRIDE_MAX_DAYS } from "./schemas";

/*
 * When a hand-set grade counts. Pure: the expiry is a day of the account's calendar, and "today"
 * is the caller's (the account's) day.
 */

export type OverrideExpiryProblem = "expiry_past" | "expiry_too_far";

/** The expiry the form suggests: 30 days from the account's today. */
export function defaultOverrideExpiry(today: string): string {
  return addDays(today, OVERRIDE_DEFAULT_DAYS);
}

/** The last day it may count: 180 days from today. */
export function latestOverrideExpiry(today: string): string {
  return addDays(today, OVERRIDE_MAX_DAYS);
}

/** Why an expiry can't be set: before today, or more than 180 days ahead. Today itself is allowed (it counts through today). */
export function overrideExpiryProblem(expiresOn: string, today: string): OverrideExpiryProblem | null {
  const ahead = daysUntil(expiresOn, today);
  if (ahead < 0) return "expiry_past";
  if (ahead > OVERRIDE_MAX_DAYS) return "expiry_too_far";
  return null;
}

export type OverrideState = "active" | "expired" | "ended";

/** Whether an override counts on `today`: ended early by someone, past its last day, or active. */
export function overrideState(
  override: { expiresOn: string; endedAt: Date | string | null },
  today: string,
): OverrideState {
  if (override.endedAt !== null) return "ended";
  return daysUntil(override.expiresOn, today) < 0 ? "expired" : "active";
}
