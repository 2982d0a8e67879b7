import { eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import {
  type Channel,
  type MailKind,
  type NotificationKind,
  type OptionalMailKind,
  NOTIFICATION_KINDS,
  OPTIONAL_MAIL_KINDS,
  notificationPreferences,
  users,
} from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { setTimeZone } from "~/domain/people/profile.server";
import { KIND_CHANNELS, byEmail, defaultChannel, notificationKindOfMail, withoutEmail } from "./channels";
import { DEFAULT_DIGEST } from "./digest";
import { quietHoursEnd } from "./quiet-hours";

/** The two kinds of email that are toggles, not channels. */
const COLUMN = {
  champion: "emailChampion",
  digest: "emailDigest",
} as const satisfies Partial<Record<OptionalMailKind, keyof typeof notificationPreferences.$inferSelect>>;

export function isOptionalKind(kind: MailKind | undefined): kind is OptionalMailKind {
  return (OPTIONAL_MAIL_KINDS as readonly string[]).includes(kind ?? "");
}

export interface PreferencesView {
  /** Whether each kind of email goes (for the channel kinds: whether their channel includes email). */
  email: Record<OptionalMailKind, boolean>;
  /** How the person hears of each kind: in the app, by email, both, only in the digest, or not. */
  channels: Record<NotificationKind, Channel>;
  /** Minutes after local midnight; null when the person has no quiet hours. */
  quietHours: { startMinute: number; endMinute: number } | null;
  timeZone: string;
  /** When the weekly digest comes: ISO weekday (1 = Monday) and hour, in `timeZone`. */
  digest: { day: number; hour: number };
}

type PreferencesRow = { prefs: typeof notificationPreferences.$inferSelect | null; timeZone: string | null };

/** A stored channel the kind still offers, else the kind's default. */
function channelOf(stored: Partial<Record<NotificationKind, Channel>> | undefined, kind: NotificationKind): Channel {
  const channel = stored?.[kind];
  return channel && KIND_CHANNELS[kind].includes(channel) ? channel : defaultChannel(kind);
}

function preferencesView(row: PreferencesRow | undefined): PreferencesView {
  const prefs = row?.prefs;
  const channels = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, channelOf(prefs?.channels, kind)]),
  ) as Record<NotificationKind, Channel>;
  const email = Object.fromEntries(
    OPTIONAL_MAIL_KINDS.map((kind) => {
      const notification = notificationKindOfMail(kind);
      return [
        kind,
        notification ? byEmail(channels[notification]) : (prefs?.[COLUMN[kind as keyof typeof COLUMN]] ?? true),
      ];
    }),
  ) as Record<OptionalMailKind, boolean>;
  return {
    email,
    channels,
    quietHours:
      prefs?.quietStartMinute != null && prefs.quietEndMinute != null
        ? { startMinute: prefs.quietStartMinute, endMinute: prefs.quietEndMinute }
        : null,
    timeZone: row?.timeZone ?? "UTC",
    digest: { day: prefs?.digestDay ?? DEFAULT_DIGEST.day, hour: prefs?.digestHour ?? DEFAULT_DIGEST.hour },
  };
}

/** The person's settings, or the defaults (every kind on, no quiet hours) when they never changed them. */
export async function getNotificationPreferences(userId: string, executor: Executor = db): Promise<PreferencesView> {
  const [row] = await executor
    .select({ prefs: notificationPreferences, timeZone: users.timeZone })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, userId));
  return preferencesView(row);
}

export interface PreferencesInput {
  /**
   * The champion and digest toggles; `reminders` / `community` (the toggles before channels) still
   * work: on = in the app and by email, off = in the app.
   */
  email: { champion: boolean; digest: boolean; reminders?: boolean; community?: boolean };
  /** The kinds to change; the others keep what the person chose before. */
  channels?: Partial<Record<NotificationKind, Channel>>;
  quietHours: { startMinute: number; endMinute: number } | null;
  timeZone: string;
  digest?: { day: number; hour: number };
}

/** The person saves their own settings (and the time zone their quiet hours are read in), in one transaction. */
export async function saveNotificationPreferences(actor: Actor, input: PreferencesInput): Promise<void> {
  const legacy: Partial<Record<NotificationKind, Channel>> = {};
  if (input.email.reminders !== undefined) legacy.task_due = input.email.reminders ? "app_email" : "app";
  if (input.email.community !== undefined) legacy.community = input.email.community ? "app_email" : "app";
  const before = (await getNotificationPreferences(actor.id)).channels;
  const wanted = { ...before, ...legacy, ...input.channels };
  const channels = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channelOf(wanted, kind)])) as Record<
    NotificationKind,
    Channel
  >;
  const values = {
    channels,
    // Kept in step with the channels for readers of the old columns.
    emailReminders: byEmail(channels.task_due),
    emailChampion: input.email.champion,
    emailCommunity: byEmail(channels.community),
    emailDigest: input.email.digest,
    quietStartMinute: input.quietHours?.startMinute ?? null,
    quietEndMinute: input.quietHours?.endMinute ?? null,
    ...(input.digest ? { digestDay: input.digest.day, digestHour: input.digest.hour } : {}),
    updatedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values({ userId: actor.id, accountId: actor.kind === "customer" ? actor.accountId : null, ...values })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
    await setTimeZone(tx, actor.id, input.timeZone);
  });
}

/** Turns one kind of email off for a person (the unsubscribe link); answers whether they exist. */
export async function turnOffKind(userId: string, kind: OptionalMailKind): Promise<boolean> {
  const [person] = await db.select({ accountId: users.accountId }).from(users).where(eq(users.id, userId));
  if (!person) return false;
  const notification = notificationKindOfMail(kind);
  let set: Partial<typeof notificationPreferences.$inferInsert>;
  if (notification) {
    const current = (await getNotificationPreferences(userId)).channels;
    const channels = { ...current, [notification]: withoutEmail(current[notification]) };
    set = {
      channels,
      ...(notification === "task_due" ? { emailReminders: false } : {}),
      ...(notification === "community" ? { emailCommunity: false } : {}),
    };
  } else {
    set = { [COLUMN[kind as keyof typeof COLUMN]]: false };
  }
  await db
    .insert(notificationPreferences)
    .values({ userId, accountId: person.accountId, ...set })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...set, updatedAt: sql`now()` } });
  return true;
}

/**
 * The channel of one notification kind for many people, in one query (people without settings
 * get the default): the bell's writers ask it before writing an item or an email.
 */
export async function channelsFor(
  executor: Executor,
  userIds: readonly string[],
  kind: NotificationKind,
): Promise<Map<string, Channel>> {
  const ids = [...new Set(userIds)];
  const rows = ids.length
    ? await executor
        .select({ userId: notificationPreferences.userId, channels: notificationPreferences.channels })
        .from(notificationPreferences)
        .where(inArray(notificationPreferences.userId, ids))
    : [];
  const stored = new Map(rows.map((row) => [row.userId, row.channels]));
  return new Map(ids.map((id) => [id, channelOf(stored.get(id), kind)]));
}

/** Whether and when mail of a kind goes: `null` when it is off, else when it may be sent. */
export type MailSchedule = { sendAfter: Date | null } | null;

function scheduleFor(prefs: PreferencesView, kind: OptionalMailKind, now: Date): MailSchedule {
  if (!prefs.email[kind]) return null;
  if (!prefs.quietHours) return { sendAfter: null };
  return { sendAfter: quietHoursEnd(now, { ...prefs.quietHours, timeZone: prefs.timeZone }) };
}

export const scheduleKey = (recipientId: string, kind: MailKind) => `${recipientId}:${kind}`;

/**
 * Whether and when an email of each kind goes to each person, in one query, by
 * `scheduleKey(recipientId, kind)`: `null` when they turned the kind off, else the instant it may be
 * sent (`null` sendAfter: at once; else the end of their quiet hours, read in their own time zone).
 * Kinds outside the preferences (security, conversation) are always sent at once.
 */
export async function mailSchedules(
  executor: Executor,
  wanted: readonly { recipientId: string; kind: MailKind }[],
  now = new Date(),
): Promise<Map<string, MailSchedule>> {
  const schedules = new Map<string, MailSchedule>();
  const ids = [...new Set(wanted.filter((want) => isOptionalKind(want.kind)).map((want) => want.recipientId))];
  const rows = ids.length
    ? await executor
        .select({ id: users.id, prefs: notificationPreferences, timeZone: users.timeZone })
        .from(users)
        .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
        .where(inArray(users.id, ids))
    : [];
  const byId = new Map(rows.map((row) => [row.id, preferencesView(row)]));
  for (const { recipientId, kind } of wanted) {
    schedules.set(
      scheduleKey(recipientId, kind),
      isOptionalKind(kind)
        ? scheduleFor(byId.get(recipientId) ?? preferencesView(undefined), kind, now)
        : { sendAfter: null },
    );
  }
  return schedules;
}
