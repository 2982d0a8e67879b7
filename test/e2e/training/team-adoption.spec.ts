import { expectNoSeriousA11yViolations } from "../support/axe";
import { demo } from "../support/demo";
import { expect, test } from "../support/fixtures";

// A demo-story spec, read only: Orbit's seeded training (db/seed/demo-training.ts) on the fixture
// courses. No spec changes the demo's people or training, so the counts hold in any order.
const COURSE = "Dashboards in a day";

test("Orbit's champion opens the team's training and sees who finished, with a percentage", async ({ signInAs }) => {
  const champion = await signInAs(demo.orbitChampion.email);
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Training" }).click();
  await champion.getByRole("link", { name: "Team training" }).click();
  await expect(champion.getByRole("heading", { name: "Team training", level: 1 })).toBeVisible();

  const byCourse = champion.getByRole("listitem").filter({ hasText: COURSE });
  await expect(byCourse.getByText("80% finished", { exact: true })).toBeVisible();
  await expect(byCourse.getByText("4 of 5 finished", { exact: true })).toBeVisible();

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
