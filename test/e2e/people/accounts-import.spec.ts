import { createSegment, createStaff } from "../../../db/seed/factories";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const ACCOUNT_HEADER = "name,external_id,segment,industry,region,seats,csm_email,arr,currency,start_date,renewal_date";

test("an admin checks an accounts CSV, fixes it, imports it, then imports its people", async ({ signInAs }) => {
  const tag = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const admin = await createStaff("admin");
  const csm = await createStaff("csm");
  const segment = await createSegment({ name: `Imported ${tag}` });
  const good = `Importco ${tag},imp-${tag},${segment.name},Software,EMEA,20,${csm.email},24000,EUR,2026-01-01,2027-01-01`;
  const broken = [
    ACCOUNT_HEADER,
    good,
    `Second ${tag},imp2-${tag},No such segment ${tag},Software,EMEA,-4,${csm.email},lots,EUR,2026-01-01,2027-01-01`,
  ].join("\r\n");
  const fixed = [
    ACCOUNT_HEADER,
    good,
    `Second ${tag},imp2-${tag},${segment.name},Software,EMEA,4,${csm.email},,,,2027-03-31`,
  ].join("\r\n");
  const csv = (name: string, text: string) => ({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${text}\r\n`),
  });

  const page = await signInAs(admin);
  await page.goto("/accounts");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { name: "Import accounts and people" })).toBeVisible();

  await page.getByLabel("CSV file").setInputFiles(csv("accounts.csv", broken));
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByText("3 problems.", { exact: false })).toBeVisible();
  const problems = page.getByRole("table", { name: "Problems by line and column" });
  await expect(problems.getByRole("row")).toHaveCount(4);
  await expect(problems.getByRole("row").nth(1)).toContainText("seats");
  await expect(problems.getByRole("row").nth(1)).toContainText("“-4” is negative.");
  await expect(problems).toContainText("“lots” is not a number.");
  await expect(problems).toContainText(`There is no segment “No such segment ${tag}”`);
  await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("CSV file").setInputFiles(csv("accounts-fixed.csv", fixed));
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByText("No problems: import to write these changes.")).toBeVisible();
  await expect(page.getByTestId("import-create")).toHaveText("2");
  await page.getByRole("button", { name: "Import 2 rows" }).click();

  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByText("Accounts imported: 2 new, 0 updated, 0 unchanged.")).toBeVisible();
  await page.goto(`/accounts?q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("link", { name: `Importco ${tag}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Second ${tag}` })).toBeVisible();

  await page.goto("/accounts/import");
  await page.getByLabel("What the file holds").selectOption("people");
  const people = [
    "account_external_id,email,name,role,title",
    `imp-${tag},ana-${tag}@importco.test,Ana Import,champion,CFO`,
    `imp-${tag},bo-${tag}@importco.test,Bo Import,member,`,
  ].join("\n");
  await page.getByLabel("CSV file").setInputFiles(csv("people.csv", people));
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("import-create")).toHaveText("2");
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByText("People imported: 2 new, 0 updated, 0 unchanged.", { exact: false })).toBeVisible();

  await page.goto(`/accounts?q=${encodeURIComponent(`Importco ${tag}`)}`);
  await page.getByRole("link", { name: `Importco ${tag}` }).click();
  await page.getByRole("link", { name: /team/i }).first().click();
  await expect(page.getByText(`ana-${tag}@importco.test`)).toBeVisible();
  await expect(page.getByText(`bo-${tag}@importco.test`)).toBeVisible();
});
