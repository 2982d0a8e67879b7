import type { Page } from "@playwright/test";
import { createMilestone, createPlan, createTask } from "../../../db/seed/factories";
import type { User } from "../../../db/schema";
import { expect, test } from "../support/fixtures";

type NewAccount = (options: object) => Promise<{ account: { id: string }; csm: User; url: string }>;

const TITLES = ["Draft the rollout brief", "Book the admin training", "Map the data sources", "Review the pilot"];

/** An account of the test's own with one plan: one milestone of four vendor tasks, in that order. */
async function planWithTasks(newAccount: NewAccount) {
  const created = await newAccount({});
  const plan = await createPlan(created.account.id, { name: "Bulk edit plan", startDate: "2026-09-01" });
  const milestone = await createMilestone(plan, {
    title: `Reorder review ${test.info().repeatEachIndex}`,
    targetDate: "2026-10-15",
  });
  for (const [position, title] of TITLES.entries())
    await createTask(milestone, { title, side: "vendor", position, assigneeId: created.csm.id });
  return { ...created, milestone };
}

/** The task titles of a milestone's table, top to bottom. */
async function taskOrder(page: Page, milestoneTitle: string) {
  const rows = page.getByRole("region", { name: milestoneTitle }).locator("tbody > tr");
  return rows.evaluateAll((all) => all.map((row) => row.querySelector("td:nth-child(2) .font-medium")?.textContent));
}

test("a CSM moves a task down from the keyboard and sets the status of three tasks at once", async ({
  newAccount,
  signInAs,
}) => {
  const { url, csm: csmPerson, milestone } = await planWithTasks(newAccount);
  const csm = await signInAs(csmPerson);
  await csm.goto(`${url}/plan`);
  const section = csm.getByRole("region", { name: milestone.title });
  await expect(section.getByText(TITLES[0]!, { exact: true })).toBeVisible();

  // The keyboard alternative to dragging: focus "Move down" and press Enter.
  const down = section.getByRole("button", { name: `Move “${TITLES[0]}” down` });
  await down.focus();
  await csm.keyboard.press("Enter");
  await expect(
    csm.getByRole("status").filter({ hasText: `Moved task “${TITLES[0]}” to position 2 of 4.` }),
  ).toHaveCount(1);
  await expect(down).toBeFocused();
  await csm.reload();
  await expect.poll(() => taskOrder(csm, milestone.title)).toEqual([TITLES[1], TITLES[0], TITLES[2], TITLES[3]]);
  await expect(
    csm
      .getByRole("region", { name: "Activity", exact: true })
      .getByText(`${csmPerson.name} moved the task “${TITLES[0]}” from position 1 to 2`),
  ).toBeVisible();

  // Three tasks at once: select them, choose a status, apply.
  for (const title of TITLES.slice(0, 3)) await section.getByRole("checkbox", { name: `Select “${title}”` }).check();
  const bar = csm.getByRole("form", { name: "Edit selected tasks" });
  await expect(bar.getByText("3 tasks selected")).toBeVisible();
  await bar.getByLabel("Set status").selectOption({ label: "In progress" });
  await bar.getByRole("button", { name: "Apply" }).click();
  await expect(bar.getByText("Updated 3 tasks.")).toBeVisible();
  await expect(bar.getByText("0 tasks selected")).toBeVisible();
  for (const title of TITLES.slice(0, 3))
    await expect(section.getByLabel(`Status of “${title}”`, { exact: true })).toHaveValue("in_progress");
  await expect(section.getByLabel(`Status of “${TITLES[3]}”`, { exact: true })).toHaveValue("todo");

  // With a pointer: drag the last task by its handle onto the first row (both in view: a drag doesn't scroll).
  await csm.setViewportSize({ width: 1280, height: 1600 });
  await section.scrollIntoViewIfNeeded();
  const handle = section.getByRole("row").filter({ hasText: TITLES[3] }).locator('[title="Drag to reorder"]');
  await handle.dragTo(section.locator("tbody > tr").first());
  await expect(
    csm.getByRole("status").filter({ hasText: `Moved task “${TITLES[3]}” to position 1 of 4.` }),
  ).toHaveCount(1);
  await expect.poll(() => taskOrder(csm, milestone.title)).toEqual([TITLES[3], TITLES[1], TITLES[0], TITLES[2]]);
});

test("on a phone each task is a card whose actions are all in view, without scrolling sideways", async ({
  newAccount,
  signInAs,
}) => {
  const { url, csm: csmPerson, milestone } = await planWithTasks(newAccount);
  const csm = await signInAs(csmPerson);
  await csm.setViewportSize({ width: 390, height: 844 });
  await csm.goto(`${url}/plan`);
  const section = csm.getByRole("region", { name: milestone.title });
  const title = TITLES[2]!;
  const controls = [
    section.getByRole("checkbox", { name: `Select “${title}”` }),
    section.getByRole("button", { name: `Move “${title}” up` }),
    section.getByRole("button", { name: `Move “${title}” down` }),
    section.getByLabel(`Status of “${title}”`, { exact: true }),
    section.getByRole("button", { name: `Save status of “${title}”` }),
    section.getByLabel(`Assignee of “${title}”`),
    section.getByRole("button", { name: `Assign “${title}”` }),
    section.getByLabel(`Edit “${title}”`),
  ];
  for (const control of controls) {
    await control.scrollIntoViewIfNeeded();
    await expect(control).toBeInViewport({ ratio: 1 });
  }
  const overflow = await csm.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: [...document.querySelectorAll("table")].map((table) => {
      const box = table.parentElement!;
      return box.scrollWidth - box.clientWidth;
    }),
  }));
  expect(overflow.page).toBeLessThanOrEqual(0);
  expect(overflow.tables.every((extra) => extra <= 1)).toBe(true);
});
