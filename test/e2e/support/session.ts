import { type Page, expect } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo";

/**
 * Signs in through the real sign-in page with email + password: for the specs about sign-in and
 * the demo's logins. Every other spec signs in with the `signInAs` fixture (support/fixtures.ts).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  const form = page.getByRole("region", { name: "Sign in with your password" });
  await form.getByLabel("Work email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
