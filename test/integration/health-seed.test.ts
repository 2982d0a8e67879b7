import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts, type HealthSnapshot, healthSnapshots } from "~db/schema";
import { seedDemo } from "~db/seed/demo";
import { HEALTH_HISTORY_DAYS } from "~db/seed/demo-health";
import type { MeasureKey } from "~/domain/health/measures";
import { DEFAULT_THRESHOLDS, overallScore, type Weights } from "~/domain/health/score";
import { explainHealthBetween } from "~/domain/health/why.server";

const history = new Map<string, HealthSnapshot[]>();

beforeAll(async () => {
  await seedDemo();
  const rows = await db
    .select({ externalId: accounts.externalId, snapshot: healthSnapshots })
    .from(healthSnapshots)
    .innerJoin(accounts, eq(accounts.id, healthSnapshots.accountId))
    .orderBy(asc(healthSnapshots.day));
  for (const row of rows) history.set(row.externalId!, [...(history.get(row.externalId!) ?? []), row.snapshot]);
}, 60_000);

const of = (externalId: string) => history.get(externalId)!;
const back = (externalId: string, days: number) => of(externalId)[of(externalId).length - 1 - days]!;

describe("the demo's health history", () => {
  it("has 90 daily snapshots per demo account, each scored from its measures under the model", () => {
    for (const externalId of ["crm-orbit", "crm-helix", "crm-northwind"]) {
      const snapshots = of(externalId);
      expect(snapshots).toHaveLength(HEALTH_HISTORY_DAYS);
      for (const snapshot of snapshots) {
        const scores = Object.fromEntries(snapshot.measures.map((m) => [m.key, m.score])) as Record<
          MeasureKey,
          number | null
        >;
        const weights = Object.fromEntries(snapshot.measures.map((m) => [m.key, m.weight])) as Weights;
        const overall = overallScore(scores, weights, DEFAULT_THRESHOLDS);
        expect({ day: snapshot.day, overall: snapshot.overall, grade: snapshot.grade }).toEqual({
          day: snapshot.day,
          overall: overall.score,
          grade: overall.grade,
        });
        expect(snapshot.coverage).toEqual(overall.coverage);
      }
    }
  });

  it("Orbit is green today and rising", () => {
    expect(back("crm-orbit", 0).grade).toBe("green");
    expect(back("crm-orbit", 0).overall!).toBeGreaterThan(back("crm-orbit", 30).overall!);
    expect(back("crm-orbit", 30).overall!).toBeGreaterThan(back("crm-orbit", 89).overall!);
  });

  it("Helix was yellow and is red today, with usage, the stalled milestone and the detractor behind it", async () => {
    expect(back("crm-helix", 60).grade).toBe("yellow");
    expect(back("crm-helix", 0).grade).toBe("red");
    const helix = back("crm-helix", 0);
    const answer = await explainHealthBetween(helix.accountId, back("crm-helix", 45).day, helix.day);
    if (!answer.ok) throw new Error("expected an explanation");
    const moved = answer.explanation.changes.flatMap((change) => change.inputs.map((i) => `${change.key}.${i.input}`));
    expect(moved).toEqual(
      expect.arrayContaining(["adoption.monthlyActive", "plan.stalled", "sentiment.detractors", "sentiment.pulse"]),
    );
    expect(answer.explanation.changes[0]!.key).toBe("adoption");
    expect(answer.explanation.changes[0]!.points).toBeLessThan(0);
  });

  it("Northwind is yellow with little data early on: its coverage grows as its data arrives", () => {
    expect(back("crm-northwind", 0).grade).toBe("yellow");
    expect(back("crm-northwind", 60).grade).toBe("yellow");
    expect(back("crm-northwind", 60).coverage.measures).toBeLessThan(back("crm-northwind", 0).coverage.measures);
  });
});
