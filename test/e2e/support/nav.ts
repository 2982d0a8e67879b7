import type { Page } from "@playwright/test";

/** Follows an item of the main bar's Admin menu, as an admin does: open the menu, then the link. */
export async function openAdminPage(page: Page, name: string) {
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.locator("summary", { hasText: "Admin" }).click();
  await nav.getByRole("link", { name, exact: true }).click();
}

/** Opens the bar's menu under the person's name (language, signing out). */
export async function openUserMenu(page: Page) {
  await page
    .getByRole("banner")
    .locator("details")
    .filter({ has: page.locator("form[action='/logout']") })
    .locator("summary")
    .click();
}

/** Signs out from the bar's menu under the person's name. */
export async function signOutFromBar(page: Page) {
  await openUserMenu(page);
  await page.getByRole("banner").getByRole("button", { name: "Sign out", exact: true }).click();
}
