import { type Browser, expect } from "@playwright/test";
import { demo } from "./demo";
import { pageSignedInAs } from "./session";

/**
 * Reads the newest email to `to` in the admin's outbox, as a newcomer without SMTP would, and
 * returns the address of the link in it whose URL contains `pathPart`.
 */
export async function linkFromOutbox(browser: Browser, to: string, pathPart: string): Promise<string> {
  const admin = await pageSignedInAs(browser, demo.admin.email);
  await admin.goto("/outbox");
  const message = admin.getByRole("listitem").filter({ hasText: to }).first();
  await expect(message).toBeVisible();
  const link = message
    .getByRole("link", { name: new RegExp(pathPart.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")) })
    .first();
  const href = await link.getAttribute("href");
  await admin.context().close();
  expect(href).toBeTruthy();
  return new URL(href!).pathname + new URL(href!).search;
}
