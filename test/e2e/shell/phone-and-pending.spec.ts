import type { Page } from "@playwright/test";
import { createMilestone, createPlan, createTask } from "../../../db/seed/factories";
import { todayIn } from "../../../app/lib/format";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const PHONE = { width: 390, height: 844 };
const tagOf = () => `${Date.now().toString(36)}-${process.pid}-${test.info().repeatEachIndex}`;

/** Whether the page scrolls sideways (it must not, on a phone). */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test("on a phone the account list is cards with each account's renewal, plan status and link, no sideways scroll", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  const tag = tagOf();
  const csm = await newStaff("csm");
  const company = `Phone Cards ${tag}`;
  await newAccount({ name: company, csm, plan: { template: "Enterprise rollout", startDate: "2026-09-01" } });
  const page = await signInAs(csm);
  await page.setViewportSize(PHONE);
  await page.goto(`/accounts?q=${encodeURIComponent(company)}`);

  const card = page.getByRole("table", { name: "Accounts" }).locator("tbody tr", { hasText: company });
  // Scrolled down to (the filters come first), the whole card is on screen: nothing is off to the side.
  await card.scrollIntoViewIfNeeded();
  await expect(card).toBeInViewport({ ratio: 1 });
  await expect(card.getByRole("link", { name: company })).toBeInViewport();
  // Each value sits beside its column's name, since the header row is hidden on a phone.
  const renewal = card.locator('td[data-label="Renewal"]');
  await expect(renewal).toBeInViewport();
  await expect(renewal).toContainText(/in \d+ days?|renewal date passed/);
  expect(await renewal.evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe('"Renewal"');
  const plan = card.locator('td[data-label="Plan"]');
  await expect(plan).toContainText(/milestones achieved/);
  await expect(plan).toBeInViewport();
  await expect(page.getByRole("columnheader", { name: "Company" })).toBeHidden();
  expect(await overflowsSideways(page), "the account list at 390 px").toBe(false);
  await expectNoSeriousA11yViolations(page);
});

test("a member marks a task done on My tasks, confirms, and undoes it: the task is open again", async ({
  newAccount,
  signInAs,
}) => {
  const tag = tagOf();
  const { account, members } = await newAccount({ members: [{ name: `Mira Member ${tag}` }] });
  const member = members[0]!;
  const milestone = await createMilestone(await createPlan(account.id), { title: `Pilot ${tag}` });
  const title = `Connect the SSO ${tag}`;
  await createTask(milestone, {
    title,
    assigneeId: member.id,
    status: "in_progress",
    dueDate: todayIn(account.timeZone),
  });

  const page = await signInAs(member);
  await page.setViewportSize(PHONE);
  await page.goto("/my-tasks");
  const task = page.getByRole("link", { name: title, exact: true });
  await expect(task).toBeVisible();
  expect(await overflowsSideways(page), "My tasks at 390 px").toBe(false);

  // The first click only asks; the prompt's own button marks it done.
  await page.getByRole("button", { name: `Mark “${title}” done` }).click();
  await expect(page.getByText(`Mark “${title}” done? It leaves your list`)).toBeVisible();
  await expect(task).toBeVisible();
  await page.getByRole("button", { name: "Mark done", exact: true }).click();

  const undo = page.getByRole("button", { name: `Undo marking “${title}” done` });
  await expect(page.getByRole("status").filter({ hasText: `“${title}” is done.` })).toBeVisible();
  await expect(task).toHaveCount(0);
  await expect(undo).toBeInViewport();
  await expectNoSeriousA11yViolations(page);

  await undo.click();
  await expect(page.getByRole("status").filter({ hasText: `“${title}” is open again.` })).toBeVisible();
  await expect(undo).toHaveCount(0);
  await expect(task).toBeVisible();
  // Back to where it was: in progress, not to do.
  await expect(page.locator("tbody tr", { hasText: title })).toContainText("In progress");
});

test("a submit says what it is doing while its form is sent, with the page's progress bar", async ({
  newAccount,
  signInAs,
}) => {
  const { members } = await newAccount({ members: [{}] });
  const page = await signInAs(members[0]!);
  await page.goto("/settings");

  // Hold the profile's POST until the pending state has been seen: no timing involved.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const heldPost = new Promise<void>((resolve) => (held = resolve));
  await page.route(
    (url) => url.pathname.startsWith("/settings"),
    async (route) => {
      if (route.request().method() !== "POST") return route.fallback();
      held();
      await released;
      return route.fallback();
    },
  );

  const form = page.locator('form:has(input[name="intent"][value="profile"])');
  await form.getByLabel("Name").fill(`Renamed ${tagOf()}`);
  await form.getByRole("button", { name: "Save profile" }).click();
  await heldPost;
  const saving = form.getByRole("button", { name: "Saving…" });
  await expect(saving).toBeVisible();
  await expect(saving).toHaveAttribute("aria-busy", "true");
  // Only this form's button is busy: the password form's is not.
  await expect(page.getByRole("button", { name: "Saving…" })).toHaveCount(1);
  await expect(page.getByRole("progressbar", { name: "Loading…" })).toBeAttached();

  release();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
  await expect(form.getByRole("button", { name: "Save profile" })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
});
