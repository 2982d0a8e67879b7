import { z } from "zod";
import { listTimeZones } from "~/lib/time-zones";
import { CHANNELS, type Channel, KIND_CHANNELS, NOTIFICATION_KINDS, type NotificationKind } from "./channels";
import { DEFAULT_DIGEST } from "./digest";
import { parseTimeOfDay } from "./quiet-hours";

/** A checkbox: present ("on") or not. */
const Checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

/** A kind's channel select: one of the channels that kind offers. */
const channelField = (kind: NotificationKind) =>
  z
    .enum(CHANNELS as unknown as [Channel, ...Channel[]], {
      errorMap: () => ({ message: "settings:notifications.errors.channel" }),
    })
    .refine((channel) => KIND_CHANNELS[kind].includes(channel), "settings:notifications.errors.channel")
    // Missing (a page from before channels): the kind keeps what the person chose.
    .optional();

/** The form field of a kind's channel. */
export const channelFieldName = (kind: NotificationKind) => `channel_${kind}` as const;

const channelFields = {
  channel_task_assigned: channelField("task_assigned"),
  channel_task_comment: channelField("task_comment"),
  channel_task_due: channelField("task_due"),
  channel_signoff_waiting: channelField("signoff_waiting"),
  channel_ask_waiting: channelField("ask_waiting"),
  channel_case_study_review: channelField("case_study_review"),
  channel_community: channelField("community"),
} satisfies Record<ReturnType<typeof channelFieldName>, unknown>;

/**
 * The notification settings form. Quiet hours are two times of day (24-hour "HH:MM") read in the
 * chosen time zone; when they're off the times are ignored, so a half-typed time doesn't block
 * turning a kind of email off.
 */
export const NotificationPreferencesSchema = z
  .object({
    ...channelFields,
    champion: Checkbox,
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
    email: { champion: input.champion, digest: input.digest },
    channels: Object.fromEntries(
      NOTIFICATION_KINDS.flatMap((kind) => {
        const channel = input[channelFieldName(kind)];
        return channel ? [[kind, channel]] : [];
      }),
    ) as Partial<Record<NotificationKind, Channel>>,
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
