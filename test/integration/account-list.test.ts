import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts } from "~db/schema";
import {
  createAccount,
  createMilestone,
  createPlan,
  createSegment,
  createStaff,
  createTask,
  signedInRequest,
} from "~db/seed/factories";
import { newId } from "~/lib/ids.server";
import { ACCOUNT_SORTS, type AccountListQuery, AccountListQuerySchema } from "~/domain/people/account-schemas";
import { listAccountPage } from "~/domain/people/account-list.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";
import { PAGE_SIZE, encodeCursor } from "~/lib/pagination";
import { loader } from "~/routes/accounts._index";

const today = todayIn("UTC");
let tagCount = 0;
/** A token no other test's account name contains. */
const tag = () => `al${++tagCount}x${Date.now().toString(36)}`;

const query = (values: Partial<AccountListQuery>): AccountListQuery => ({ sort: "name", ...values });

/** Every row of the list, page after page, and the pages' sizes. */
async function walk(values: Partial<AccountListQuery>, pageSize?: number) {
  const names: string[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  let guard = 0;
  do {
    const result: Awaited<ReturnType<typeof listAccountPage>> = await listAccountPage(query(values), {
      cursor,
      today,
      pageSize,
    });
    names.push(...result.rows.map((row) => row.name));
    sizes.push(result.rows.length);
    cursor = result.page.next;
  } while (cursor && ++guard < 50);
  return { names, sizes };
}

/** Accounts in one statement: many rows without many round trips. */
async function bulkAccounts(prefix: string, n: number, extra: (i: number) => Partial<typeof accounts.$inferInsert>) {
  const segment = await createSegment();
  await db.insert(accounts).values(
    Array.from({ length: n }, (_, i) => ({
      id: newId(),
      name: `${prefix} ${String(i).padStart(3, "0")}`,
      segmentId: segment.id,
      industry: "Software",
      region: "EMEA",
      licensedSeats: 10,
      renewalDate: "2027-06-30",
      ...extra(i),
    })),
  );
  return segment;
}

describe("the staff account list", () => {
  it("never returns more than a page (50 of 120), and walks every row once, forward and back", async () => {
    const t = tag();
    await bulkAccounts(t, 120, (i) => ({ renewalDate: datePlusDays(today, i % 7) }));
    const first = await listAccountPage(query({ q: t }), { today });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.page).toMatchObject({ from: 0, count: 50, total: 120, previous: null });
    const { names, sizes } = await walk({ q: t });
    expect(sizes).toEqual([50, 50, 20]);
    expect(new Set(names).size).toBe(120);

    const second = await listAccountPage(query({ q: t }), { cursor: first.page.next, today });
    const third = await listAccountPage(query({ q: t }), { cursor: second.page.next, today });
    expect(third.page).toMatchObject({ from: 100, count: 20, next: null });
    const back = await listAccountPage(query({ q: t }), { cursor: third.page.previous, today });
    expect(back.rows.map((row) => row.name)).toEqual(second.rows.map((row) => row.name));
    expect(back.page.from).toBe(50);
  });

  it("keeps every sort's order across page boundaries, ties included, without duplicates or gaps", async () => {
    const t = tag();
    const owner = await createStaff("csm");
    // Three renewal dates and repeated seat counts: ties that only the name and id can break.
    await bulkAccounts(t, 23, (i) => ({
      renewalDate: datePlusDays(today, (i * 5) % 3),
      licensedSeats: 1 + (i % 4),
      csmId: owner.id,
    }));
    const planned = (await db.select().from(accounts)).filter((row) => row.name.startsWith(t)).slice(0, 6);
    for (const [index, account] of planned.entries()) {
      const plan = await createPlan(account.id);
      await createMilestone(plan, { targetDate: datePlusDays(today, index % 2 === 0 ? -10 : 30) });
    }
    for (const sort of ACCOUNT_SORTS) {
      const all = await listAccountPage(query({ q: t, sort }), { today, pageSize: 100 });
      const { names, sizes } = await walk({ q: t, sort }, 4);
      expect(names, sort).toEqual(all.rows.map((row) => row.name));
      expect(sizes.length, sort).toBe(6);
      expect(new Set(names).size, sort).toBe(23);
    }
    const byRenewal = (await listAccountPage(query({ q: t, sort: "renewal_desc" }), { today, pageSize: 100 })).rows;
    const dates = byRenewal.map((row) => row.renewalDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const byStatus = (await listAccountPage(query({ q: t, sort: "plan_status" }), { today, pageSize: 100 })).rows;
    // Stalled plans (target 10 days ago) first, then the on-track ones, then the accounts without a plan.
    expect(byStatus.map((row) => row.planRank)).toEqual([0, 0, 0, 2, 2, 2, ...Array(17).fill(4)]);
  });

  it("searches names by prefix and substring, with %, _, quotes and backslashes taken literally", async () => {
    const t = tag();
    const segment = await createSegment();
    for (const name of [`${t} 100% Growth`, `${t} a_b`, `${t} axb`, `${t} O'Brien "Q"`, `${t} back\\slash`])
      await createAccount({ name, segmentId: segment.id });
    const found = async (q: string) =>
      (await listAccountPage(query({ q }), { today })).rows.map((row) => row.name.slice(t.length + 1));
    expect(await found(t)).toHaveLength(5);
    expect(await found(t.slice(0, 6))).toEqual(expect.arrayContaining(["a_b", "axb"]));
    expect(await found(`${t.slice(3)} a_`)).toEqual(["a_b"]);
    expect(await found(`${t} 100%`)).toEqual(["100% Growth"]);
    expect(await found(`O'Brien "Q`)).toEqual([`O'Brien "Q"`]);
    expect(await found(`${t} back\\`)).toEqual(["back\\slash"]);
    expect(await found(`${t} %`)).toEqual([]);
  });

  it("answers a 10 KB search, cut to 200 characters, and says so", async () => {
    const staff = await createStaff("csm");
    const long = `${"%_'\"".repeat(2_500)}`;
    expect(AccountListQuerySchema.parse({ q: long }).q).toHaveLength(200);
    const url = `http://localhost/accounts?q=${encodeURIComponent(long)}&cursor=${"x".repeat(5_000)}`;
    const data = await loader({
      request: await signedInRequest(staff.id, url),
      params: {},
      context: { clientIp: "127.0.0.1" },
    });
    expect(data.searchCut).toBe(true);
    expect(data.filters.q).toHaveLength(200);
    expect(data.accounts).toEqual([]);
    expect(data.page).toMatchObject({ from: 0, total: 0 });
  });

  it("filters by segment, owner (mine), plan status and renewal window, and counts the filtered set", async () => {
    const t = tag();
    const [segment, other] = [await createSegment(), await createSegment()];
    const csm = await createStaff("csm");
    const make = async (name: string, values: Partial<typeof accounts.$inferInsert> = {}) =>
      createAccount({ name: `${t} ${name}`, segmentId: segment.id, renewalDate: datePlusDays(today, 400), ...values });
    const withPlan = async (name: string, targetOffset: number, extra: "todo" | "signed" | null = null) => {
      const account = await make(name);
      const plan = await createPlan(account.id);
      const signed = extra === "signed" ? { vendorSignedAt: new Date(), customerSignedAt: new Date() } : {};
      const milestone = await createMilestone(plan, { targetDate: datePlusDays(today, targetOffset), ...signed });
      if (extra === "todo") await createTask(milestone, { status: "todo" });
      return account;
    };
    await withPlan("stalled", -10);
    await withPlan("late", -2);
    await withPlan("due soon", 3, "todo");
    await withPlan("on track", 30);
    await withPlan("done", -30, "signed");
    await make("no plan", { csmId: csm.id, segmentId: other.id });
    await make("passed", { renewalDate: datePlusDays(today, -1) });
    await make("in 20 days", { renewalDate: datePlusDays(today, 20), csmId: csm.id });
    await make("in 60 days", { renewalDate: datePlusDays(today, 60) });
    await make("in 150 days", { renewalDate: datePlusDays(today, 150) });

    const names = async (values: Partial<AccountListQuery>) => {
      const result = await listAccountPage(query({ q: t, ...values }), { today });
      expect(result.page.total).toBe(result.rows.length);
      return result.rows.map((row) => row.name.slice(t.length + 1));
    };
    expect(await names({ plan: "stalled" })).toEqual(["stalled"]);
    expect(await names({ plan: "at_risk" })).toEqual(["due soon", "late"]);
    expect(await names({ plan: "on_track" })).toEqual(["on track"]);
    expect(await names({ plan: "completed" })).toEqual(["done"]);
    expect(await names({ plan: "none" })).toEqual(["in 150 days", "in 20 days", "in 60 days", "no plan", "passed"]);
    expect(await names({ segment: other.id })).toEqual(["no plan"]);
    expect(await names({ csm: csm.id })).toEqual(["in 20 days", "no plan"]);
    expect(await names({ csm: csm.id, segment: segment.id })).toEqual(["in 20 days"]);
    expect(await names({ renewal: "overdue" })).toEqual(["passed"]);
    expect(await names({ renewal: "30" })).toEqual(["in 20 days"]);
    expect(await names({ renewal: "90" })).toEqual(["in 20 days", "in 60 days"]);
    expect(await names({ renewal: "180" })).toEqual(["in 150 days", "in 20 days", "in 60 days"]);

    // The plan status follows the change in the same transaction (the rollup's triggers).
    const [late] = (await db.select().from(accounts)).filter((row) => row.name === `${t} late`);
    await createPlan(late!.id);
    expect(await names({ plan: "at_risk" })).toEqual(["due soon"]);
    expect(await names({ plan: "on_track" })).toEqual(["late", "on track"]);

    // "mine" in the URL is the signed-in person.
    const url = `http://localhost/accounts?csm=mine&q=${encodeURIComponent(t)}&plan=nonsense&renewal=-5`;
    const data = await loader({
      request: await signedInRequest(csm.id, url),
      params: {},
      context: { clientIp: "127.0.0.1" },
    });
    expect(data.accounts.map((row) => row.name)).toEqual([`${t} in 20 days`, `${t} no plan`]);
    expect(data.filters).toMatchObject({ csm: "mine", plan: "", renewal: "" });
    expect(data.page.total).toBe(2);
  });

  it("starts again at the first page for a malformed, tampered or foreign cursor", async () => {
    const t = tag();
    await bulkAccounts(t, 8, () => ({}));
    const first = await listAccountPage(query({ q: t }), { today, pageSize: 3 });
    const firstNames = first.rows.map((row) => row.name);
    const fromSort = (await listAccountPage(query({ q: t, sort: "renewal_asc" }), { today, pageSize: 3 })).page.next;
    const fromOtherSearch = (await listAccountPage(query({ q: t.slice(0, -1) }), { today, pageSize: 3 })).page.next;
    const forged = encodeCursor({ direction: "after", at: 99, key: ["zzz", "zzz"] }, "forged");
    for (const cursor of ["", "!!!", "eyJ", "W10", fromSort, fromOtherSearch, forged, "a".repeat(10_000)]) {
      const page = await listAccountPage(query({ q: t }), { cursor, today, pageSize: 3 });
      expect(
        page.rows.map((row) => row.name),
        String(cursor).slice(0, 20),
      ).toEqual(firstNames);
      expect(page.page.from).toBe(0);
    }
  });
});
