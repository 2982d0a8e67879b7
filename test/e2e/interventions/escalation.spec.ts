import { createMilestone, createPlan, createSegment, createStaff, createTask } from "../../../db/seed/factories";
import { datePlusDays } from "../../../app/domain/plans/template-dates";
import { todayIn } from "../../../app/lib/format";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";
import { nextPlaybookStep, runOverdueJob } from "../support/playbook-clock";

test("an overdue task reminds its assignee, then tells the champion, then gives the CSM a work item they close", async ({
  newAccount,
  signInAs,
}) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const { account, csm, champion, members } = await newAccount({ members: [{ name: `Lena Park ${suffix}` }] });
  const member = members[0]!;
  const plan = await createPlan(account.id);
  const milestone = await createMilestone(plan, { targetDate: datePlusDays(todayIn(account.timeZone), 30) });
  const title = `Connect the data warehouse ${suffix}`;
  const task = await createTask(milestone, {
    title,
    assigneeId: member.id,
    dueDate: datePlusDays(todayIn(account.timeZone), -2),
  });

  // The hourly job sees the task overdue: the default playbook reminds the assignee at once.
  await runOverdueJob();
  const assignee = await signInAs(member);
  const bell = assignee.getByRole("button", { name: "Notifications: 1 unread notification" });
  await bell.click();
  const reminder = assignee.getByRole("link", { name: `Reminder: “${title}” is overdue` });
  await expect(reminder).toBeVisible();
  await reminder.click();
  await expect(assignee).toHaveURL(new RegExp(`/accounts/${account.id}/plan#task-${task.id}$`));
  await expect(assignee.locator(`[id="task-${task.id}"]`)).toContainText(title);
  await expect(assignee.getByRole("button", { name: "Notifications" })).toBeVisible(); // read now

  const admin = await signInAs(await createStaff("admin"));
  await admin.goto("/outbox");
  await expect(
    admin
      .getByRole("listitem")
      .filter({ hasText: member.email })
      .filter({ hasText: `Reminder: “${title}” is overdue` }),
  ).toBeVisible();

  // Three days and nothing done: the champion is told.
  await nextPlaybookStep(account.id);
  await admin.reload();
  await expect(
    admin
      .getByRole("listitem")
      .filter({ hasText: champion.email })
      .filter({ hasText: `Your success plan with ${account.name} needs you` }),
  ).toBeVisible();

  // Four more: the CSM gets a work item, and closes it after the call.
  await nextPlaybookStep(account.id);
  const owner = await signInAs(csm);
  await owner.goto("/work-queue");
  const item = owner.getByRole("row").filter({ hasText: `Overdue task: “${title}” is overdue` });
  await expect(item.getByRole("link", { name: account.name })).toBeVisible();
  await expect(item.getByText("High")).toBeVisible();
  await expectNoSeriousA11yViolations(owner);
  // The CSM has the queue open in a second window too, from before the item is closed.
  const otherWindow = await signInAs(csm);
  await otherWindow.goto("/work-queue");
  const close = item.getByRole("form", { name: `Close “Overdue task: “${title}” is overdue”` });
  await close.getByLabel("Outcome").selectOption({ label: "Resolved" });
  await close.getByLabel("Note").fill("Called Lena: the warehouse credentials arrive Monday.");
  await close.getByRole("button", { name: "Close" }).click();
  await expect(owner.getByText("Work item closed: Resolved.")).toBeVisible();
  await expect(owner.getByRole("row").filter({ hasText: `“${title}” is overdue` })).toHaveCount(0);

  // Closing it again from the stale window is refused in place, and the queue stays where it was.
  const stale = otherWindow.getByRole("form", { name: `Close “Overdue task: “${title}” is overdue”` });
  await stale.getByRole("button", { name: "Close" }).click();
  await expect(stale.getByRole("alert")).toHaveText("This work item is closed already.");
  await expect(otherWindow).toHaveURL(/\/work-queue$/);
  await otherWindow.reload();
  await expect(otherWindow.getByRole("row").filter({ hasText: `“${title}” is overdue` })).toHaveCount(0);
});

test("an admin creates a playbook for a segment, is told what is missing, and edits it", async ({
  newStaff,
  signInAs,
}) => {
  const suffix = Date.now().toString(36);
  const segment = await createSegment({ name: `Self-serve ${suffix}` });
  const admin = await signInAs(await newStaff("admin"));
  await admin.goto("/playbooks");
  await admin.getByRole("link", { name: "New playbook" }).click();

  const name = `Quiet self-serve ${suffix}`;
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin
    .getByLabel("Trigger", { exact: true })
    .selectOption({ label: "No portal sign-in by the account's people for N days" });
  await admin.getByLabel("Days (for the triggers with N days)").fill("30");
  await admin.getByLabel(segment.name).check();
  await admin.getByLabel("Step 1: what").selectOption({ label: "— none —" });
  await admin.getByLabel("Step 1: after (days)").fill("");
  await admin.getByRole("button", { name: "Create playbook" }).click();
  await expect(admin.getByText("Add at least one step.")).toBeVisible();

  await admin.getByLabel("Step 1: what").selectOption({ label: "Tell the champion (email)" });
  await admin.getByLabel("Step 1: after (days)").fill("400");
  await admin.getByRole("button", { name: "Create playbook" }).click();
  await expect(admin.getByText("Enter a delay from 0 to 365 days.")).toBeVisible();

  await admin.getByLabel("Step 1: after (days)").fill("0");
  await admin.getByLabel("Step 2: what").selectOption({ label: "Create a work item for the CSM" });
  await admin.getByLabel("Step 2: after (days)").fill("5");
  await admin.getByRole("button", { name: "Create playbook" }).click();
  await expect(admin.getByText("Playbook created.")).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  await admin.getByLabel("Step 2: after (days)").fill("7");
  await admin.getByLabel("On: start new runs").uncheck();
  await admin.getByRole("button", { name: "Save playbook" }).click();
  await expect(admin.getByText("Playbook saved.")).toBeVisible();
  await expect(admin.getByLabel("Step 2: after (days)")).toHaveValue("7");

  // One of the newer triggers: a task due within N days.
  await admin.getByLabel("Trigger", { exact: true }).selectOption({ label: "A task is due within N days" });
  await admin.getByLabel("Days (for the triggers with N days)").fill("3");
  // The first save's notice is still on the page: wait for this save's answer, not for the text.
  const saved = admin.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().includes("/playbooks/"),
  );
  await admin.getByRole("button", { name: "Save playbook" }).click();
  expect((await saved).status()).toBeLessThan(400);
  await expect(admin.getByText("Playbook saved.")).toBeVisible();
  await expect(admin.getByLabel("Trigger", { exact: true })).toHaveValue("task_due_soon");

  await admin.goto("/playbooks");
  const row = admin.getByRole("row").filter({ hasText: name });
  await expect(row.getByRole("cell", { name: segment.name, exact: true })).toBeVisible();
  await expect(row.getByText("Off", { exact: true })).toBeVisible();
  await expect(row.getByText("Create a work item for the CSM after 7 d")).toBeVisible();
  await expect(row.getByText("A task is due within 3 days")).toBeVisible();
});
