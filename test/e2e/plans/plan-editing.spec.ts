import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const MILESTONE = "Regional expansion review";
const VENDOR_TASK = "Prepare the regional usage report";
const CUSTOMER_TASK = "Collect feedback from the region managers";

test("a CSM edits the plan — milestone, task, internal flag, name — and the champion adds a customer task", async ({
  newAccount,
  signInAs,
}) => {
  test.slow(); // two people, several edits on one page
  const {
    url,
    csm: csmPerson,
    champion: championPerson,
  } = await newAccount({
    members: [{ name: "Daniel Cho" }],
    plan: { template: "Enterprise rollout", startDate: "2026-09-01" },
  });

  const csm = await signInAs(csmPerson);
  await csm.goto(`${url}/plan`);
  await expect(csm.getByRole("heading", { name: "Enterprise rollout", level: 1 })).toBeVisible();

  // A milestone: first refused next to the field (a date before the plan started), then added.
  await csm.getByText("Add milestone", { exact: true }).click();
  const addMilestone = csm.locator("form").filter({ has: csm.getByRole("button", { name: "Save milestone" }) });
  await addMilestone.getByLabel("Milestone", { exact: true }).fill(MILESTONE);
  await addMilestone.getByLabel("Target date").fill("2020-01-01");
  await addMilestone.getByRole("button", { name: "Save milestone" }).click();
  await expect(addMilestone.getByLabel("Target date")).toHaveAccessibleDescription(
    "Choose a date on or after the plan's start date.",
  );
  await addMilestone.getByLabel("Target date").fill("2027-03-15");
  await addMilestone.getByRole("button", { name: "Save milestone" }).click();
  const milestone = csm.getByRole("region", { name: MILESTONE });
  await expect(milestone.getByText("Target Mar 15, 2027")).toBeVisible();

  // A vendor task under it, assigned to the CSM.
  await milestone.getByLabel(`Add a task to “${MILESTONE}”`).click();
  await milestone.getByLabel("Task", { exact: true }).fill(VENDOR_TASK);
  await milestone.getByLabel("Side", { exact: true }).selectOption({ label: "Vendor" });
  await milestone.getByLabel("Assignee", { exact: true }).selectOption({ label: csmPerson.name });
  await milestone.getByRole("button", { name: "Save task" }).click();
  const row = milestone.getByRole("row").filter({ hasText: VENDOR_TASK });
  await expect(row.getByRole("cell", { name: csmPerson.name, exact: true })).toBeVisible();
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
  await csm.getByLabel("Name of this plan").fill("Rollout and expansion");
  await csm.getByRole("button", { name: "Save changes" }).click();
  await expect(csm.getByRole("heading", { name: "Rollout and expansion", level: 1 })).toBeVisible();

  const activity = csm.getByRole("region", { name: "Activity", exact: true });
  await expect(
    activity.getByText(`${csmPerson.name} renamed the plan from “Enterprise rollout” to “Rollout and expansion”`),
  ).toBeVisible();
  await expect(
    activity.getByText(`${csmPerson.name} edited the task “${VENDOR_TASK}”: due date and internal`),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(csm);

  // The champion adds a customer-side task to the new milestone and never sees the internal one.
  const champion = await signInAs(championPerson);
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).click();
  const theirs = champion.getByRole("region", { name: MILESTONE });
  await expect(theirs).toBeVisible();
  await expect(champion.getByText(VENDOR_TASK)).toHaveCount(0);
  await expect(theirs.getByLabel(`Edit “${MILESTONE}”`)).toHaveCount(0);

  await theirs.getByLabel(`Add a task to “${MILESTONE}”`).click();
  await expect(theirs.getByLabel("Side", { exact: true }).locator("option")).toHaveText(["Customer"]);
  await expect(theirs.getByLabel("Internal task (vendor team only)")).toHaveCount(0);
  await theirs.getByLabel("Task", { exact: true }).fill(CUSTOMER_TASK);
  await theirs.getByLabel("Assignee", { exact: true }).selectOption({ label: "Daniel Cho" });
  await theirs.getByLabel("Due date (optional)").fill("2027-02-15");
  await theirs.getByRole("button", { name: "Save task" }).click();
  const customerRow = theirs.getByRole("row").filter({ hasText: CUSTOMER_TASK });
  await expect(customerRow.getByRole("cell", { name: "Daniel Cho", exact: true })).toBeVisible();
  await expect(customerRow.getByRole("cell", { name: "Customer", exact: true })).toBeVisible();
  await expect(champion.getByText(VENDOR_TASK)).toHaveCount(0);
  await expectNoSeriousA11yViolations(champion);

  // The CSM sees both.
  await csm.reload();
  await expect(milestone.getByRole("row").filter({ hasText: CUSTOMER_TASK })).toBeVisible();
  await expect(milestone.getByRole("row").filter({ hasText: VENDOR_TASK })).toBeVisible();
});

test("a CSM keeps several plans for an account, makes the older one current, adds an outcome; a stale edit is refused", async ({
  newAccount,
  signInAs,
}) => {
  test.slow(); // an account, two plans and two tabs
  const { url, csm: csmPerson } = await newAccount({ segment: "Self-serve team" });
  const csm = await signInAs(csmPerson);
  await csm.goto(`${url}/plan`);

  // Two plans: onboarding, then expansion (which becomes current).
  await csm.getByLabel("Template", { exact: true }).selectOption({ label: "Self-serve onboarding (Self-serve team)" });
  await csm.getByLabel("Start date").fill("2026-01-05");
  await csm.getByLabel("Plan name").fill("Onboarding");
  await csm.getByRole("button", { name: "Create plan" }).click();
  await expect(csm.getByRole("heading", { name: "Onboarding", level: 1 })).toBeVisible();
  await csm.getByText("Start another plan from a template").click();
  await csm.getByLabel("Template", { exact: true }).selectOption({ label: "Enterprise rollout (Enterprise rollout)" });
  await csm.getByLabel("Start date").fill("2026-06-01");
  await csm.getByLabel("Plan name").fill("Expansion");
  await csm.getByRole("button", { name: "Create plan" }).click();
  await expect(csm.getByRole("heading", { name: "Expansion", level: 1 })).toBeVisible();

  // Open the older plan and make it current again.
  const plans = csm.getByRole("region", { name: "Plans of this account" });
  await plans.getByRole("link", { name: "Open “Onboarding”" }).click();
  await expect(csm.getByRole("heading", { name: "Onboarding", level: 1 })).toBeVisible();
  await expect(
    csm.getByText("You're looking at “Onboarding”, which is not this account's current plan.", { exact: false }),
  ).toBeVisible();
  await plans.getByRole("button", { name: "Make “Onboarding” the current plan" }).click();
  await expect(csm.getByText(/which is not this account's current plan/)).toHaveCount(0);
  await expect(
    plans.getByRole("row").filter({ hasText: "Onboarding" }).getByText("Current", { exact: true }),
  ).toBeVisible();
  await expect(plans.getByRole("button", { name: "Make “Expansion” the current plan" })).toBeVisible();

  // An outcome: a date before the plan started is refused next to the field, then it is added.
  await csm.getByText("Add outcome", { exact: true }).click();
  const outcomes = csm.getByRole("region", { name: "Outcomes" });
  const addOutcome = outcomes.locator("form").filter({ has: csm.getByRole("button", { name: "Save outcome" }) });
  await addOutcome.getByLabel("Outcome", { exact: true }).fill("Weekly reporting in five minutes");
  await addOutcome.getByLabel("Owner").selectOption({ label: csmPerson.name });
  await addOutcome.getByLabel("Target date (optional)").fill("2025-12-01");
  await addOutcome.getByRole("button", { name: "Save outcome" }).click();
  await expect(addOutcome.getByLabel("Target date (optional)")).toHaveAccessibleDescription(
    "Choose a date on or after the plan's start date.",
  );
  await addOutcome.getByLabel("Target date (optional)").fill("2026-04-01");
  await addOutcome.getByRole("button", { name: "Save outcome" }).click();
  await expect(outcomes.getByRole("heading", { name: "Weekly reporting in five minutes" })).toBeVisible();
  await expect(outcomes.getByText(`Owner: ${csmPerson.name}`)).toBeVisible();

  // Two tabs edit the same milestone: the second save, on the old version, is refused and says why.
  const milestone = "Workspace set up and warehouse connected";
  const other = await csm.context().newPage();
  await other.goto(csm.url());
  for (const page of [csm, other])
    await page.getByRole("region", { name: milestone }).getByLabel(`Edit “${milestone}”`).click();
  const first = other.getByRole("region", { name: milestone });
  await first.getByLabel("Milestone", { exact: true }).fill("Workspace ready");
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(other.getByRole("heading", { name: "Workspace ready", level: 3 })).toBeVisible();
  const stale = csm.getByRole("region", { name: milestone });
  await stale.getByLabel("Milestone", { exact: true }).fill("Warehouse connected");
  await stale.getByRole("button", { name: "Save changes" }).click();
  // The refusal is shown in the form (which, revalidated, now holds the other tab's title).
  await expect(
    csm.getByRole("alert").filter({ hasText: "Someone else changed this meanwhile, so your change was not saved." }),
  ).toBeVisible();
  await csm.reload();
  await expect(csm.getByRole("heading", { name: "Workspace ready", level: 3 })).toBeVisible();
  await expect(csm.getByRole("heading", { name: "Warehouse connected", level: 3 })).toHaveCount(0);
});
