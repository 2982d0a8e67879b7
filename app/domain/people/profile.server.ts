import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { users } from "~db/schema";

/** What the settings page shows about the signed-in person; `hasPassword` decides the password form. */
export async function getProfile(userId: string) {
  const [row] = await db
    .select({ name: users.name, title: users.title, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  // The hash itself never leaves the server; the page only needs to know whether there is one.
  return { name: row.name, title: row.title, email: row.email, hasPassword: row.passwordHash !== null };
}

/** A person edits their own name and job title; email and role are changed by others. */
export async function updateProfile(userId: string, profile: { name: string; title: string }): Promise<void> {
  await db.update(users).set({ name: profile.name, title: profile.title }).where(eq(users.id, userId));
}
