import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { consents } from "~db/schema";
import { createAccount, createCustomer } from "~db/seed/factories";
import { listReferenceDirectory } from "~/domain/advocacy/references.server";
import { newId } from "~/lib/ids.server";

const industry = `Reference paging ${newId()}`;
const COUNT = 7;
let expected: string[];

beforeAll(async () => {
  const account = await createAccount({ industry });
  const people: { id: string }[] = [];
  for (let index = 0; index < COUNT; index++) people.push(await createCustomer(account.id, "champion"));
  // One person has two consents and is listed once.
  await db.insert(consents).values([
    ...people.map((person) => ({
      id: newId(),
      accountId: account.id,
      userId: person.id,
      askType: "reference_call" as const,
      uses: ["name"],
      scope: "sales" as const,
    })),
    {
      id: newId(),
      accountId: account.id,
      userId: people[0]!.id,
      askType: "reference_call" as const,
      uses: ["name"],
      scope: "public" as const,
    },
  ]);
  const sorted = await db.query.users.findMany({
    where: (users, { inArray }) =>
      inArray(
        users.id,
        people.map((person) => person.id),
      ),
    columns: { id: true },
    orderBy: (users, { asc }) => [asc(users.name), asc(users.id)],
  });
  expected = sorted.map((row) => row.id);
});

describe("the reference directory, a page at a time", () => {
  it("pages of 2 walk every advocate once, in order, and Previous goes back", async () => {
    const seen: string[] = [];
    const pages = [];
    let cursor: string | null = null;
    for (let step = 0; step < COUNT; step++) {
      const directory = await listReferenceDirectory({ industry }, new Date(), { cursor, pageSize: 2 });
      expect(directory.available.length).toBeLessThanOrEqual(2);
      expect(directory.page.total).toBe(COUNT);
      pages.push(directory);
      seen.push(...directory.available.map((advocate) => advocate.userId));
      cursor = directory.page.next;
      if (!cursor) break;
    }
    expect(seen).toEqual(expected);
    expect(pages).toHaveLength(Math.ceil(COUNT / 2));
    const back = await listReferenceDirectory({ industry }, new Date(), {
      cursor: pages[2]!.page.previous,
      pageSize: 2,
    });
    expect(back.available.map((advocate) => advocate.userId)).toEqual(pages[1]!.available.map((a) => a.userId));
  });

  it("starts over for a cursor of other filters or a malformed one", async () => {
    const first = await listReferenceDirectory({ industry }, new Date(), { pageSize: 2 });
    const other = await listReferenceDirectory({ industry, q: "nothing" }, new Date(), {
      cursor: first.page.next,
      pageSize: 2,
    });
    expect(other.page).toMatchObject({ from: 0, total: 0 });
    for (const bad of ["%%%", "x".repeat(10_000), "-1"]) {
      const page = await listReferenceDirectory({ industry }, new Date(), { cursor: bad, pageSize: 2 });
      expect(page.page.from).toBe(0);
    }
  });

  it("searches with LIKE wildcards literally and bounded", async () => {
    for (const q of ["%", "_", "'\"", "x".repeat(10_000)]) {
      const directory = await listReferenceDirectory({ industry, q });
      expect(directory.available).toEqual([]);
    }
  });
});
