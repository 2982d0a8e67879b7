import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { users } from "~db/schema";
import type { Locale } from "~/i18n/locales";

/** What the settings page shows about the signed-in person; `hasPassword` decides the password form. */
export async function getProfile(userId: string) {
  const [row] = await db
    .select({
      name: users.name,
      title: users.title,
      meetingUrl: users.meetingUrl,
      staffRole: users.staffRole,
      email: users.email,
      locale: users.locale,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  // The hash itself never leaves the server; the page only needs to know whether there is one.
  return {
    name: row.name,
    title: row.title,
    // Only staff have a meeting link (customers book with their CSM, not the other way round).
    meetingUrl: row.staffRole ? row.meetingUrl : null,
    email: row.email,
    locale: row.locale,
    hasPassword: row.passwordHash !== null,
  };
}

/**
 * A person edits their own name and job title, and staff their meeting link (validated by the
 * caller's `MeetingUrlSchema`; ignored for customer people); email and role are changed by others.
 */
export async function updateProfile(
  userId: string,
  profile: { name: string; title: string; meetingUrl?: string | null },
): Promise<void> {
  await db
    .update(users)
    .set({
      name: profile.name,
      title: profile.title,
      // A CASE in SQL, so a customer's row never gets a link whatever the form sent.
      ...(profile.meetingUrl !== undefined
        ? { meetingUrl: sql`case when ${users.staffRole} is not null then ${profile.meetingUrl}::text end` }
        : {}),
    })
    .where(eq(users.id, userId));
}

/** A person's language for the portal and their emails (a supported locale, checked by the caller's schema). */
export async function setLocale(userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** Stores a new password hash (hashing and checking passwords is the auth area's). */
export async function setPasswordHash(tx: Executor, userId: string, passwordHash: string): Promise<void> {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Notes when a person last signed in (shown on member and staff lists). */
export async function recordSignIn(userId: string, at: Date): Promise<void> {
  await db.update(users).set({ lastSignInAt: at }).where(eq(users.id, userId));
}

/** A person's own time zone (an IANA name, checked by the caller's schema): their quiet hours and digest day. */
export async function setTimeZone(executor: Executor, userId: string, timeZone: string): Promise<void> {
  await executor.update(users).set({ timeZone }).where(eq(users.id, userId));
}
