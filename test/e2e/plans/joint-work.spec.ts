import { createTask, findInPlan } from "../../../db/seed/factories";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const MILESTONE = "Adoption review with the executive sponsor";

test("champion and colleague work their tasks, then CSM and champion sign the milestone off together", async ({
  newAccount,
  signInAs,
}) => {
  test.slow(); // three people on one plan
  const account = await newAccount({
    champion: { name: "Kenji Watanabe" },
    members: [{ name: "Priyanka Sharma" }],
    plan: { template: "Enterprise rollout", startDate: "2026-09-01" },
  });

  // The champion completes a customer task, hands another to a colleague and comments.
  const champion = await signInAs(account.champion);
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).click();
  const milestone = champion.getByRole("region", { name: MILESTONE });
  await milestone
    .getByLabel("Status of “Certify one dashboard author in every region”", { exact: true })
    .selectOption("done");
  await milestone
    .getByRole("button", { name: "Save status of “Certify one dashboard author in every region”" })
    .click();
  await expect(
    milestone
      .getByRole("row")
      .filter({ hasText: "Certify one dashboard author" })
      .getByRole("cell", { name: "Done", exact: true }),
  ).toBeVisible();

  const task = "Gather adoption and time-saved figures from region managers";
  await milestone.getByLabel(`Assignee of “${task}”`, { exact: true }).selectOption({ label: "Priyanka Sharma" });
  await milestone.getByRole("button", { name: `Assign “${task}”` }).click();
  await expect(
    milestone.getByRole("row").filter({ hasText: task }).getByRole("cell", { name: "Priyanka Sharma", exact: true }),
  ).toBeVisible();

  await milestone.getByText("Comments", { exact: true }).last().click();
  await milestone
    .getByLabel(`Comment on “${MILESTONE}”`)
    .fill("Region figures are in; Priyanka is pulling the time-saved numbers.");
  await milestone.getByRole("button", { name: "Post comment" }).last().click();
  await expect(milestone.getByText("Region figures are in; Priyanka is pulling the time-saved numbers.")).toBeVisible();
  await expectNoSeriousA11yViolations(champion);

  // The colleague finds it under "My tasks" and completes it there.
  const colleague = await signInAs(account.members[0]!);
  await colleague.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My tasks" }).click();
  await expect(colleague.getByRole("heading", { name: "My tasks", level: 1 })).toBeVisible();
  await colleague.getByRole("button", { name: `Mark “${task}” done` }).click();
  // My tasks asks first (and offers an undo after).
  await colleague.getByRole("button", { name: "Mark done", exact: true }).click();
  await expect(colleague.getByRole("status").filter({ hasText: `“${task}” is done.` })).toBeVisible();
  await expect(colleague.getByRole("link", { name: task })).toHaveCount(0);
  await expectNoSeriousA11yViolations(colleague);

  // The CSM marks the milestone achieved; the champion confirms and rates it.
  const csm = await signInAs(account.csm);
  await csm.goto(`${account.url}/plan`);
  const csmMilestone = csm.getByRole("region", { name: MILESTONE });
  await expect(
    csmMilestone.getByRole("row").filter({ hasText: task }).getByRole("cell", { name: "Done", exact: true }),
  ).toBeVisible();
  // The vendor's own review tasks are still open: signing off says so and asks why.
  await expect(csmMilestone.getByText(/^\d+ tasks? (is|are) still open\.$/)).toBeVisible();
  await csmMilestone.getByLabel("Why sign off now?").fill("The sponsor review happened; the write-up follows.");
  await csmMilestone.getByRole("button", { name: "Mark achieved anyway" }).click();
  await expect(csmMilestone.getByText("Awaiting confirmation from the champion")).toBeVisible();
  await expect(csmMilestone.getByText(new RegExp(`Signed off by ${account.csm.name}`))).toBeVisible();

  await champion.reload();
  await milestone.getByLabel("5 stars").check();
  await milestone.getByLabel("Comment (optional)").fill("The review ran itself: every number was already in Lumen.");
  await milestone.getByLabel("Why sign off now?").fill("Agreed with the CSM on the review call.");
  await milestone.getByRole("button", { name: "Confirm achieved anyway" }).click();
  await expect(milestone.getByText("Achieved", { exact: true })).toBeVisible();
  await expect(milestone.getByText(/^Achieved with \d+ tasks? still open$/)).toBeVisible();
  await expect(milestone.getByText(/Confirmed by Kenji Watanabe/)).toBeVisible();
  await expect(milestone.getByText("Rated 5 of 5")).toBeVisible();

  // The plan's activity log tells the story, newest first.
  const activity = champion.getByRole("region", { name: "Activity", exact: true });
  await expect(activity.getByText(`“${MILESTONE}” was achieved`)).toBeVisible();
  await expect(activity.getByText(`Kenji Watanabe commented on “${MILESTONE}”`, { exact: true })).toBeVisible();
  await expect(
    activity.getByText(/, with \d+ tasks? still open: “Agreed with the CSM on the review call\.”$/),
  ).toBeVisible();
  await expect(
    activity.getByText(/^Kenji Watanabe changed “Certify one dashboard author in every region” from .+ to Done$/),
  ).toBeVisible();
});

test("a member can complete their own task but not change others'", async ({ newAccount, signInAs }) => {
  const account = await newAccount({
    members: [{ name: "Raj Mehta" }],
    plan: { template: "Enterprise rollout", startDate: "2026-11-01" },
  });
  const [member] = account.members;
  const kickoff = await findInPlan(account.plan!, "milestone", "Kickoff with the executive sponsor");
  await createTask(kickoff, { title: "Provision a read-only replica", assigneeId: member!.id });
  await createTask(kickoff, { title: "Sign the data-processing agreement", assigneeId: account.champion.id });

  const page = await signInAs(member!);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).click();
  const rows = page.getByRole("region", { name: "Kickoff with the executive sponsor" }).getByRole("row");
  const own = rows.filter({ hasText: "Provision a read-only replica" });
  await expect(own.getByRole("button", { name: "Mark “Provision a read-only replica” done" })).toBeVisible();
  const others = rows.filter({ hasText: "Sign the data-processing agreement" });
  await expect(others.getByRole("button")).toHaveCount(0);
});
