import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { invitations } from "~db/schema";
import { createAccount, createStaff } from "~db/seed/factories";
import { findPendingInvitation, listPendingInvitations } from "~/domain/people/invitations.server";
import { newId } from "~/lib/ids.server";

const COUNT = 7;
let accountId: string;
let expected: string[];

beforeAll(async () => {
  accountId = (await createAccount()).id;
  const admin = await createStaff("admin");
  const at = new Date("2026-11-01T12:00:00.000Z");
  const ids = Array.from({ length: COUNT }, () => newId());
  await db.insert(invitations).values(
    ids.map((id, index) => ({
      id,
      email: `paging-${id}@example.com`,
      accountId,
      accountRole: "member" as const,
      invitedById: admin.id,
      tokenHash: `paging-${id}`,
      expiresAt: new Date(Date.now() + 86_400_000),
      // Ties and instants a microsecond apart, which a JavaScript Date can't hold.
      createdAt: index < 3 ? at : new Date(at.getTime() + index),
    })),
  );
  await db.execute(
    sql`update invitations set created_at = created_at + interval '1 microsecond' where id = ${ids[COUNT - 1]!}`,
  );
  // One accepted invitation isn't pending and is not listed.
  await db.insert(invitations).values({
    id: newId(),
    email: `paging-accepted-${newId()}@example.com`,
    accountId,
    accountRole: "member",
    invitedById: admin.id,
    tokenHash: `paging-${newId()}`,
    expiresAt: new Date(Date.now() + 86_400_000),
    acceptedAt: new Date(),
  });
  const [row] = await db.execute<{ ids: string[] }>(
    sql`select array_agg(id order by created_at, id) as ids from invitations where account_id = ${accountId} and accepted_at is null`,
  );
  expected = row!.ids;
});

describe("pending invitations, a page at a time", () => {
  it("pages of 2 walk every pending invitation once, in order, and Previous goes back", async () => {
    const pages = [];
    let cursor: string | null = null;
    do {
      const result = await listPendingInvitations(accountId, { cursor, pageSize: 2 });
      expect(result.rows.length).toBeLessThanOrEqual(2);
      expect(result.page.total).toBe(COUNT);
      pages.push(result);
      cursor = result.page.next;
    } while (cursor && pages.length <= COUNT);
    expect(pages.flatMap((result) => result.rows.map((row) => row.id))).toEqual(expected);
    expect(pages).toHaveLength(Math.ceil(COUNT / 2));
    const back = await listPendingInvitations(accountId, { cursor: pages[2]!.page.previous, pageSize: 2 });
    expect(back.rows.map((row) => row.id)).toEqual(pages[1]!.rows.map((row) => row.id));
  });

  it("a cursor of another scope or a malformed one means the first page", async () => {
    const first = await listPendingInvitations(accountId, { pageSize: 2 });
    const staffScope = await listPendingInvitations(null, { cursor: first.page.next, pageSize: 2 });
    expect(staffScope.page.from).toBe(0);
    for (const bad of ["%%%", "x".repeat(10_000), "-1"]) {
      expect((await listPendingInvitations(accountId, { cursor: bad, pageSize: 2 })).page.from).toBe(0);
    }
  });

  it("finds one pending invitation in its scope only", async () => {
    expect(await findPendingInvitation(accountId, expected[0]!)).toMatchObject({ id: expected[0] });
    expect(await findPendingInvitation(null, expected[0]!)).toBeNull();
  });
});
