import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { users } from "~db/schema";
import { createAccount, createCustomer } from "~db/seed/factories";
import { activeMembersExcept, listMembersPage, peopleChoices } from "~/domain/people/members.server";

describe("the team page's people", () => {
  it("pages through every person once, active first then by name, forward and back", async () => {
    const account = await createAccount({ licensedSeats: 20 });
    const names = ["Dana", "Ari", "Cleo", "Bea", "Eli"];
    const people = [];
    for (const name of names) people.push(await createCustomer(account.id, "member", { name }));
    // Bea left: she is listed after everyone active.
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, people[3]!.id));

    const seen: string[] = [];
    const cursors: (string | null)[] = [null];
    let cursor: string | null = null;
    let guard = 0;
    do {
      const result: Awaited<ReturnType<typeof listMembersPage>> = await listMembersPage(account.id, {
        cursor,
        pageSize: 2,
      });
      expect(result.page.total).toBe(5);
      seen.push(...result.rows.map((row) => row.name));
      cursor = result.page.next;
      if (cursor) cursors.push(cursor);
    } while (cursor && ++guard < 10);
    expect(seen).toEqual(["Ari", "Cleo", "Dana", "Eli", "Bea"]);

    const second = await listMembersPage(account.id, { cursor: cursors[1], pageSize: 2 });
    expect(second.rows.map((row) => row.name)).toEqual(["Dana", "Eli"]);
    const back = await listMembersPage(account.id, { cursor: second.page.previous, pageSize: 2 });
    expect(back.rows.map((row) => row.name)).toEqual(["Ari", "Cleo"]);
    // A cursor from another list starts at the first page.
    const other = await createAccount();
    expect((await listMembersPage(other.id, { cursor: cursors[1], pageSize: 2 })).rows).toEqual([]);
    expect((await listMembersPage(account.id, { cursor: "garbage", pageSize: 2 })).page.from).toBe(0);
  });

  it("names the first active people not active in the product, and how many there are in all", async () => {
    const account = await createAccount({ licensedSeats: 20 });
    const people = [];
    for (const name of ["Zed", "Yan", "Xia", "Wes"]) people.push(await createCustomer(account.id, "member", { name }));
    const active = [people[0]!.id];
    expect(await activeMembersExcept(account.id, active, 2)).toEqual({ names: ["Wes", "Xia"], total: 3 });
    expect(await activeMembersExcept(account.id, [], 10)).toEqual({ names: ["Wes", "Xia", "Yan", "Zed"], total: 4 });
  });
});

describe("a form's choice of people", () => {
  it("is bounded: the first names active, who is already chosen beyond them, and whether there are more", async () => {
    const account = await createAccount({ licensedSeats: 20 });
    const [ari, bea, cleo, dana] = await Promise.all(
      ["Ari", "Bea", "Cleo", "Dana"].map((name) => createCustomer(account.id, "member", { name })),
    );
    const gone = await createCustomer(account.id, "champion", { name: "Abe" });
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id));
    const boss = await createCustomer(account.id, "champion", { name: "Zoe" });

    const first = await peopleChoices(account.id, { limit: 2 });
    expect(first.people.map((person) => person.name)).toEqual(["Ari", "Bea"]);
    expect(first.more).toBe(true);
    // Dana is the assignee of a task on the page: she is offered too, in name order; a deactivated
    // person or someone of another account never is.
    const stranger = await createCustomer((await createAccount()).id, "member");
    const withChosen = await peopleChoices(account.id, { limit: 2, include: [dana!.id, gone.id, stranger.id] });
    expect(withChosen.people.map((person) => person.id)).toEqual([ari!.id, bea!.id, dana!.id]);
    expect((await peopleChoices(account.id)).more).toBe(false);
    expect((await peopleChoices(account.id)).people.map((person) => person.name)).toEqual([
      "Ari",
      "Bea",
      "Cleo",
      "Dana",
      "Zoe",
    ]);
    expect((await peopleChoices(account.id, { role: "champion" })).people).toEqual([
      { id: boss.id, name: "Zoe", title: boss.title, accountRole: "champion" },
    ]);
    // Only who is asked for: the promoter alone.
    expect((await peopleChoices(account.id, { include: [cleo!.id], limit: 0 })).people.map((p) => p.id)).toEqual([
      cleo!.id,
    ]);
  });
});
