import { expectNoSeriousA11yViolations } from "../support/axe";
import { uniqueEmail } from "../support/demo";
import { expect, test } from "../support/fixtures";

test("an admin who follows an invitation link from the outbox is asked before becoming the invitee", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  const { url } = await newAccount();
  const inviteeEmail = uniqueEmail("invitee", "acme.example");
  const admin = await newStaff("admin", { name: "Ada Admin" });
  const page = await signInAs(admin);

  await page.goto(`${url}/people`);
  await page.getByLabel("Work email").fill(inviteeEmail);
  await page.getByLabel("Role").selectOption("member");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${inviteeEmail}.`)).toBeVisible();

  // The admin opens the link from the dev outbox in the same browser.
  await page.goto("/outbox");
  const mail = page.getByRole("listitem").filter({ hasText: inviteeEmail }).first();
  const href = await mail
    .getByRole("link", { name: /\/invitations\// })
    .first()
    .getAttribute("href");
  // The emailed link names the public URL (APP_URL); the admin's session is on this test's host.
  const invitationPath = new URL(href!).pathname;
  await page.goto(invitationPath);
  const notice = `You're signed in as Ada Admin (${admin.email}). This invitation is for ${inviteeEmail}: to accept it, sign out first.`;
  await expect(page.getByText(notice)).toBeVisible();
  await expect(page.getByLabel("Choose a password")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Staying signed in keeps the admin's session.
  await page.getByRole("link", { name: "Stay signed in as Ada Admin" }).click();
  await expect(page.getByRole("heading", { name: "Portfolio", level: 1 })).toBeVisible();

  // Signing out first leads to the invitation form; accepting signs the invitee in.
  await page.goto(invitationPath);
  await page.getByRole("button", { name: `Sign out and accept as ${inviteeEmail}` }).click();
  await page.getByLabel("Your name").fill("Ivy Invitee");
  await page.getByLabel("Choose a password").fill("ivy's password 12");
  await page.getByRole("button", { name: "Join and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Ivy Invitee" })).toBeVisible();
});
