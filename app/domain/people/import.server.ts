import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "~db/client.server";
import { accounts, invitations, segments, users } from "~db/schema";
import { type ActivityEntry, recordActivities } from "~/domain/activity/activity.server";
import type { StaffActor } from "~/domain/auth/actor";
import { newId } from "~/lib/ids.server";
import { pendingInvitation } from "./seats.server";

/*
 * People's side of the CSV import (app/domain/imports): what the dry run must know of accounts and
 * people, read in batches (never a query per row), and the writes — multi-row inserts and
 * `UPDATE … FROM (VALUES …)`, CHUNK rows a statement — inside the importer's one transaction.
 */

/** Rows per statement: 13 columns × 500 stays far under PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function inChunks<T, R>(items: readonly T[], read: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const chunk of chunks([...new Set(items)], 1_000)) out.push(...(await read(chunk)));
  return out;
}

interface ImportedAccountRow {
  id: string;
  name: string;
  externalId: string | null;
  segmentId: string;
  industry: string;
  region: string;
  licensedSeats: number;
  csmId: string | null;
  currency: string;
  renewalDate: string;
}

/** What the accounts dry run looks up: segments, owners, accounts by external id and by name. */
export async function accountImportLookups(
  tx: Executor,
  keys: { externalIds: string[]; names: string[]; ownerEmails: string[] },
) {
  const [segmentRows, ownerRows, byExternal, byName] = await Promise.all([
    tx.select({ id: segments.id, name: segments.name }).from(segments),
    keys.ownerEmails.length === 0
      ? Promise.resolve([])
      : inChunks(keys.ownerEmails, (chunk) =>
          tx
            .select({ id: users.id, email: users.email })
            .from(users)
            .where(
              and(
                inArray(sql`lower(${users.email})`, chunk),
                isNull(users.deactivatedAt),
                sql`${users.staffRole} in ('csm', 'admin')`,
              ),
            ),
        ),
    inChunks(keys.externalIds, (chunk) =>
      tx
        .select({
          id: accounts.id,
          name: accounts.name,
          externalId: accounts.externalId,
          segmentId: accounts.segmentId,
          industry: accounts.industry,
          region: accounts.region,
          licensedSeats: accounts.licensedSeats,
          csmId: accounts.csmId,
          currency: accounts.currency,
          renewalDate: accounts.renewalDate,
        })
        .from(accounts)
        .where(inArray(accounts.externalId, chunk)),
    ),
    inChunks(keys.names, (chunk) =>
      tx
        .select({ name: accounts.name, externalId: accounts.externalId })
        .from(accounts)
        .where(inArray(sql`lower(${accounts.name})`, chunk)),
    ),
  ]);
  return {
    segments: new Map(segmentRows.map((s) => [s.name.toLowerCase(), s.id])),
    owners: new Map(ownerRows.map((o) => [o.email.toLowerCase(), o.id])),
    byExternalId: new Map(byExternal.map((a) => [a.externalId!, a])),
    byName: new Map(byName.map((a) => [a.name.toLowerCase(), a.externalId])),
  };
}

export type AccountImportWrite = Omit<ImportedAccountRow, "id" | "externalId"> & { externalId: string };

const excluded = (column: string) => sql.raw(`excluded.${column}`);

/**
 * Creates and updates the imported accounts, by external id, with their activity. Returns each
 * written account's id by external id (the revenue writer needs the new ones').
 */
export async function writeImportedAccounts(
  tx: Executor,
  actor: StaffActor,
  rows: readonly { write: AccountImportWrite; existingId: string | null; changed: readonly string[] }[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const chunk of chunks(rows)) {
    const written = await tx
      .insert(accounts)
      .values(chunk.map(({ write, existingId }) => ({ id: existingId ?? newId(), ...write })))
      .onConflictDoUpdate({
        target: accounts.externalId,
        set: {
          name: excluded("name"),
          segmentId: excluded("segment_id"),
          industry: excluded("industry"),
          region: excluded("region"),
          licensedSeats: excluded("licensed_seats"),
          csmId: excluded("csm_id"),
          currency: excluded("currency"),
          renewalDate: excluded("renewal_date"),
          version: sql`${accounts.version} + 1`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: accounts.id, externalId: accounts.externalId });
    for (const row of written) ids.set(row.externalId!, row.id);
    const entries: ActivityEntry[] = chunk.map(({ write, existingId, changed }) => {
      const id = ids.get(write.externalId)!;
      return existingId
        ? {
            accountId: id,
            actorId: actor.id,
            action: "account.updated",
            subjectType: "account",
            subjectId: id,
            details: { source: "import", fields: changed },
          }
        : {
            accountId: id,
            actorId: actor.id,
            action: "account.created",
            subjectType: "account",
            subjectId: id,
            details: { name: write.name, source: "import" },
          };
    });
    await recordActivities(tx, entries);
  }
  return ids;
}

/** What the people dry run looks up: the named accounts (seats, champions) and the named people. */
export async function peopleImportLookups(tx: Executor, keys: { externalIds: string[]; emails: string[] }) {
  const accountRows = await inChunks(keys.externalIds, (chunk) =>
    tx
      .select({ id: accounts.id, externalId: accounts.externalId, licensedSeats: accounts.licensedSeats })
      .from(accounts)
      .where(inArray(accounts.externalId, chunk)),
  );
  const accountIds = accountRows.map((a) => a.id);
  const [active, pending, userRows] = await Promise.all([
    inChunks(accountIds, (chunk) =>
      tx
        .select({
          accountId: users.accountId,
          n: sql<number>`count(*)`.mapWith(Number),
          champions: sql<number>`count(*) filter (where ${users.accountRole} = 'champion')`.mapWith(Number),
        })
        .from(users)
        .where(and(inArray(users.accountId, chunk), isNull(users.deactivatedAt)))
        .groupBy(users.accountId),
    ),
    inChunks(accountIds, (chunk) =>
      tx
        .select({ accountId: invitations.accountId, n: sql<number>`count(*)`.mapWith(Number) })
        .from(invitations)
        .where(and(inArray(invitations.accountId, chunk), pendingInvitation))
        .groupBy(invitations.accountId),
    ),
    inChunks(keys.emails, (chunk) =>
      tx
        .select({
          id: users.id,
          email: users.email,
          accountId: users.accountId,
          staffRole: users.staffRole,
          accountRole: users.accountRole,
          name: users.name,
          title: users.title,
          deactivatedAt: users.deactivatedAt,
        })
        .from(users)
        .where(inArray(sql`lower(${users.email})`, chunk)),
    ),
  ]);
  const activeBy = new Map(active.map((r) => [r.accountId!, r]));
  const pendingBy = new Map(pending.map((r) => [r.accountId!, r.n]));
  return {
    accounts: new Map(
      accountRows.map((a) => [
        a.externalId!,
        {
          id: a.id,
          licensedSeats: a.licensedSeats,
          seatsUsed: (activeBy.get(a.id)?.n ?? 0) + (pendingBy.get(a.id) ?? 0),
          champions: activeBy.get(a.id)?.champions ?? 0,
        },
      ]),
    ),
    users: new Map(
      userRows.map((u) => [
        u.email.toLowerCase(),
        {
          id: u.id,
          accountId: u.accountId,
          staff: u.staffRole !== null,
          accountRole: u.accountRole,
          name: u.name,
          title: u.title,
          deactivated: u.deactivatedAt !== null,
        },
      ]),
    ),
  };
}

export interface PersonImportWrite {
  accountId: string;
  userId: string | null;
  email: string;
  name: string;
  accountRole: "champion" | "member";
  title: string;
  changed: readonly string[];
}

/**
 * Creates the imported people as the account's members (no invitation mail: they sign in by magic
 * link, or a champion invites them) and updates the others' name, role and title. A pending
 * invitation of a created person's email is revoked: it is answered.
 */
export async function writeImportedPeople(tx: Executor, actor: StaffActor, rows: readonly PersonImportWrite[]) {
  for (const chunk of chunks(rows)) {
    const creates = chunk.filter((row) => row.userId === null).map((row) => ({ ...row, userId: newId() }));
    const updates = chunk.filter((row) => row.userId !== null);
    if (creates.length > 0) {
      await tx.insert(users).values(
        creates.map((row) => ({
          id: row.userId,
          email: row.email,
          name: row.name,
          accountId: row.accountId,
          accountRole: row.accountRole,
          title: row.title,
        })),
      );
      await tx
        .update(invitations)
        .set({ revokedAt: new Date() })
        .where(
          and(
            inArray(
              sql`lower(${invitations.email})`,
              creates.map((row) => row.email),
            ),
            pendingInvitation,
          ),
        );
    }
    if (updates.length > 0) {
      const values = sql.join(
        updates.map((row) => sql`(${row.userId}, ${row.name}, ${row.accountRole}::account_role, ${row.title})`),
        sql`, `,
      );
      await tx.execute(
        sql`update ${users} set name = v.name, account_role = v.role, title = v.title
            from (values ${values}) as v(id, name, role, title) where ${users.id} = v.id`,
      );
    }
    await recordActivities(tx, [
      ...creates.map((row) => ({
        accountId: row.accountId,
        actorId: actor.id,
        action: "member.imported",
        subjectType: "user",
        subjectId: row.userId,
        details: { email: row.email, role: row.accountRole },
      })),
      ...updates.map((row) => ({
        accountId: row.accountId,
        actorId: actor.id,
        action: row.changed.includes("accountRole") ? "member.role_changed" : "member.updated",
        subjectType: "user",
        subjectId: row.userId!,
        details: {
          source: "import",
          fields: row.changed,
          role: row.accountRole,
          // With two roles, a changed role names the old one too, as a change by hand does.
          ...(row.changed.includes("accountRole")
            ? { from: row.accountRole === "member" ? "champion" : "member", to: row.accountRole }
            : {}),
        },
      })),
    ]);
  }
}

/** Whether an error is a unique violation (two imports raced for the same external id or email). */
export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string }; code?: string }) ?? {};
  return cause.code === "23505" || cause.cause?.code === "23505";
}
