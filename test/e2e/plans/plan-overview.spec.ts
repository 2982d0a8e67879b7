import { achieveMilestone, createTask, findInPlan } from "../../../db/seed/factories";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const KICKOFF = "Kickoff with the executive sponsor";
const DATA = "Sales and inventory data connected";

test("the plan folds achieved milestones, leads to the current one, and filtering hides empty milestones", async ({
  newAccount,
  signInAs,
}) => {
  const { url, csm, champion, plan } = await newAccount({
    plan: { template: "Enterprise rollout", startDate: "2026-11-01" },
  });
  await achieveMilestone(await findInPlan(plan!, "milestone", KICKOFF), csm, champion);
  const data = await findInPlan(plan!, "milestone", DATA);
  await createTask(data, { title: "Unblock the POS export", status: "blocked", blockedReason: "Waiting on IT" });

  const page = await signInAs(champion);
  await page.goto(`${url}/plan`);

  // The achieved kickoff keeps its header in view and folds its tasks away.
  const kickoff = page.getByRole("region", { name: KICKOFF });
  await expect(kickoff.getByText("Achieved", { exact: true })).toBeVisible();
  await expect(kickoff.getByRole("table")).toBeHidden();
  await kickoff.getByText(/^Show its \d+ tasks and comments$/).click();
  await expect(kickoff.getByRole("table")).toBeVisible();

  // One link leads past the overview to the current milestone.
  await page.getByRole("link", { name: `Go to the current milestone: ${DATA}` }).click();
  await expect(page).toHaveURL(new RegExp(`#milestone-${data.id}$`));
  await expect(page.getByRole("region", { name: DATA }).getByRole("table")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Filtering for blocked work shows only the milestone that has some.
  const filters = page.getByRole("form", { name: "Filter tasks" });
  await filters.getByLabel("Status").selectOption("blocked");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Showing 1 task" })).toContainText(
    "milestones without matching tasks are hidden.",
  );
  await expect(
    page.getByRole("region", { name: DATA }).getByText("Unblock the POS export", { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: KICKOFF })).toHaveCount(0);
});
