import { expect, test } from "../support/fixtures";
import { linkFromOutbox } from "../support/outbox";
import { signOutFromBar } from "../support/nav";

test("a customer signs in with a magic link from the outbox, and the link works once", async ({
  page,
  newAccount,
  signInAs,
}) => {
  const { members } = await newAccount({ members: [{ name: "Aisha Patel" }] });
  const email = members[0]!.email;
  await page.goto("/login");
  const linkForm = page.getByRole("region", { name: "Email me a sign-in link" });
  await linkForm.getByLabel("Work email").fill(email);
  await linkForm.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText(`If an account exists for ${email}, a sign-in link is on its way.`)).toBeVisible();

  const link = await linkFromOutbox(signInAs, email, "/login/link");
  await page.goto(link);
  await page.getByRole("button", { name: `Continue as ${email}` }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Aisha Patel" })).toBeVisible();

  // Used up: opening it again explains and offers a new one.
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "This sign-in link can't be used" })).toBeVisible();
});

test("an unknown address gets the same answer and no email", async ({ page }) => {
  await page.goto("/login");
  const linkForm = page.getByRole("region", { name: "Email me a sign-in link" });
  await linkForm.getByLabel("Work email").fill("nobody-here@example.test");
  await linkForm.getByRole("button", { name: "Email me a link" }).click();
  await expect(
    page.getByText("If an account exists for nobody-here@example.test, a sign-in link is on its way."),
  ).toBeVisible();
});

test("a person resets a forgotten password and signs in with the new one", async ({ page, newAccount, signInAs }) => {
  const { members } = await newAccount({ members: [{ name: "Lukas Becker", password: "the old password 1" }] });
  const email = members[0]!.email;
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText(`If an account exists for ${email}, a reset link is on its way.`)).toBeVisible();

  const link = await linkFromOutbox(signInAs, email, "/reset-password");
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save password and sign in" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByRole("button", { name: "Save password and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Lukas Becker" })).toBeVisible();

  // The old password no longer works; the new one does.
  await signOutFromBar(page);
  const passwordForm = page.getByRole("region", { name: "Sign in with your password" });
  await passwordForm.getByLabel("Work email").fill(email);
  await passwordForm.getByLabel("Password").fill("the old password 1");
  await passwordForm.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don't match.")).toBeVisible();
  await passwordForm.getByLabel("Password").fill("a brand new password");
  await passwordForm.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Lukas Becker" })).toBeVisible();

  // The reset link was single-use.
  expect((await page.goto(link))?.status()).toBe(410);
});
