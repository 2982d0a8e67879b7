import type { Channel, NotificationKind, OptionalMailKind } from "~db/schema/mail";

export { CHANNELS, NOTIFICATION_KINDS, type Channel, type NotificationKind } from "~db/schema/mail";

/**
 * Each kind's channels a person may choose from, the first being the default. Only the reminders
 * and the community emailed before, so the new kinds start in the app alone; "digest" is offered
 * where the weekly digest lists the thing (open tasks and asks).
 */
export const KIND_CHANNELS: Record<NotificationKind, readonly Channel[]> = {
  task_assigned: ["app", "app_email", "email", "digest", "off"],
  task_comment: ["app", "app_email", "email", "off"],
  task_due: ["app_email", "app", "email", "digest", "off"],
  signoff_waiting: ["app", "app_email", "email", "off"],
  ask_waiting: ["app", "app_email", "email", "digest", "off"],
  case_study_review: ["app", "app_email", "email", "off"],
  community: ["app_email", "app", "email", "off"],
};

export const defaultChannel = (kind: NotificationKind): Channel => KIND_CHANNELS[kind][0]!;
export const inApp = (channel: Channel) => channel === "app" || channel === "app_email";
export const byEmail = (channel: Channel) => channel === "email" || channel === "app_email";

/** The notification kind an email belongs to (its channel decides whether it goes), if any. */
export function notificationKindOfMail(kind: OptionalMailKind): NotificationKind | null {
  if (kind === "reminders") return "task_due";
  if (kind === "champion" || kind === "digest") return null;
  return kind;
}

/** The channel without email (the unsubscribe link): app_email → app, email → off. */
export const withoutEmail = (channel: Channel): Channel =>
  channel === "app_email" ? "app" : channel === "email" ? "off" : channel;
