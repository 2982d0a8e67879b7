import type { Page } from "@playwright/test";
import { uniqueEmail } from "../support/demo";
import { expect, test } from "../support/fixtures";
import { signIn } from "../support/session";
import { signOutFromBar } from "../support/nav";

// Staff of the test's own with a password: failed attempts count per email, so none lands on a demo person.
const PASSWORD = "a password of their own";

function passwordForm(page: Page) {
  return page.getByRole("region", { name: "Sign in with your password" });
}

test("a wrong password gets a clear message and no session", async ({ page, newStaff }) => {
  const csm = await newStaff("csm", { password: PASSWORD });
  await page.goto("/login");
  await passwordForm(page).getByLabel("Work email").fill(csm.email);
  await passwordForm(page).getByLabel("Password").fill("not-the-password");
  await passwordForm(page).getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don't match.")).toBeVisible();
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccounts/);
});

test("an invalid email is refused next to the field", async ({ page }) => {
  await page.goto("/login");
  await passwordForm(page).getByLabel("Work email").fill("not-an-email");
  await passwordForm(page).getByLabel("Password").fill("whatever");
  await passwordForm(page).getByRole("button", { name: "Sign in" }).click();
  await expect(passwordForm(page).getByText("Enter a valid email address")).toBeVisible();
});

test("repeated bad passwords are rate limited, without revealing whether the account exists", async ({ page }) => {
  // An address nobody has: the limit must look exactly like it does for a real account.
  const email = uniqueEmail("nobody");
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await passwordForm(page).getByLabel("Work email").fill(email);
    await passwordForm(page).getByLabel("Password").fill(`wrong-${attempt}`);
    await passwordForm(page).getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password don't match.")).toBeVisible();
  }
  await passwordForm(page).getByLabel("Work email").fill(email);
  await passwordForm(page).getByLabel("Password").fill("wrong-again");
  await passwordForm(page).getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByText("Too many sign-in attempts. Wait 15 minutes, or sign in with an emailed link."),
  ).toBeVisible();
});

test("sign-out ends the session", async ({ page, newStaff }) => {
  await signIn(page, (await newStaff("marketing", { password: PASSWORD })).email, PASSWORD);
  await signOutFromBar(page);
  await expect(page.getByText("You're signed out.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sign in to Tandem" })).toBeVisible();
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/login/);
});

test("after sign-in a person returns to the page they asked for", async ({ page, newStaff }) => {
  const csm = await newStaff("csm", { password: PASSWORD });
  await page.goto("/accounts?sort=name");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await passwordForm(page).getByLabel("Work email").fill(csm.email);
  await passwordForm(page).getByLabel("Password").fill(PASSWORD);
  await passwordForm(page).getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/accounts\?sort=name$/);
});
