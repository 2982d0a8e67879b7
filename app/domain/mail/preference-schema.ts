import { z } from "zod";
import { listTimeZones } from "~/lib/time-zones";
import { DEFAULT_DIGEST } from "./digest";
import { parseTimeOfDay } from "./quiet-hours";

/** A checkbox: present ("on") or not. */
const Checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

/**
 * The notification settings form. Quiet hours are two times of day (24-hour "HH:MM") read in the
 * chosen time zone; when they're off the times are ignored, so a half-typed time doesn't block
 * turning a kind of email off.
 */
export const NotificationPreferencesSchema = z
  .object({
    reminders: Checkbox,
    champion: Checkbox,
    community: Checkbox,
    digest: Checkbox,
    quietHours: Checkbox,
    quietStart: z.string().max(20).optional(),
    quietEnd: z.string().max(20).optional(),
    digestDay: z.coerce
      .number({ invalid_type_error: "settings:notifications.errors.digestDay" })
      .int("settings:notifications.errors.digestDay")
      .min(1, "settings:notifications.errors.digestDay")
      .max(7, "settings:notifications.errors.digestDay")
      .default(DEFAULT_DIGEST.day),
    digestHour: z.coerce
      .number({ invalid_type_error: "settings:notifications.errors.digestHour" })
      .int("settings:notifications.errors.digestHour")
      .min(0, "settings:notifications.errors.digestHour")
      .max(23, "settings:notifications.errors.digestHour")
      .default(DEFAULT_DIGEST.hour),
    timeZone: z
      .string()
      .max(64)
      .refine((zone) => listTimeZones().includes(zone), "settings:notifications.errors.timeZone"),
  })
  .superRefine((input, ctx) => {
    if (!input.quietHours) return;
    for (const field of ["quietStart", "quietEnd"] as const) {
      if (parseTimeOfDay(input[field] ?? "") === null)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: "settings:notifications.errors.time" });
    }
    if (input.quietStart && input.quietStart === input.quietEnd) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["quietEnd"],
        message: "settings:notifications.errors.sameTimes",
      });
    }
  })
  .transform((input) => ({
    email: { reminders: input.reminders, champion: input.champion, community: input.community, digest: input.digest },
    quietHours:
      input.quietHours && input.quietStart && input.quietEnd
        ? {
            startMinute: parseTimeOfDay(input.quietStart) as number,
            endMinute: parseTimeOfDay(input.quietEnd) as number,
          }
        : null,
    timeZone: input.timeZone,
    digest: { day: input.digestDay, hour: input.digestHour },
  }));

/** What the form shows when a person turns quiet hours on for the first time: the evening to the morning. */
export const SUGGESTED_QUIET_HOURS = { start: "20:00", end: "08:00" } as const;
