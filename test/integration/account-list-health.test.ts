import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { healthCurrent, healthSnapshots } from "~db/schema";
import { createAccount, createHealthSnapshots, createSegment, createStaff, signedInRequest } from "~db/seed/factories";
import { type AccountListQuery } from "~/domain/people/account-schemas";
import { AccountListQuerySchema } from "~/domain/people/account-schemas";
import { listAccountPage } from "~/domain/people/account-list.server";
import { recomputeHealth } from "~/domain/health/recompute.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";
import { loader } from "~/routes/accounts._index";

const today = todayIn("UTC");
const daysAgo = (n: number) => datePlusDays(today, -n);
let tagCount = 0;
const tag = () => `hl${++tagCount}x${Date.now().toString(36)}`;

/** Accounts named `${t} <name>` with the given score history (days ago → score). */
async function accountsWith(t: string, histories: Record<string, Record<number, number | null> | null>) {
  const segment = await createSegment();
  const ids: Record<string, string> = {};
  for (const [name, history] of Object.entries(histories)) {
    const account = await createAccount({ name: `${t} ${name}`, segmentId: segment.id });
    ids[name] = account.id;
    if (history) {
      await createHealthSnapshots(
        account.id,
        Object.fromEntries(Object.entries(history).map(([ago, score]) => [daysAgo(Number(ago)), score])),
      );
    }
  }
  return ids;
}

/** Every name of the list, walking pages of `pageSize` forward. */
async function walk(values: Partial<AccountListQuery>, pageSize = 2) {
  const names: string[] = [];
  let cursor: string | null = null;
  let guard = 0;
  do {
    const result: Awaited<ReturnType<typeof listAccountPage>> = await listAccountPage(
      { sort: "name", ...values },
      { cursor, today, pageSize },
    );
    names.push(...result.rows.map((row) => row.name.split(" ").slice(1).join(" ")));
    cursor = result.page.next;
  } while (cursor && ++guard < 50);
  return names;
}

describe("health on the staff account list", () => {
  it("sorts worst first and best first, ties by name, accounts without a score last either way, across pages", async () => {
    const t = tag();
    await accountsWith(t, {
      b: { 0: 40 },
      a: { 0: 40 },
      c: { 0: 90 },
      d: { 0: 62 },
      // Only an old score counts as its latest; a newer no-data day makes it "no data".
      e: { 5: 80, 0: null },
      f: null,
      g: { 3: 10 },
    });
    expect(await walk({ q: t, sort: "health_worst" })).toEqual(["g", "a", "b", "d", "c", "e", "f"]);
    expect(await walk({ q: t, sort: "health_best" })).toEqual(["c", "d", "a", "b", "g", "e", "f"]);
    // Page size 1: a cursor inside every tie.
    expect(await walk({ q: t, sort: "health_worst" }, 1)).toEqual(["g", "a", "b", "d", "c", "e", "f"]);

    const first = await listAccountPage({ q: t, sort: "health_worst" }, { today, pageSize: 3 });
    const second = await listAccountPage(
      { q: t, sort: "health_worst" },
      { today, pageSize: 3, cursor: first.page.next },
    );
    const back = await listAccountPage(
      { q: t, sort: "health_worst" },
      { today, pageSize: 3, cursor: second.page.previous },
    );
    expect(back.rows.map((row) => row.name)).toEqual(first.rows.map((row) => row.name));
    expect(first.rows.map((row) => [row.healthScore, row.healthGrade])).toEqual([
      [10, "red"],
      [40, "red"],
      [40, "red"],
    ]);
  });

  it("filters by grade, by no data, and by a drop of 10 points or more over 30 days", async () => {
    const t = tag();
    await accountsWith(t, {
      fell15: { 30: 80, 0: 65 },
      fell10: { 32: 70, 0: 60 },
      fell9: { 30: 80, 0: 71 },
      rose: { 30: 40, 0: 80 },
      // A score from 40 days ago is too old to measure "30 days" against.
      tooOld: { 40: 90, 0: 50 },
      fresh: { 0: 30 },
      none: null,
      blank: { 0: null },
    });
    expect(await walk({ q: t, dropped: true })).toEqual(["fell10", "fell15"]);
    expect(await walk({ q: t, grade: "yellow" })).toEqual(["fell10", "fell15", "fell9", "tooOld"]);
    expect(await walk({ q: t, grade: "red" })).toEqual(["fresh"]);
    expect(await walk({ q: t, grade: "green" })).toEqual(["rose"]);
    expect(await walk({ q: t, grade: "none" })).toEqual(["blank", "none"]);
    expect(await walk({ q: t, grade: "yellow", dropped: true, sort: "health_best" })).toEqual(["fell15", "fell10"]);
    const page = await listAccountPage({ q: t, sort: "name", dropped: true }, { today });
    expect(page.page.total).toBe(2);
    expect(page.rows.map((row) => row.healthDrop30)).toEqual([10, 15]);
  });

  it("follows the recompute: a new snapshot moves the account's current score and grade", async () => {
    const t = tag();
    const ids = await accountsWith(t, { x: { 30: 90, 1: 88 } });
    // A bare account scores nothing today: its current health is "no data", not the old 88.
    await recomputeHealth({ accountIds: [ids.x!] });
    const [row] = await db.select().from(healthCurrent).where(eq(healthCurrent.accountId, ids.x!));
    expect(row).toMatchObject({ day: today, overall: null, grade: null, drop30: null });
    await db.delete(healthSnapshots).where(eq(healthSnapshots.accountId, ids.x!));
    expect(await db.select().from(healthCurrent).where(eq(healthCurrent.accountId, ids.x!))).toEqual([]);
  });

  it("reads the sort and filters from the URL and drops values it can't use", async () => {
    expect(AccountListQuerySchema.parse({ sort: "health_best", grade: "red", dropped: "1" })).toMatchObject({
      sort: "health_best",
      grade: "red",
      dropped: true,
    });
    const loose = AccountListQuerySchema.parse({ sort: "health", grade: "purple", dropped: "yes" });
    expect(loose).toMatchObject({ sort: "renewal_asc" });
    expect(loose.grade).toBeUndefined();
    expect(loose.dropped).toBeUndefined();

    const t = tag();
    await accountsWith(t, { low: { 30: 70, 0: 45 }, high: { 0: 95 } });
    const staff = await createStaff("csm");
    const url = `http://localhost/accounts?q=${t}&sort=health_worst&grade=red&dropped=1`;
    const data = await loader({
      request: await signedInRequest(staff.id, url),
      params: {},
      context: { clientIp: "127.0.0.1" },
    });
    expect(data.filters).toMatchObject({ grade: "red", dropped: true, sort: "health_worst" });
    expect(data.accounts.map((account) => [account.name, account.health])).toEqual([
      [`${t} low`, { score: 45, grade: "red", drop30: 25 }],
    ]);
  });
});
