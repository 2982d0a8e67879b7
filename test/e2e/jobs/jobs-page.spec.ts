import { expectNoSeriousA11yViolations } from "../support/axe";
import { uniqueEmail } from "../support/demo";
import { expect, test } from "../support/fixtures";
import { openAdminPage } from "../support/nav";

test("an admin's invitation is queued, sent by the mail job, and the Jobs page shows the queues", async ({
  newStaff,
  signInAs,
}) => {
  const email = uniqueEmail("jobs-invitee", "lumen-analytics.example");
  const admin = await signInAs(await newStaff("admin"));
  await admin.goto("/staff");
  const invite = admin.getByRole("region", { name: "Invite a teammate" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  // The email was written with the invitation; the worker inside the server delivers it shortly.
  await openAdminPage(admin, "Outbox");
  await expect(admin.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  const message = admin.getByRole("listitem").filter({ hasText: email });
  await expect(async () => {
    await admin.reload();
    await expect(message.getByText("Sent", { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(message.getByRole("link", { name: /\/invitations\// })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  await openAdminPage(admin, "Jobs");
  await expect(admin.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  const queues = admin.getByRole("table", { name: "Jobs per queue" });
  await expect(queues.getByRole("row").filter({ hasText: "Email" })).toBeVisible();
  await expect(queues.getByRole("row").filter({ hasText: "Overdue tasks" })).toBeVisible();
  await expect(admin.getByRole("heading", { name: "Recent failures", level: 2 })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
});

test("the Jobs page is admin-only: a CSM and a customer get 404 and no link", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  const csm = await signInAs(await newStaff("csm"));
  await expect(csm.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" })).toHaveCount(0);
  expect((await csm.goto("/jobs"))?.status()).toBe(404);
  const champion = await signInAs((await newAccount()).champion);
  expect((await champion.goto("/jobs"))?.status()).toBe(404);
});
