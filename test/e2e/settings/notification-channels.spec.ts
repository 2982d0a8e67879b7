import { actorOf, createMilestone, createPlan, createTask } from "../../../db/seed/factories";
import { assignTask } from "../../../app/domain/plans/task-actions.server";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("a member gets tasks given to them by email only, then under the bell only", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  const suffix = Date.now().toString(36);
  const { account, csm, members } = await newAccount({ members: [{ name: "Ines Varga" }] });
  const ines = members[0]!;
  const plan = await createPlan(account.id);
  const milestone = await createMilestone(plan, { title: "Go-live" });
  const first = await createTask(milestone, { title: `Invite the dispatchers ${suffix}` });
  const second = await createTask(milestone, { title: `Connect SSO ${suffix}` });

  // Ines wants tasks given to her by email, not under the bell.
  const page = await signInAs(ines);
  await page.goto("/settings/notifications");
  const taskAssigned = page.getByRole("combobox", { name: "A task is given to you" });
  await expect(taskAssigned).toHaveValue("app");
  await expectNoSeriousA11yViolations(page);
  await taskAssigned.selectOption({ label: "By email only" });
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByText("Notification settings saved.")).toBeVisible();
  await expect(taskAssigned).toHaveValue("email");

  // Her CSM gives her a task: an email in the outbox, nothing under the bell.
  expect(await assignTask(actorOf(csm), account.id, first.id, { assigneeId: ines.id, expectedVersion: 1 })).toEqual({
    ok: true,
  });
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
  const admin = await signInAs(await newStaff("admin"));
  await admin.goto("/outbox");
  const mails = admin.getByRole("listitem").filter({ hasText: ines.email });
  await expect(mails).toHaveCount(1);
  await expect(mails.getByText(`${csm.name} gave you the task “${first.title}”`).first()).toBeVisible();

  // She switches to the bell only: the next task is under the bell and no second email is written.
  await page.goto("/settings/notifications");
  await taskAssigned.selectOption({ label: "In the app" });
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByText("Notification settings saved.")).toBeVisible();
  expect(await assignTask(actorOf(csm), account.id, second.id, { assigneeId: ines.id, expectedVersion: 1 })).toEqual({
    ok: true,
  });
  await page.goto("/");
  const bell = page.getByRole("button", { name: "Notifications: 1 unread notification" });
  await bell.click();
  await page.getByRole("link", { name: `${csm.name} gave you the task “${second.title}”` }).click();
  // The task's link leads a customer to the task in the plan.
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}/plan#task-${second.id}$`));
  await admin.reload();
  await expect(mails).toHaveCount(1);
});
