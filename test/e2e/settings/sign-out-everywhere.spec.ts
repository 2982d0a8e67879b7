import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { pageSignedInAs } from "../support/session";

test("sign out everywhere ends the person's sessions on every device", async ({ browser }) => {
  // Two devices of one person, whom no other spec signs in as: specs run in parallel, and signing
  // out a shared demo person (Elena, say) would sign another spec out midway.
  const laptop = await pageSignedInAs(browser, "mia@helixhealth.example");
  const phone = await pageSignedInAs(browser, "mia@helixhealth.example");

  await laptop.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(laptop.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.getByText("You're signed out on every device.")).toBeVisible();

  await phone.reload();
  await expect(phone).toHaveURL(/\/login/);
  await laptop.context().close();
  await phone.context().close();
});

test("a person updates their profile name", async ({ browser }) => {
  const page = await pageSignedInAs(browser, "chloe@orbitretail.example");
  await page.goto("/settings");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Name", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Chloe N. Nguyen");
  await page.getByLabel("Job title (optional)").fill("Senior Category Manager");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await expect(page.getByRole("banner").getByText("Chloe N. Nguyen")).toBeVisible();
  await page.context().close();
});
