import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("sign out everywhere ends the person's sessions on every device", async ({ newAccount, signInAs }) => {
  // Two devices of one person of the test's own: signing out a shared person would sign other specs out midway.
  const { members } = await newAccount({ members: [{ name: "Mia Hart" }] });
  const laptop = await signInAs(members[0]!);
  const phone = await signInAs(members[0]!);

  await laptop.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(laptop.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.getByText("You're signed out on every device.")).toBeVisible();

  await phone.reload();
  await expect(phone).toHaveURL(/\/login/);
});

test("a person updates their profile name", async ({ newAccount, signInAs }) => {
  const { members } = await newAccount({ members: [{ name: "Chloe Nguyen" }] });
  const page = await signInAs(members[0]!);
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
});
