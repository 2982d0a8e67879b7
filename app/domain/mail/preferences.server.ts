import { eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { type MailKind, type OptionalMailKind, OPTIONAL_MAIL_KINDS, notificationPreferences, users } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { setTimeZone } from "~/domain/people/profile.server";
import { DEFAULT_DIGEST } from "./digest";
import { quietHoursEnd } from "./quiet-hours";

const COLUMN = {
  reminders: "emailReminders",
  champion: "emailChampion",
  community: "emailCommunity",
  digest: "emailDigest",
} as const satisfies Record<OptionalMailKind, keyof typeof notificationPreferences.$inferSelect>;

export function isOptionalKind(kind: MailKind | undefined): kind is OptionalMailKind {
  return (OPTIONAL_MAIL_KINDS as readonly string[]).includes(kind ?? "");
}

export interface PreferencesView {
  email: Record<OptionalMailKind, boolean>;
  /** Minutes after local midnight; null when the person has no quiet hours. */
  quietHours: { startMinute: number; endMinute: number } | null;
  timeZone: string;
  /** When the weekly digest comes: ISO weekday (1 = Monday) and hour, in `timeZone`. */
  digest: { day: number; hour: number };
}

type PreferencesRow = { prefs: typeof notificationPreferences.$inferSelect | null; timeZone: string | null };

function preferencesView(row: PreferencesRow | undefined): PreferencesView {
  const prefs = row?.prefs;
  return {
    email: {
      reminders: prefs?.emailReminders ?? true,
      champion: prefs?.emailChampion ?? true,
      community: prefs?.emailCommunity ?? true,
      digest: prefs?.emailDigest ?? true,
    },
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
  email: Record<OptionalMailKind, boolean>;
  quietHours: { startMinute: number; endMinute: number } | null;
  timeZone: string;
  digest?: { day: number; hour: number };
}

/** The person saves their own settings (and the time zone their quiet hours are read in), in one transaction. */
export async function saveNotificationPreferences(actor: Actor, input: PreferencesInput): Promise<void> {
  const values = {
    emailReminders: input.email.reminders,
    emailChampion: input.email.champion,
    emailCommunity: input.email.community,
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
  await db
    .insert(notificationPreferences)
    .values({ userId, accountId: person.accountId, [COLUMN[kind]]: false })
    .onConflictDoUpdate({
      target: notificationPreferences.userId,
      set: { [COLUMN[kind]]: false, updatedAt: sql`now()` },
    });
  return true;
}

/** Whether and when mail of a kind goes: `null` when it is off, else when it may be sent. */
export type MailSchedule = { sendAfter: Date | null } | null;

function scheduleFor(prefs: PreferencesView, kind: OptionalMailKind, now: Date): MailSchedule {
  if (!prefs.email[kind]) return null;
  if (!prefs.quietHours) return { sendAfter: null };
  return { sendAfter: quietHoursEnd(now, { ...prefs.quietHours, timeZone: prefs.timeZone }) };
}

/**
 * Whether and when an email of this kind goes to this person: `null` when they turned the kind
 * off, else the instant it may be sent (`null` sendAfter: at once; else the end of their quiet
 * hours, read in their own time zone). Kinds outside the preferences (security, conversation) are
 * always sent at once.
 */
export async function mailSchedule(
  executor: Executor,
  recipientId: string,
  kind: MailKind,
  now = new Date(),
): Promise<MailSchedule> {
  if (!isOptionalKind(kind)) return { sendAfter: null };
  return scheduleFor(await getNotificationPreferences(recipientId, executor), kind, now);
}

export const scheduleKey = (recipientId: string, kind: MailKind) => `${recipientId}:${kind}`;

/**
 * `mailSchedule` for many people and kinds in one query: answers each (person, kind) by
 * `scheduleKey(recipientId, kind)`.
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
