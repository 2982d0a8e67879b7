import { eq } from "drizzle-orm";
import { db } from "../../../db/client.server";
import { accounts } from "../../../db/schema";
import { createApiKey } from "../../../app/domain/telemetry/api-keys.server";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";
import { openAdminPage } from "../support/nav";

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${process.pid}-${(counter += 1)}`;

test("an admin links an unknown groupId to an account, then sees the key's counts on the health page", async ({
  newAccount,
  newStaff,
  signInAs,
  request,
}) => {
  test.slow(); // a build's first page loads and axe, on a shared machine
  const groupId = unique("crm");
  const keyName = unique("Product app");
  const { account } = await newAccount({ name: unique("Quasar Labs") });
  const { key } = await createApiKey({ name: keyName, createdById: null });

  const timestamp = new Date().toISOString();
  const posted = await request.post("/api/v1/batch", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      batch: [
        {
          type: "track",
          messageId: unique("m"),
          userId: unique("ada"),
          event: "Report Viewed",
          timestamp,
          context: { groupId },
        },
        {
          type: "track",
          messageId: unique("m"),
          userId: unique("bo"),
          event: "Export",
          timestamp,
          context: { groupId },
        },
        {
          type: "track",
          messageId: unique("m"),
          anonymousId: unique("anon"),
          event: "Report Viewed",
          timestamp,
          context: { groupId },
        },
        { type: "track", messageId: unique("m"), userId: unique("cy") },
      ],
    },
  });
  expect(posted.status()).toBe(200);
  expect(await posted.json()).toMatchObject({ accepted: 3, duplicates: 0, rejected: 1 });

  const admin = await signInAs(await newStaff("admin"));
  await openAdminPage(admin, "Telemetry");
  await expect(admin.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  const subNav = admin.getByRole("navigation", { name: "Telemetry" });
  await subNav.getByRole("link", { name: "Unmatched events" }).click();
  await expect(admin.getByRole("heading", { name: "Unmatched events", level: 1 })).toBeVisible();

  const groups = admin.getByRole("table", { name: "Unmatched events by groupId" });
  const row = groups.getByRole("row").filter({ hasText: groupId });
  await expect(row.getByRole("cell").nth(1)).toHaveText("3");
  await expectNoSeriousA11yViolations(admin);
  await row.getByRole("link", { name: `Link ${groupId} to an account` }).click();

  const panel = admin.getByRole("region", { name: `Link ${groupId}` });
  await expect(panel.getByText("3 events wait for this group.", { exact: false })).toBeVisible();
  // Linking without choosing refuses next to the field and changes nothing.
  await panel.getByLabel("Account name or external id").fill(account.name);
  await panel.getByRole("button", { name: "Find accounts" }).click();
  await expect(panel.getByLabel("Account", { exact: true })).toHaveValue("");
  await panel.getByRole("button", { name: "Link and replay events" }).click();
  await expect(panel.getByText("Choose one of the accounts listed.")).toBeVisible();

  await panel.getByLabel("Account", { exact: true }).selectOption({ label: account.name });
  await panel.getByRole("button", { name: "Link and replay events" }).click();
  await expect(admin.getByText(`${groupId} is linked to ${account.name}: 3 events replayed.`)).toBeVisible();
  await expect(groups.getByText(groupId, { exact: true })).toHaveCount(0);
  const [linked] = await db
    .select({ externalId: accounts.externalId })
    .from(accounts)
    .where(eq(accounts.id, account.id));
  expect(linked!.externalId).toBe(groupId);

  await subNav.getByRole("link", { name: "Ingestion health" }).click();
  await expect(admin.getByRole("heading", { name: "Ingestion health", level: 1 })).toBeVisible();
  const card = admin.getByRole("region", { name: keyName, exact: true });
  const totals = card
    .getByRole("table", { name: `${keyName}: events per day` })
    .getByRole("row", { name: /^Last 7 days/ });
  await expect(totals.getByRole("cell")).toHaveText(["Last 7 days", "3", "0", "1", "3"]);
  const reasons = card.getByRole("table", { name: `${keyName}: rejection reasons` });
  await expect(reasons.getByRole("row").filter({ hasText: "missing_event" }).getByRole("cell").nth(1)).toHaveText("1");
  await expectNoSeriousA11yViolations(admin);
});
