import { readFile } from "node:fs/promises";
import { createAccount, createStaff, createSubscription } from "../../../db/seed/factories";
import { expect, test } from "../support/fixtures";

test("a CSM exports their accounts from the list as CSV", async ({ signInAs }) => {
  const tag = `${Date.now().toString(36)}-${process.pid}`;
  const csm = await createStaff("csm");
  const account = await createAccount({ name: `Export ${tag}`, csmId: csm.id, externalId: `exp-${tag}` });
  await createSubscription(account.id, { arr: 31_000, currency: "SEK", startDate: "2026-04-01" });

  const page = await signInAs(csm);
  await page.goto(`/accounts?q=${encodeURIComponent(`Export ${tag}`)}`);
  await expect(page.getByRole("link", { name: `Export ${tag}` })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^accounts-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const [header, ...rows] = text.trimEnd().split("\r\n");
  expect(header).toBe("name,external_id,segment,industry,region,seats,csm_email,arr,currency,start_date,renewal_date");
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain(`Export ${tag},exp-${tag},`);
  expect(rows[0]).toContain(`,${csm.email},31000,SEK,2026-04-01,2027-04-01`);
});
