import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { users } from "~db/schema";
import { seedDemo } from "~db/seed/demo";
import { listOpenAsksFor } from "~/domain/advocacy/asks.server";
import { getNpsReport, isNpsSurveyDue } from "~/domain/advocacy/nps.server";
import { listDirectoryChoices, listReferenceDirectory } from "~/domain/advocacy/references.server";
import { toActor } from "~/domain/auth/actor";

beforeAll(async () => {
  await seedDemo();
});

const actorFor = async (email: string) => toActor((await db.select().from(users).where(eq(users.email, email)))[0]!);

describe("the advocacy demo story", () => {
  it("Orbit: a promoter champion with an open case-study ask tied to go-live, a week early", async () => {
    const kenji = await actorFor("kenji@orbitretail.example");
    expect(await listOpenAsksFor(kenji)).toEqual([
      expect.objectContaining({
        askType: "case_study",
        context: { milestoneTitle: expect.stringMatching(/^Go-live/), daysEarly: 7 },
      }),
    ]);
    expect(await isNpsSurveyDue(kenji)).toBe(false);
    expect(await isNpsSurveyDue(await actorFor("daniel@orbitretail.example"))).toBe(true);
  });

  it("Helix: a detractor and no asks; NPS per account adds up", async () => {
    expect(await listOpenAsksFor(await actorFor("elena@helixhealth.example"))).toEqual([]);
    const report = await getNpsReport();
    const byName = Object.fromEntries(report.byAccount.map((row) => [row.accountName, row.summary]));
    expect(byName["Orbit Retail"]).toMatchObject({ promoters: 2, nps: 100 });
    expect(byName["Helix Health"]).toMatchObject({ detractors: 1, passives: 1, nps: -50 });
  });

  it("Kenji (one call this quarter) and Priyanka (asked by hand) are in the reference directory, found by their account's use cases", async () => {
    const directory = await listReferenceDirectory({});
    expect(directory.available).toEqual([
      expect.objectContaining({
        name: "Kenji Watanabe",
        callsThisQuarter: 1,
        useCases: expect.arrayContaining(["Self-serve analytics"]),
      }),
      expect.objectContaining({ name: "Priyanka Sharma", callsThisQuarter: 0 }),
    ]);
    expect((await listReferenceDirectory({ useCase: "Self-serve analytics" })).available).toHaveLength(2);
    expect((await listReferenceDirectory({ useCase: "Regulatory reporting" })).available).toEqual([]);
    // Each demo account has a few, and the filter offers a use case two accounts share only once.
    const { useCases } = await listDirectoryChoices();
    expect(useCases).toContain("Clinical quality reporting");
    expect(useCases.filter((useCase) => useCase === "Self-serve analytics")).toHaveLength(1);
  });
});
