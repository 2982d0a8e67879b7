import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { demo } from "../support/demo";
import { pageSignedInAs } from "../support/session";

const MILESTONE = "Regional expansion review";
const VENDOR_TASK = "Prepare the regional usage report";
const CUSTOMER_TASK = "Collect feedback from the region managers";

test("a CSM edits the plan — milestone, task, internal flag, name — and the champion adds a customer task", async ({ browser }) => {
  test.slow(); // two people, several edits on one page

  const csm = await pageSignedInAs(browser, demo.csm.email);
  await csm.getByRole("link", { name: "Orbit Retail" }).click();
  await csm.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: "Plan" }).click();
  await expect(csm.getByRole("heading", { name: "Enterprise rollout", level: 1 })).toBeVisible();

  // A milestone: first refused next to the field (a date before the plan started), then added.
  await csm.getByText("Add milestone", { exact: true }).click();
  const addMilestone = csm.locator("form").filter({ has: csm.getByRole("button", { name: "Save milestone" }) });
  await addMilestone.getByLabel("Milestone", { exact: true }).fill(MILESTONE);
  await addMilestone.getByLabel("Target date").fill("2020-01-01");
  await addMilestone.getByRole("button", { name: "Save milestone" }).click();
  await expect(addMilestone.getByLabel("Target date")).toHaveAccessibleDescription("Choose a date on or after the plan's start date.");
  await addMilestone.getByLabel("Target date").fill("2027-03-15");
  await addMilestone.getByRole("button", { name: "Save milestone" }).click();
  const milestone = csm.getByRole("region", { name: MILESTONE });
  await expect(milestone.getByText("Target Mar 15, 2027")).toBeVisible();

  // A vendor task under it, assigned to the CSM.
  await milestone.getByLabel(`Add a task to “${MILESTONE}”`).click();
  await milestone.getByLabel("Task", { exact: true }).fill(VENDOR_TASK);
  await milestone.getByLabel("Side", { exact: true }).selectOption({ label: "Vendor" });
  await milestone.getByLabel("Assignee", { exact: true }).selectOption({ label: demo.csm.name });
  await milestone.getByRole("button", { name: "Save task" }).click();
  const row = milestone.getByRole("row").filter({ hasText: VENDOR_TASK });
  await expect(row.getByRole("cell", { name: demo.csm.name, exact: true })).toBeVisible();
  await expect(row.getByText("No due date")).toBeVisible();

  // Edit it: a due date, and internal.
  await row.getByLabel(`Edit “${VENDOR_TASK}”`).click();
  await row.getByLabel("Due date (optional)").fill("2027-03-01");
  await row.getByLabel("Internal task (vendor team only)").check();
  await row.getByRole("button", { name: "Save changes" }).click();
  await expect(row.getByText("Internal", { exact: true })).toBeVisible();
  await expect(row.getByText("Mar 1, 2027")).toBeVisible();

  // Rename the plan.
  await csm.getByText("Rename plan", { exact: true }).click();
  await csm.getByLabel("Name of this plan").fill("Orbit rollout and expansion");
  await csm.getByRole("button", { name: "Save changes" }).click();
  await expect(csm.getByRole("heading", { name: "Orbit rollout and expansion", level: 1 })).toBeVisible();

  const activity = csm.getByRole("region", { name: "Activity", exact: true });
  await expect(activity.getByText(`${demo.csm.name} renamed the plan from “Enterprise rollout” to “Orbit rollout and expansion”`)).toBeVisible();
  await expect(activity.getByText(`${demo.csm.name} edited the task “${VENDOR_TASK}”: due date and internal`)).toBeVisible();
  await expectNoSeriousA11yViolations(csm);

  // The champion adds a customer-side task to the new milestone and never sees the internal one.
  const champion = await pageSignedInAs(browser, demo.orbitChampion.email);
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).click();
  const theirs = champion.getByRole("region", { name: MILESTONE });
  await expect(theirs).toBeVisible();
  await expect(champion.getByText(VENDOR_TASK)).toHaveCount(0);
  await expect(theirs.getByLabel(`Edit “${MILESTONE}”`)).toHaveCount(0);

  await theirs.getByLabel(`Add a task to “${MILESTONE}”`).click();
  await expect(theirs.getByLabel("Side", { exact: true }).locator("option")).toHaveText(["Customer"]);
  await expect(theirs.getByLabel("Internal task (vendor team only)")).toHaveCount(0);
  await theirs.getByLabel("Task", { exact: true }).fill(CUSTOMER_TASK);
  await theirs.getByLabel("Assignee", { exact: true }).selectOption({ label: "Chloe Nguyen" });
  await theirs.getByLabel("Due date (optional)").fill("2027-02-15");
  await theirs.getByRole("button", { name: "Save task" }).click();
  const customerRow = theirs.getByRole("row").filter({ hasText: CUSTOMER_TASK });
  await expect(customerRow.getByRole("cell", { name: "Chloe Nguyen", exact: true })).toBeVisible();
  await expect(customerRow.getByRole("cell", { name: "Customer", exact: true })).toBeVisible();
  await expect(champion.getByText(VENDOR_TASK)).toHaveCount(0);
  await expectNoSeriousA11yViolations(champion);

  // The CSM sees both.
  await csm.reload();
  await expect(milestone.getByRole("row").filter({ hasText: CUSTOMER_TASK })).toBeVisible();
  await expect(milestone.getByRole("row").filter({ hasText: VENDOR_TASK })).toBeVisible();

  for (const page of [csm, champion]) await page.context().close();
});
