import type { Page } from "@playwright/test";
import { actorOf } from "../../../db/seed/factories";
import { invite } from "../../../app/domain/people/invitations.server";
import { createApiKey } from "../../../app/domain/telemetry/api-keys.server";
import { expect, test } from "../support/fixtures";

/**
 * The tables on the page whose content is wider than their box, by caption. Charts' "Show data"
 * tables are opened first, so they are measured too.
 */
async function overflowingTables(page: Page): Promise<string[]> {
  await page
    .locator("details:has(table)")
    .evaluateAll((all) => all.forEach((el) => ((el as HTMLDetailsElement).open = true)));
  return page.evaluate(() =>
    [...document.querySelectorAll("table")]
      .filter((table) => {
        const box = table.parentElement!;
        return box.scrollWidth > box.clientWidth + 1;
      })
      .map((table) => `${table.caption?.textContent ?? "(no caption)"} (${table.parentElement!.scrollWidth}px)`),
  );
}

async function expectTablesFit(page: Page, paths: string[]) {
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    expect(await overflowingTables(page), `${path} at 1366 px`).toEqual([]);
  }
}

test.use({ viewport: { width: 1366, height: 900 } });

test("no table on the key pages overflows its card at 1366 px, for a CSM, a champion and an admin", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  test.slow(); // a dozen pages for three people
  // Long company names are real too: the list wraps them rather than widening.
  const company = `Koala Freight Holdings International Logistics Services ${Date.now().toString(36)}-${test.info().repeatEachIndex}`;
  const { url, csm, champion } = await newAccount({
    name: company,
    members: [{ name: "Priyanka Sharma-Lindqvist" }],
    plan: { template: "Enterprise rollout", startDate: "2026-09-01" },
  });
  const csmPage = await signInAs(csm);
  await csmPage.setViewportSize({ width: 1366, height: 900 });
  await expectTablesFit(csmPage, [
    `${url}/plan`,
    "/my-tasks",
    "/accounts",
    `/accounts?q=${encodeURIComponent(company)}`,
    `/portfolio?q=${encodeURIComponent(company)}&csm=`,
    "/portfolio?view=team",
    "/revenue/performance",
    `${url}/people`,
    `${url}/value`,
  ]);

  const championPage = await signInAs(champion);
  await championPage.setViewportSize({ width: 1366, height: 900 });
  await expectTablesFit(championPage, [`${url}/plan`, `${url}/people`, "/my-tasks"]);

  // Long addresses are real (up to 254 characters): a pending one must not widen the staff page.
  const adminPerson = await newStaff("admin");
  const longEmail = `${"a-very-long-mailbox-name".repeat(4)}-${Date.now()}@subsidiary.example-enterprise.example`;
  const invited = await invite({
    actor: actorOf(adminPerson),
    email: longEmail,
    target: { kind: "staff", staffRole: "csm" },
    origin: "http://localhost",
  });
  expect(invited.ok).toBe(true);
  // API key names run to 80 characters, without a space to break at.
  const keyName = `warehouse-ingestion-pipeline-for-the-eu-production-cluster-${Date.now().toString(36)}-${test.info().repeatEachIndex}`;
  await createApiKey({ name: keyName.slice(0, 80), scope: "read", createdById: adminPerson.id });
  const admin = await signInAs(adminPerson);
  await admin.setViewportSize({ width: 1366, height: 900 });
  // The admin's bar has the most items: administration folds into one menu so the bar fits too.
  await admin.goto("/accounts");
  const bar = admin.getByRole("banner").locator("> div").first();
  expect(
    await bar.evaluate((el) => el.scrollWidth - el.clientWidth),
    "the admin's top bar at 1366 px",
  ).toBeLessThanOrEqual(1);
  const adminMenu = admin.getByRole("navigation", { name: "Main" }).locator("summary", { hasText: "Admin" });
  await adminMenu.focus();
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("link", { name: "Jobs", exact: true })).toBeVisible();
  await admin.keyboard.press("Escape");
  await expect(admin.getByRole("link", { name: "Jobs", exact: true })).toBeHidden();
  await expect(adminMenu).toBeFocused();
  await expectTablesFit(admin, [
    "/advocacy/nps",
    "/advocacy/dashboard",
    "/advocacy/references",
    "/staff",
    "/outbox",
    "/training/adoption",
    "/telemetry/write-keys",
    `${url}/advocacy`,
    `${url}/training`,
  ]);
});
