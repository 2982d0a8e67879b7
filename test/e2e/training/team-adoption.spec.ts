import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { demo } from "../support/demo";
import { pageSignedInAs } from "../support/session";

// Orbit's seeded training (db/seed/demo-training.ts) on the fixture courses. No other spec trains
// Orbit's people or adds to its team, so the counts are stable while specs run in parallel; the
// settings spec renames Chloe ("Chloe N. Nguyen"), so rows are found by first name.
const COURSE = "Dashboards in a day";

test("Orbit's champion opens the team's training and sees who finished, with a percentage", async ({ browser }) => {
  const champion = await pageSignedInAs(browser, demo.orbitChampion.email);
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Training" }).click();
  await champion.getByRole("link", { name: "Team training" }).click();
  await expect(champion.getByRole("heading", { name: "Team training", level: 1 })).toBeVisible();

  const byCourse = champion.getByRole("listitem").filter({ hasText: COURSE });
  await expect(byCourse.getByText("75% finished", { exact: true })).toBeVisible();
  await expect(byCourse.getByText("3 of 4 finished", { exact: true })).toBeVisible();

  const row = (firstName: string) => champion.getByRole("row", { name: new RegExp(`^${firstName} `) });
  const courseCell = (firstName: string) => row(firstName).getByRole("cell").nth(1);
  await expect(courseCell("Chloe").getByText("Completed", { exact: true })).toBeVisible();
  await expect(courseCell("Priyanka").getByText("Completed", { exact: true })).toBeVisible();
  await expect(courseCell("Daniel").getByText("In progress", { exact: true })).toBeVisible();
  // The champions' course is measured against the champion alone, and members show as not concerned.
  const rollout = champion.getByRole("listitem").filter({ hasText: "Running the rollout" });
  await expect(rollout.getByText("0 of 1 finished", { exact: true })).toBeVisible();
  await expect(row("Chloe").getByRole("cell").nth(2).getByText("Not for their role", { exact: true })).toBeVisible();
  await expect(champion.getByText("Everyone has started at least one course.")).toBeVisible();
  await expectNoSeriousA11yViolations(champion);
});
