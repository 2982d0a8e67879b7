import { eq } from "drizzle-orm";
import { db } from "../../../db/client.server";
import { invitations } from "../../../db/schema";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const tagOf = () => `${Date.now().toString(36)}-${process.pid}-${test.info().repeatEachIndex}`;

test("a CSM views an account as its champion, read-only, and exits back to the staff view", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  const tag = tagOf();
  const csm = await newStaff("csm", { name: `Dana Csm ${tag}` });
  const { account, url, champion } = await newAccount({
    name: `View As Co ${tag}`,
    csm,
    champion: { name: `Kenji Champion ${tag}` },
    members: [{ name: `Mia Member ${tag}` }],
  });
  const page = await signInAs(csm);
  await page.goto(url);
  await expect(page.getByRole("heading", { name: account.name, level: 1 })).toBeVisible();

  // Champions come first in the list.
  const control = page.getByRole("form", { name: "View as customer" });
  await expect(control.getByLabel("Person")).toHaveValue(champion.id);
  await control.getByRole("button", { name: "View as customer" }).click();

  const banner = page.getByRole("complementary", { name: "Viewing as a customer" });
  await expect(banner.getByRole("status")).toHaveText(
    `You are viewing ${account.name} as ${champion.name} (Champion). Read-only.`,
  );
  await expect(page.getByRole("heading", { name: `Welcome, ${champion.name}` })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" })).toHaveCount(0);
  // The bell is the champion's own, not shown to the CSM.
  const bell = page.getByRole("banner").getByLabel(/^Notifications/);
  await expect(bell).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The champion's team page, with its invite form: submitting it is refused, nothing is sent.
  await page.goto(`${url}/people`);
  await expect(page.getByRole("heading", { name: "Invite a colleague" })).toBeVisible();
  const email = `invitee-${tag}@test.example`;
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("heading", { name: "Read-only while viewing as a customer" })).toBeVisible();
  await expect(banner).toBeVisible();
  expect(await db.select().from(invitations).where(eq(invitations.email, email))).toHaveLength(0);

  // Personal pages are the customer's own.
  await page.goto("/settings");
  await expect(page.getByText("This page is the customer's own")).toBeVisible();

  await banner.getByRole("button", { name: "Exit" }).click();
  await expect(page).toHaveURL(new RegExp(`${url}$`));
  await expect(page.getByRole("heading", { name: account.name, level: 1 })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Viewing as a customer" })).toHaveCount(0);
  await expect(bell).toBeVisible();
  await expect(page.getByText(`${csm.name} viewed the portal as ${champion.name}`)).toBeVisible();
});
