import { type Page, expect } from "@playwright/test";
import { createStaff } from "../../../db/seed/factories";
import type { User } from "../../../db/schema";

/**
 * Reads the newest email to `to` in the outbox, as a newcomer without SMTP would (through an admin
 * of the test's own), and returns the address of the link in it whose URL contains `pathPart`.
 */
export async function linkFromOutbox(
  signInAs: (person: Pick<User, "id">) => Promise<Page>,
  to: string,
  pathPart: string,
): Promise<string> {
  const admin = await signInAs(await createStaff("admin"));
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
