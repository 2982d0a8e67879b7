import { describe, expect, it } from "vitest";
import {
  type AccountMovements,
  accountRetention,
  lastQuarters,
  parsePeriod,
  retentionTotals,
} from "~/domain/revenue/retention";

const move = (accountId: string, values: Partial<AccountMovements>): AccountMovements => ({
  accountId,
  currency: "USD",
  startArr: 0,
  endArr: 0,
  expansion: 0,
  contraction: 0,
  churned: 0,
  resigned: 0,
  ...values,
});

describe("periods", () => {
  it("reads quarters, months, years and custom ranges", () => {
    expect(parsePeriod("2026-Q3")).toEqual({ key: "2026-Q3", kind: "quarter", start: "2026-07-01", end: "2026-09-30" });
    expect(parsePeriod("2026-q1")).toMatchObject({ start: "2026-01-01", end: "2026-03-31" });
    expect(parsePeriod("2028-02")).toEqual({ key: "2028-02", kind: "month", start: "2028-02-01", end: "2028-02-29" });
    expect(parsePeriod("2026")).toEqual({ key: "2026", kind: "year", start: "2026-01-01", end: "2026-12-31" });
    expect(parsePeriod("2026-01-15..2026-02-20")).toMatchObject({
      kind: "custom",
      start: "2026-01-15",
      end: "2026-02-20",
    });
  });

  it("refuses anything else", () => {
    for (const bad of [
      "",
      "2026-Q5",
      "2026-13",
      "26",
      "2026-02-30..2026-03-01",
      "2026-03-01..2026-02-01",
      "1850",
      "Q3",
    ]) {
      expect(parsePeriod(bad)).toBeNull();
    }
  });

  it("lists the last quarters across a year end, oldest first", () => {
    expect(lastQuarters("2026-08-15", 8).map((p) => p.key)).toEqual([
      "2024-Q4",
      "2025-Q1",
      "2025-Q2",
      "2025-Q3",
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
    ]);
  });
});

describe("retention", () => {
  /*
   * Hand-worked, one quarter, USD:
   *   A  start 100,000  expansion +20,000                     end 120,000
   *   B  start  50,000  contraction −10,000                   end  40,000
   *   C  start  30,000  churn −30,000                         end       0  (lost logo)
   *   D  start  20,000  churn −20,000, re-sign +15,000        end  15,000  (not lost: contraction 5,000)
   *   E  start  10,000  churn −10,000, re-sign +12,000        end  12,000  (not lost: expansion 2,000)
   *   F  start       0  new +40,000                            (new business: not in the cohort)
   * start 210,000; expansion 22,000; contraction 15,000; churn 30,000; end 187,000
   * GRR = (210,000 − 15,000 − 30,000) ÷ 210,000 = 165/210 = 0.785714…
   * NRR = (210,000 + 22,000 − 15,000 − 30,000) ÷ 210,000 = 187/210 = 0.890476…
   * logo churn = 1 ÷ 5 = 0.2
   */
  const rows = [
    move("A", { startArr: 100_000, endArr: 120_000, expansion: 20_000 }),
    move("B", { startArr: 50_000, endArr: 40_000, contraction: 10_000 }),
    move("C", { startArr: 30_000, endArr: 0, churned: 30_000 }),
    move("D", { startArr: 20_000, endArr: 15_000, churned: 20_000, resigned: 15_000 }),
    move("E", { startArr: 10_000, endArr: 12_000, churned: 10_000, resigned: 12_000 }),
    move("F", { startArr: 0, endArr: 40_000, resigned: 40_000 }),
  ].map(accountRetention);

  it("nets a churn and a re-sign in the same period into a contraction or an expansion", () => {
    expect(rows.find((r) => r.accountId === "D")).toMatchObject({
      churn: 0,
      contraction: 5_000,
      expansion: 0,
      lostLogo: false,
    });
    expect(rows.find((r) => r.accountId === "E")).toMatchObject({
      churn: 0,
      contraction: 0,
      expansion: 2_000,
      lostLogo: false,
    });
    expect(rows.find((r) => r.accountId === "C")).toMatchObject({ churn: 30_000, lostLogo: true });
  });

  it("adds up the hand-worked table", () => {
    const [usd] = retentionTotals(rows);
    expect(usd).toMatchObject({
      currency: "USD",
      startArr: 210_000,
      expansion: 22_000,
      contraction: 15_000,
      churn: 30_000,
      endArr: 187_000,
      logosAtStart: 5,
      logosLost: 1,
      logoChurn: 0.2,
    });
    expect(usd!.grr).toBeCloseTo(165 / 210, 10);
    expect(usd!.nrr).toBeCloseTo(187 / 210, 10);
    // The identity the re-sign rule keeps: start + expansion − contraction − churn = end.
    expect(usd!.startArr + usd!.expansion - usd!.contraction - usd!.churn).toBe(usd!.endArr);
  });

  it("never adds currencies together", () => {
    const mixed = [
      move("A", { startArr: 100, endArr: 110, expansion: 10 }),
      move("B", { currency: "EUR", startArr: 1_000, endArr: 0, churned: 1_000 }),
    ].map(accountRetention);
    const totals = retentionTotals(mixed);
    expect(totals.map((t) => [t.currency, t.startArr, t.nrr, t.grr])).toEqual([
      ["EUR", 1_000, 0, 0],
      ["USD", 100, 1.1, 1],
    ]);
  });

  it("has no ratio without a cohort", () => {
    expect(retentionTotals([accountRetention(move("F", { endArr: 5, resigned: 5 }))])).toEqual([]);
  });
});
