import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { communitySpaces, communityTopics, interventionNotices, notifications } from "~db/schema";
import { createAccount, createCustomer, createStaff } from "~db/seed/factories";
import { countInbox, listInbox, markInboxRead } from "~/domain/inbox/inbox.server";
import { newId } from "~/lib/ids.server";

/** A person with `count` community notifications and `count` reminders, every pair at one instant to the microsecond. */
async function personWithBoth(count: number) {
  const account = await createAccount();
  const person = await createCustomer(account.id, "member");
  const author = await createStaff("csm");
  const [space] = await db
    .insert(communitySpaces)
    .values({ id: newId(), slug: `inbox-${newId().slice(0, 8)}`, name: "Inbox", description: "" })
    .returning();
  const [topic] = await db
    .insert(communityTopics)
    .values({ id: newId(), spaceId: space!.id, authorId: author.id, kind: "discussion", title: "Exports", body: "x" })
    .returning();
  const base = Date.parse("2026-11-01T00:00:00.000Z");
  const at = (index: number) => new Date(base + index * 1000);
  await db.insert(notifications).values(
    Array.from({ length: count }, (_, index) => ({
      id: newId(),
      userId: person.id,
      type: "reply" as const,
      topicId: topic!.id,
      actorId: author.id,
      createdAt: at(index),
    })),
  );
  await db.insert(interventionNotices).values(
    Array.from({ length: count }, (_, index) => ({
      id: newId(),
      userId: person.id,
      accountId: account.id,
      href: `/accounts/${account.id}/tasks/t${index}`,
      title: `“Task ${index}” is overdue`,
      createdAt: at(index),
    })),
  );
  return { person, account, author };
}

describe("the inbox (the bell)", () => {
  it("counts and lists community notifications and playbook reminders together, newest first, paging both ways", async () => {
    const { person } = await personWithBoth(30);
    expect(await countInbox(person.id)).toBe(60);

    const seen: { id: string; source: string; createdAt: string }[] = [];
    const pages = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listInbox>> = await listInbox(person.id, cursor, 25);
      pages.push(page);
      seen.push(...page.items);
      cursor = page.page.next;
    } while (cursor);
    expect(pages.map((page) => page.items.length)).toEqual([25, 25, 10]);
    expect(new Set(seen.map((item) => item.id)).size).toBe(60);
    const times = seen.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(seen[0]).toMatchObject({ source: expect.any(String), createdAt: "2026-11-01T00:00:29.000000Z" });
    expect(seen.filter((item) => item.source === "reminder")).toHaveLength(30);

    // Back from the third page to the second: the same rows in the same order.
    const back = await listInbox(person.id, pages[2]!.page.previous, 25);
    expect(back.items.map((item) => item.id)).toEqual(pages[1]!.items.map((item) => item.id));
    expect(back.page.from).toBe(25);
  });

  it("marks one item or everything read, and only the person's own", async () => {
    const { person } = await personWithBoth(2);
    const other = await personWithBoth(1);
    const { items } = await listInbox(person.id);
    const reminder = items.find((item) => item.source === "reminder")!;
    const reply = items.find((item) => item.source === "community")!;

    await markInboxRead(other.person.id, reminder.id);
    expect(await countInbox(person.id)).toBe(4);
    await markInboxRead(person.id, reminder.id);
    await markInboxRead(person.id, reply.id);
    expect(await countInbox(person.id)).toBe(2);
    const after = await listInbox(person.id);
    expect(after.items.find((item) => item.id === reminder.id)?.read).toBe(true);
    expect(after.items.filter((item) => !item.read)).toHaveLength(2);

    await markInboxRead(person.id);
    expect(await countInbox(person.id)).toBe(0);
    expect(await countInbox(other.person.id)).toBe(2);
  });

  it("starts over on a cursor that isn't the inbox's", async () => {
    const { person } = await personWithBoth(1);
    expect((await listInbox(person.id, "not-a-cursor")).page.from).toBe(0);
    expect((await listInbox(person.id, "not-a-cursor")).items).toHaveLength(2);
  });
});
