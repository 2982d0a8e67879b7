import { createMilestone, createPlan, createTasks } from "../../../db/seed/factories";
import { todayIn } from "../../../app/lib/format";
import { datePlusDays } from "../../../app/domain/plans/template-dates";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("a CSM pages, filters and completes tasks in the grouped My tasks", async ({ newAccount, newStaff, signInAs }) => {
  const csm = await newStaff("csm", { timeZone: "Asia/Tokyo" });
  const { account } = await newAccount({ csm });
  const milestone = await createMilestone(await createPlan(account.id), { title: "Rollout" });
  const today = todayIn("Asia/Tokyo");
  // 52 overdue (half vendor), 5 this week (3 vendor), 3 later (1 undated): Overdue has two pages.
  await createTasks(milestone, [
    ...Array.from({ length: 52 }, (_, index) => ({
      title: `Overdue task ${index + 1}`,
      side: index % 2 === 0 ? ("vendor" as const) : ("customer" as const),
      assigneeId: csm.id,
      dueDate: datePlusDays(today, -1 - index),
    })),
    ...Array.from({ length: 5 }, (_, index) => ({
      title: `Week task ${index + 1}`,
      side: index < 3 ? ("vendor" as const) : ("customer" as const),
      assigneeId: csm.id,
      dueDate: datePlusDays(today, index),
    })),
    { title: "Later task 1", side: "vendor", assigneeId: csm.id, dueDate: datePlusDays(today, 30) },
    { title: "Later task 2", side: "customer", assigneeId: csm.id, dueDate: datePlusDays(today, 60) },
    { title: "Later task undated", side: "vendor", assigneeId: csm.id, dueDate: null },
  ]);

  const page = await signInAs(csm);
  await page.goto("/my-tasks");
  const overdue = page.getByRole("region", { name: "Overdue" });
  const week = page.getByRole("region", { name: "This week" });
  const later = page.getByRole("region", { name: "Later" });
  await expect(overdue.getByText("52", { exact: true })).toBeVisible();
  await expect(week.getByText("5", { exact: true })).toBeVisible();
  await expect(later.getByText("3", { exact: true })).toBeVisible();
  await expect(overdue.getByRole("row")).toHaveCount(51); // header + 50
  await expect(later.getByRole("row").last()).toContainText("Later task undated");

  // Next in Overdue (oldest first): the two most recent, This week untouched.
  const pager = overdue.getByRole("navigation", { name: "Pages of Overdue" });
  await expect(pager.getByText("1–50 of 52")).toBeVisible();
  await pager.getByRole("link", { name: "Next" }).click();
  await expect(pager.getByText("51–52 of 52")).toBeVisible();
  await expect(overdue.getByRole("link", { name: "Overdue task 1", exact: true })).toBeVisible();
  await expect(week.getByRole("row")).toHaveCount(6);

  // Vendor side only: the filter is in the URL and the groups count what it leaves.
  await page.getByLabel("Side").selectOption("vendor");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(/side=vendor/);
  await expect(overdue.getByText("26", { exact: true })).toBeVisible();
  await expect(week.getByText("3", { exact: true })).toBeVisible();
  await expect(week.getByRole("link", { name: "Week task 4", exact: true })).toHaveCount(0);

  // Completing a task (after its confirm step) takes it off the list.
  await week.getByRole("button", { name: "Mark “Week task 1” done" }).click();
  await week.getByRole("button", { name: "Mark done", exact: true }).click();
  await expect(week.getByRole("link", { name: "Week task 1", exact: true })).toHaveCount(0);
  await expect(week.getByText("2", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
