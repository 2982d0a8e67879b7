import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { healthTouches } from "~db/schema";
import {
  actorOf,
  createAccount,
  createHealthSnapshots,
  createSegment,
  createStaff,
  createSubscription,
  signedInRequest,
} from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import { homePath } from "~/domain/auth/actor";
import { insertWorkItem } from "~/domain/interventions/work-items.server";
import { listAccountPage } from "~/domain/people/account-list.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { addLedgerEntry } from "~/domain/revenue/ledger.server";
import { getPortfolioPage, getTeamPortfolio, trailingYear } from "~/domain/revenue/portfolio.server";
import { newId } from "~/lib/ids.server";
import { todayIn } from "~/lib/format";
import { loader } from "~/routes/portfolio";

const today = todayIn("UTC");
const daysAgo = (n: number) => datePlusDays(today, -n);
const context = { clientIp: "127.0.0.1" };
let tagCount = 0;
const tag = () => `pf${++tagCount}x${Date.now().toString(36)}`;

/** A CSM's accounts named `${t} <name>`, each with an ARR (currency) and a score now and 30 days ago. */
async function book(
  t: string,
  accounts: Record<string, { arr?: number; currency?: string; now?: number; before?: number; startedDaysAgo?: number }>,
) {
  const segment = await createSegment();
  const csm = await createStaff("csm");
  const ids: Record<string, string> = {};
  for (const [name, spec] of Object.entries(accounts)) {
    const account = await createAccount({ name: `${t} ${name}`, segmentId: segment.id, csmId: csm.id });
    ids[name] = account.id;
    if (spec.arr !== undefined) {
      await createSubscription(account.id, {
        arr: spec.arr,
        currency: spec.currency ?? "USD",
        startDate: daysAgo(spec.startedDaysAgo ?? 200),
      });
    }
    if (spec.now !== undefined) {
      await createHealthSnapshots(account.id, {
        ...(spec.before !== undefined ? { [daysAgo(31)]: spec.before } : {}),
        [today]: spec.now,
      });
    }
  }
  return { csm, segment, ids };
}

const names = (rows: { name: string }[]) => rows.map((row) => row.name.split(" ").slice(1).join(" "));

describe("the portfolio", () => {
  it("ranks by ARR at risk: a falling large account first, currencies at the ranking rates, across pages", async () => {
    const t = tag();
    const { csm } = await book(t, {
      steadyLarge: { arr: 200_000, now: 80, before: 80 }, // 0.2 × 200k = 40k
      fallingLarge: { arr: 150_000, now: 60, before: 90 }, // (40 + 30)% × 150k = 105k
      redSmall: { arr: 10_000, now: 30, before: 30 }, // 0.7 × 10k = 7k
      yen: { arr: 10_000_000, currency: "JPY", now: 60, before: 60 }, // 0.4 × 67k = 26.8k
      unscored: { arr: 20_000 }, // 0.5 × 20k = 10k
      noSubscription: { now: 10, before: 10 }, // no ARR: nothing at risk
    });
    const walked: string[] = [];
    let cursor: string | null = null;
    let guard = 0;
    do {
      const result: Awaited<ReturnType<typeof listAccountPage>> = await listAccountPage(
        { csm: csm.id, sort: "exposure" },
        { cursor, today, pageSize: 2 },
      );
      walked.push(...names(result.rows));
      cursor = result.page.next;
    } while (cursor && ++guard < 10);
    expect(walked).toEqual(["fallingLarge", "steadyLarge", "yen", "unscored", "redSmall", "noSubscription"]);

    const { rows, page } = await getPortfolioPage({ csm: csm.id }, { today });
    expect(page.total).toBe(6);
    const first = rows[0]!;
    expect(first).toMatchObject({ arr: 150_000, currency: "USD", health: { score: 60, grade: "yellow", drop30: 30 } });
    expect(first.risk).toBeCloseTo(0.7);
  });

  it("shows each account's open work items, last touch and plan status, and a churned account last with no ARR", async () => {
    const t = tag();
    const { csm, ids } = await book(t, {
      touched: { arr: 50_000, now: 50, before: 50 },
      churned: { arr: 90_000, now: 40, before: 40 },
    });
    await db.transaction(async (tx) => {
      for (const reason of ["Call the champion", "Send the QBR deck"]) {
        await insertWorkItem(tx, {
          accountId: ids.touched!,
          assigneeId: csm.id,
          reason,
          priority: "normal",
          dueDate: null,
          createdById: csm.id,
        });
      }
    });
    await db.insert(healthTouches).values({
      id: newId(),
      accountId: ids.touched!,
      authorId: csm.id,
      kind: "call",
      occurredOn: daysAgo(12),
    });
    const actor = actorOf(csm) as StaffActor;
    const churnedAccount = { id: ids.churned! };
    expect(
      await addLedgerEntry(actor, churnedAccount, {
        accountId: ids.churned!,
        kind: "churn",
        effectiveOn: daysAgo(5),
        amount: 0,
        note: "",
        churnReason: "budget",
      }),
    ).toMatchObject({ ok: true });
    const { rows } = await getPortfolioPage({ csm: csm.id }, { today });
    expect(names(rows)).toEqual(["touched", "churned"]);
    expect(rows[0]).toMatchObject({ openWorkItems: 2, lastTouchOn: daysAgo(12), plan: null, churned: false });
    expect(rows[1]).toMatchObject({ churned: true, arr: null, openWorkItems: 0, lastTouchOn: null });
  });

  it("filters by grade and segment like the account list", async () => {
    const t = tag();
    const { csm, segment } = await book(t, {
      red: { arr: 10_000, now: 30 },
      green: { arr: 500_000, now: 95 },
    });
    const red = await getPortfolioPage({ csm: csm.id, grade: "red" }, { today });
    expect(names(red.rows)).toEqual(["red"]);
    const other = await createSegment();
    expect((await getPortfolioPage({ csm: csm.id, segment: other.id }, { today })).rows).toEqual([]);
    expect((await getPortfolioPage({ csm: csm.id, segment: segment.id }, { today })).rows).toHaveLength(2);
  });

  it("the team view: each CSM's accounts, ARR per currency, retention over the trailing year and open and overdue work", async () => {
    const t = tag();
    const { csm, ids } = await book(t, {
      usd: { arr: 100_000 },
      eur: { arr: 40_000, currency: "EUR" },
      shrinking: { arr: 50_000, startedDaysAgo: 400 },
    });
    const actor = actorOf(csm) as StaffActor;
    expect(
      await addLedgerEntry(
        actor,
        { id: ids.shrinking! },
        { accountId: ids.shrinking!, kind: "contraction", effectiveOn: daysAgo(10), amount: 15_000, note: "" },
      ),
    ).toMatchObject({ ok: true });
    await db.transaction(async (tx) => {
      for (const dueDate of [daysAgo(3), datePlusDays(today, 5), null]) {
        await insertWorkItem(tx, {
          accountId: ids.usd!,
          assigneeId: csm.id,
          reason: "Follow up",
          priority: "high",
          dueDate,
          createdById: null,
        });
      }
    });
    const team = await getTeamPortfolio(today);
    expect(team.period).toEqual(trailingYear(today));
    const row = team.rows.find((r) => r.csmId === csm.id)!;
    expect(row).toMatchObject({
      csmName: csm.name,
      accounts: 3,
      arr: [
        { currency: "USD", arr: 135_000 },
        { currency: "EUR", arr: 40_000 },
      ],
      openWorkItems: 3,
      overdueWorkItems: 1,
    });
    // The cohort is who paid when the year began: only the account that started 400 days ago.
    expect(row.retention).toEqual([
      expect.objectContaining({ currency: "USD", startArr: 50_000, contraction: 15_000, grr: 0.7, nrr: 0.7 }),
    ]);
  });

  it("is the start page of CSMs and admins, theirs by default; marketing starts at the list and is refused", async () => {
    const t = tag();
    const { csm } = await book(t, { mine: { arr: 10_000, now: 50 } });
    expect(homePath(actorOf(csm))).toBe("/portfolio");
    const marketing = await createStaff("marketing");
    expect(homePath(actorOf(marketing))).toBe("/accounts");
    const data = await loader({
      request: await signedInRequest(csm.id, "http://localhost/portfolio"),
      params: {},
      context,
    });
    if (data.view !== "accounts") throw new Error("expected the accounts view");
    expect(data.filters.csm).toBe("mine");
    expect(names(data.portfolio.rows)).toEqual(["mine"]);
    const bad = await loader({
      request: await signedInRequest(csm.id, "http://localhost/portfolio?grade=purple&cursor=zzz&renewal=7"),
      params: {},
      context,
    });
    if (bad.view !== "accounts") throw new Error("expected the accounts view");
    expect(names(bad.portfolio.rows)).toEqual(["mine"]);
    const refused = await loader({
      request: await signedInRequest(marketing.id, "http://localhost/portfolio"),
      params: {},
      context,
    }).catch((e: unknown) => e);
    expect((refused as Response).status).toBe(404);
  });
});
