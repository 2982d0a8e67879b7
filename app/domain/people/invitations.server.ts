import { and, count, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { type AccountRole, type StaffRole, accounts, invitations, users } from "~db/schema";
import { newId } from "~/lib/ids.server";
import { type SortPart, keysetCondition, keysetOrder, timeKey } from "~/lib/keyset.server";
import { PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { hashToken, newSecretToken } from "~/lib/tokens.server";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { hashPassword } from "~/domain/auth/passwords.server";
import { queueMail } from "~/domain/mail/outbox.server";
import { invitationMail } from "~/domain/mail/messages.server";
import { INVITATION_LIFETIME_DAYS, seatsLeft } from "./rules";
import { pendingInvitation, seatsInUse } from "./seats.server";
import { DAY_MS } from "~/lib/time";
import { type Locale, defaultLocale } from "~/i18n/locales";

export { INVITATION_LIFETIME_DAYS };

export type InviteTarget =
  { kind: "staff"; staffRole: StaffRole } | { kind: "account"; accountId: string; accountRole: AccountRole };
export type InviteError = "email_taken" | "seats_full";

const pending = pendingInvitation;

/**
 * Invites a person, and queues the invitation email in the same transaction (it goes out once the
 * transaction commits). A new invitation to the same address replaces any pending one (a re-send);
 * an address that already belongs to someone is refused, as is an account without free seats.
 */
export async function createInvitation(
  tx: Executor,
  input: { actor: Actor; email: string; name?: string; locale?: Locale; target: InviteTarget; origin: string },
): Promise<{ ok: true } | { ok: false; error: InviteError }> {
  const { actor, target } = input;
  const email = input.email.trim().toLowerCase();
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  if (existing) return { ok: false, error: "email_taken" };

  // A re-invite to the same place replaces the pending invitation there (and so reuses its seat).
  // Pending invitations elsewhere are not ours to touch: the first one accepted wins.
  const samePlace = and(
    pending,
    sql`lower(${invitations.email}) = ${email}`,
    target.kind === "account" ? eq(invitations.accountId, target.accountId) : isNull(invitations.accountId),
  );

  let accountName: string | null = null;
  if (target.kind === "account") {
    // Lock the account row so two simultaneous invitations can't both take the last seat.
    const [account] = await tx
      .select({ name: accounts.name, licensedSeats: accounts.licensedSeats })
      .from(accounts)
      .where(eq(accounts.id, target.accountId))
      .for("update");
    if (!account) throw new Error(`Account ${target.accountId} not found`);
    accountName = account.name;
    const [seats, [replaced]] = await Promise.all([
      seatsInUse(tx, target.accountId),
      tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(invitations)
        .where(samePlace),
    ]);
    const pendingAfterReplace = seats.pending - (replaced?.n ?? 0);
    if (seatsLeft(account.licensedSeats, seats.active, pendingAfterReplace) === 0)
      return { ok: false, error: "seats_full" };
  }
  await tx.update(invitations).set({ revokedAt: new Date() }).where(samePlace);

  const token = newSecretToken();
  const id = newId();
  await tx.insert(invitations).values({
    id,
    email,
    name: input.name ?? "",
    staffRole: target.kind === "staff" ? target.staffRole : null,
    accountId: target.kind === "account" ? target.accountId : null,
    accountRole: target.kind === "account" ? target.accountRole : null,
    locale: input.locale ?? null,
    invitedById: actor.id,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + INVITATION_LIFETIME_DAYS * DAY_MS),
  });
  await recordActivity(tx, {
    accountId: target.kind === "account" ? target.accountId : null,
    actorId: actor.id,
    action: "invitation.sent",
    subjectType: "invitation",
    subjectId: id,
    details: { email, role: target.kind === "account" ? target.accountRole : target.staffRole },
  });
  const link = `${input.origin}/invitations/${encodeURIComponent(token)}`;
  await queueMail(
    tx,
    invitationMail(email, link, input.locale ?? actor.locale, {
      inviterName: actor.name,
      accountName,
      days: INVITATION_LIFETIME_DAYS,
    }),
  );
  return { ok: true };
}

/** Invite in a transaction of its own. */
export async function invite(input: Parameters<typeof createInvitation>[1]) {
  return db.transaction((tx) => createInvitation(tx, input));
}

export type InvitationView = {
  email: string;
  name: string;
  accountName: string | null;
  role: string;
  inviterName: string;
};

/** What the acceptance page shows for a link; null when it is unknown, used, revoked or expired. */
export async function findUsableInvitation(token: string): Promise<InvitationView | null> {
  const inviter = users;
  const [row] = await db
    .select({
      email: invitations.email,
      name: invitations.name,
      accountName: accounts.name,
      staffRole: invitations.staffRole,
      accountRole: invitations.accountRole,
      inviterName: inviter.name,
    })
    .from(invitations)
    .innerJoin(inviter, eq(inviter.id, invitations.invitedById))
    .leftJoin(accounts, eq(accounts.id, invitations.accountId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), pending));
  if (!row) return null;
  return {
    email: row.email,
    name: row.name,
    accountName: row.accountName,
    role: (row.staffRole ?? row.accountRole)!,
    inviterName: row.inviterName,
  };
}

/**
 * Turns an invitation into a person with a name and password, in one transaction. Of two
 * simultaneous acceptances only one wins; the other sees an unusable link.
 */
export async function acceptInvitation(
  token: string,
  input: { name: string; password: string; locale?: Locale },
): Promise<{ ok: true; userId: string } | { ok: false; error: "invalid_link" | "email_taken" }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await acceptInTransaction(token, input.name, passwordHash, input.locale ?? defaultLocale);
  } catch (error) {
    // The address was taken meanwhile: the transaction rolled back, so the invitation stays as it was.
    if (error instanceof EmailTaken) return { ok: false, error: "email_taken" };
    throw error;
  }
}

class EmailTaken extends Error {}

/** `locale` is the accepting browser's, used when the invitation names none. */
async function acceptInTransaction(token: string, name: string, passwordHash: string, locale: Locale) {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.tokenHash, hashToken(token)), pending))
      .returning();
    if (!invitation) return { ok: false as const, error: "invalid_link" as const };
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${invitation.email})`);
    if (taken) throw new EmailTaken();
    const userId = newId();
    await tx.insert(users).values({
      id: userId,
      email: invitation.email,
      name,
      passwordHash,
      locale: invitation.locale ?? locale,
      staffRole: invitation.staffRole,
      accountId: invitation.accountId,
      accountRole: invitation.accountRole,
    });
    await recordActivity(tx, {
      accountId: invitation.accountId,
      actorId: userId,
      action: "invitation.accepted",
      subjectType: "user",
      subjectId: userId,
      details: { email: invitation.email, role: invitation.staffRole ?? invitation.accountRole },
    });
    return { ok: true as const, userId };
  });
}

/** Oldest first; the id makes the order total. */
const INVITATION_ORDER: SortPart[] = [{ expr: invitations.createdAt }, { expr: invitations.id }];

/**
 * Pending invitations of one account, or of the vendor team when `accountId` is null, a page
 * (PAGE_SIZE) at a time from `cursor` (the URL's; a bad one or one of another scope means the
 * first page), with how many are pending in all. Two queries whatever the number.
 */
export async function listPendingInvitations(
  accountId: string | null,
  options: { cursor?: string | null; pageSize?: number } = {},
) {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const fingerprint = filterFingerprint({ list: "invitations", accountId });
  const cursor = decodeCursor(options.cursor, fingerprint, INVITATION_ORDER.length);
  const scope = and(accountId ? eq(invitations.accountId, accountId) : isNull(invitations.accountId), pending);
  const [found, [total]] = await Promise.all([
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        name: invitations.name,
        staffRole: invitations.staffRole,
        accountRole: invitations.accountRole,
        expiresAt: invitations.expiresAt,
        createdAt: invitations.createdAt,
        key: timeKey(invitations.createdAt),
      })
      .from(invitations)
      .where(and(scope, keysetCondition(INVITATION_ORDER, cursor)))
      .orderBy(...keysetOrder(INVITATION_ORDER, cursor))
      .limit(pageSize + 1),
    db.select({ n: count() }).from(invitations).where(scope),
  ]);
  const { rows, page } = pageFromRows(found, {
    cursor,
    pageSize,
    fingerprint,
    keyOf: (row) => [row.key, row.id],
    total: total?.n ?? 0,
  });
  return { rows: rows.map(({ key: _key, ...row }) => row), page };
}

/** One pending invitation of an account (or of the vendor team when `accountId` is null), or null. */
export async function findPendingInvitation(accountId: string | null, invitationId: string) {
  const [row] = await db
    .select({ id: invitations.id, email: invitations.email })
    .from(invitations)
    .where(
      and(
        eq(invitations.id, invitationId),
        accountId ? eq(invitations.accountId, accountId) : isNull(invitations.accountId),
        pending,
      ),
    );
  return row ?? null;
}

/** Revokes a pending invitation within its scope (an account, or the vendor team when null). */
export async function revokeInvitation(actor: Actor, accountId: string | null, invitationId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, invitationId),
          accountId ? eq(invitations.accountId, accountId) : isNull(invitations.accountId),
          pending,
        ),
      )
      .returning({ email: invitations.email });
    if (!row) return false;
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "invitation.revoked",
      subjectType: "invitation",
      subjectId: invitationId,
      details: { email: row.email },
    });
    return true;
  });
}
