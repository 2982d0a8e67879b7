import { expectNoSeriousA11yViolations } from "../support/axe";
import { uniqueEmail } from "../support/demo";
import { expect, test } from "../support/fixtures";
import { linkFromOutbox } from "../support/outbox";
import { openAdminPage } from "../support/nav";

test("an admin invites a CSM, who joins and lands on their portfolio", async ({ browser, newStaff, signInAs }) => {
  test.slow(); // two people, three browser contexts
  const email = uniqueEmail("new-csm", "lumen-analytics.example");
  const admin = await signInAs(await newStaff("admin"));
  await openAdminPage(admin, "Vendor team");
  await expect(admin.getByRole("heading", { name: "Vendor team", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  const invite = admin.getByRole("region", { name: "Invite a teammate" });
  await invite.getByLabel("Email").fill((await newStaff("csm")).email);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText("Someone with this email already has a Tandem account.")).toBeVisible();

  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Name (optional)").fill("Nina Newcomer");
  await invite.getByLabel("Role").selectOption({ label: "Customer success manager" });
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(
    admin.getByRole("table", { name: "Pending invitations to the vendor team" }).getByText(email),
  ).toBeVisible();

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto(await linkFromOutbox(signInAs, email, "/invitations/"));
  await expect(newcomer.getByRole("heading", { name: "Join the vendor team on Tandem" })).toBeVisible();
  await newcomer.getByLabel("Choose a password").fill("nina's password 1");
  await newcomer.getByRole("button", { name: "Join and sign in" }).click();
  await expect(newcomer.getByRole("heading", { name: "Portfolio", level: 1 })).toBeVisible();
  await expect(newcomer.getByRole("banner").getByText("Customer success manager")).toBeVisible();

  // The admin sees the newcomer on the team and can deactivate them, which signs them out.
  await admin.reload();
  await admin.getByRole("button", { name: "Deactivate Nina Newcomer" }).click();
  await admin.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(admin.getByText("Nina Newcomer is deactivated and signed out everywhere.")).toBeVisible();
  await expect(async () => {
    await newcomer.reload();
    await expect(newcomer).toHaveURL(/\/login/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await newcomer.context().close();
});

test("staff pages are admin-only: a CSM and a customer get 404", async ({ newAccount, newStaff, signInAs }) => {
  const csm = await signInAs(await newStaff("csm"));
  expect((await csm.goto("/staff"))?.status()).toBe(404);
  expect((await csm.goto("/outbox"))?.status()).toBe(404);
  await expect(csm.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vendor team" })).toHaveCount(0);
  const champion = await signInAs((await newAccount()).champion);
  expect((await champion.goto("/staff"))?.status()).toBe(404);
});

test("an admin reads the outbox, and a staff account page shows its people and activity", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  const tag = `${Date.now().toString(36)}-${process.pid}`;
  const name = `Koala Freight ${tag}`;
  await newAccount({
    name,
    details: { timeZone: "Australia/Sydney" },
    champion: { name: `Kenji Champion ${tag}` },
    members: [{ name: `Chloe Member ${tag}` }],
  });
  const admin = await signInAs(await newStaff("admin"));
  await openAdminPage(admin, "Outbox");
  await expect(admin.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  await expect(admin.getByText("No SMTP server is configured")).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  // Found by search, as a person would among many accounts.
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" }).click();
  await admin.getByLabel("Search accounts").fill(tag);
  await admin.getByRole("button", { name: "Filter" }).click();
  await admin.getByRole("link", { name }).click();
  await expect(admin.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(admin.getByRole("region", { name: "People" }).getByText(`Kenji Champion ${tag}`)).toBeVisible();
  await expect(admin.getByText("Australia/Sydney")).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.getByRole("link", { name: "People" }).click();
  await expect(admin.getByRole("table", { name: "Team" }).getByText(`Chloe Member ${tag}`)).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
});
