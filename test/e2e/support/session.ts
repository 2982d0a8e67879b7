import { type Browser, type Page, expect } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo";

/** Signs in through the real sign-in page with email + password. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  const form = page.getByRole("region", { name: "Sign in with your password" });
  await form.getByLabel("Work email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A fresh, signed-in page in its own browser context (its own cookies). */
export async function pageSignedInAs(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}
