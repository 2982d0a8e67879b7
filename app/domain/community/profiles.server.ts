import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { type CommunityProfile, accounts, communityProfiles, users } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { defaultDisplayName, handleFromName } from "./rules";
import type { ProfileInput } from "./schemas";

/**
 * How an author appears to others, as SQL columns over `users`, `community_profiles` and
 * `accounts` (left-joined): display name, title, the company only when the person opted in, and
 * whether they are on the vendor's team. Never the email or the full name.
 */
export const authorFields = {
  authorId: users.id,
  authorName: sql<string>`coalesce(${communityProfiles.displayName}, split_part(${users.name}, ' ', 1))`,
  authorHandle: sql<string | null>`${communityProfiles.handle}`,
  authorTitle: sql<string>`coalesce(${communityProfiles.title}, '')`,
  authorCompany: sql<
    string | null
  >`case when ${communityProfiles.showCompany} and ${users.accountId} is not null then ${accounts.name} end`,
  authorIsTeam: sql<boolean>`${users.staffRole} is not null`,
};

export interface AuthorView {
  id: string;
  name: string;
  handle: string | null;
  title: string;
  company: string | null;
  isTeam: boolean;
}

export function toAuthor(row: {
  authorId: string;
  authorName: string;
  authorHandle: string | null;
  authorTitle: string;
  authorCompany: string | null;
  authorIsTeam: boolean;
}): AuthorView {
  return {
    id: row.authorId,
    name: row.authorName,
    handle: row.authorHandle,
    title: row.authorTitle,
    company: row.authorCompany,
    isTeam: row.authorIsTeam,
  };
}

/**
 * The person's community profile, created on first use: a display name of first name and last
 * initial for customers (their full name for staff, who speak for the vendor) and a free handle.
 */
export async function ensureProfile(actor: Actor, executor: Executor = db): Promise<CommunityProfile> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [existing] = await executor.select().from(communityProfiles).where(eq(communityProfiles.userId, actor.id));
    if (existing) return existing;
    const base = handleFromName(actor.name);
    const taken = await executor
      .select({ handle: communityProfiles.handle })
      .from(communityProfiles)
      .where(sql`${communityProfiles.handle} ~ ${`^${base}[0-9]*$`}`);
    const used = new Set(taken.map((row) => row.handle));
    let handle = base;
    for (let n = 2; used.has(handle); n += 1) handle = `${base}${n}`;
    const [created] = await executor
      .insert(communityProfiles)
      .values({
        userId: actor.id,
        handle,
        displayName: actor.kind === "staff" ? actor.name : defaultDisplayName(actor.name),
      })
      .onConflictDoNothing()
      .returning();
    if (created) return created;
    // Another request created this profile, or took the handle, meanwhile: look again.
  }
  throw new Error("Could not create a community profile");
}

export async function getCommunityProfile(actor: Actor) {
  const profile = await ensureProfile(actor);
  const [account] =
    actor.kind === "customer"
      ? await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, actor.accountId))
      : [];
  return { ...profile, companyName: account?.name ?? null };
}

export async function updateCommunityProfile(
  actor: Actor,
  input: ProfileInput,
): Promise<{ ok: true } | { ok: false; error: "handle_taken" }> {
  await ensureProfile(actor);
  const [clash] = await db
    .select({ userId: communityProfiles.userId })
    .from(communityProfiles)
    .where(sql`${communityProfiles.handle} = ${input.handle} and ${communityProfiles.userId} <> ${actor.id}`);
  if (clash) return { ok: false, error: "handle_taken" };
  try {
    await db
      .update(communityProfiles)
      .set({ ...input, showCompany: actor.kind === "customer" && input.showCompany, updatedAt: new Date() })
      .where(eq(communityProfiles.userId, actor.id));
  } catch (error) {
    if ((error as { code?: string }).code === "23505") return { ok: false, error: "handle_taken" };
    throw error;
  }
  return { ok: true };
}

/** People by @handle, for mentions. */
export async function findProfilesByHandle(executor: Executor, handles: string[]) {
  if (handles.length === 0) return [];
  return executor
    .select({ userId: communityProfiles.userId, handle: communityProfiles.handle })
    .from(communityProfiles)
    .innerJoin(users, eq(users.id, communityProfiles.userId))
    .where(sql`${communityProfiles.handle} in ${handles} and ${users.deactivatedAt} is null`);
}
