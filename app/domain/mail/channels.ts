import type { Channel, NotificationKind, OptionalMailKind } from "~db/schema/mail";

export { CHANNELS, NOTIFICATION_KINDS, type Channel, type NotificationKind } from "~db/schema/mail";

/**
 * Each kind's channels a person may choose from, the first being the default. Only the reminders
 * and the community emailed before, so the new kinds start in the app alone. "Digest" is offered
 * where the weekly digest tells of the thing: it lists open tasks and asks itself, and keeps a line
 * for a comment, a sign-off or a case study (digest-lines.server.ts). The community's own mail has
 * no digest.
 */
export const KIND_CHANNELS: Record<NotificationKind, readonly Channel[]> = {
  task_assigned: ["app", "app_email", "email", "digest", "off"],
  task_comment: ["app", "app_email", "email", "digest", "off"],
  task_due: ["app_email", "app", "email", "digest", "off"],
  signoff_waiting: ["app", "app_email", "email", "digest", "off"],
  ask_waiting: ["app", "app_email", "email", "digest", "off"],
  case_study_review: ["app", "app_email", "email", "digest", "off"],
  community: ["app_email", "app", "email", "off"],
};

export const defaultChannel = (kind: NotificationKind): Channel => KIND_CHANNELS[kind][0]!;
export const inApp = (channel: Channel) => channel === "app" || channel === "app_email";
export const byEmail = (channel: Channel) => channel === "email" || channel === "app_email";

/** The bell kinds the digest lists only through a line kept for it (the others it reads at the source). */
export const DIGEST_LINE_NOTICE_KINDS = ["task_comment", "signoff_waiting", "case_study_review"] as const;
export function keepsDigestLine(
  kind: NotificationKind,
  channel: Channel,
): kind is (typeof DIGEST_LINE_NOTICE_KINDS)[number] {
  return channel === "digest" && (DIGEST_LINE_NOTICE_KINDS as readonly string[]).includes(kind);
}

/** The notification kind an email belongs to (its channel decides whether it goes), if any. */
export function notificationKindOfMail(kind: OptionalMailKind): NotificationKind | null {
  if (kind === "reminders") return "task_due";
  if (kind === "champion" || kind === "digest") return null;
  return kind;
}

/** The channel without email (the unsubscribe link): app_email → app, email → off. */
export const withoutEmail = (channel: Channel): Channel =>
  channel === "app_email" ? "app" : channel === "email" ? "off" : channel;
