import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { demo } from "../support/demo";
import { pageSignedInAs } from "../support/session";

test("marketing asks an advocate for a reference call, which brings them to the quarter's limit, and the advocate accepts in the portal", async ({ browser }) => {
  test.slow();
  const prospect = `Summit Outdoor ${Date.now().toString(36)}`;
  const marketing = await pageSignedInAs(browser, demo.marketing.email);
  await marketing.goto("/advocacy/references");
  await marketing.getByLabel("Achieved (search)").fill("go-live");
  await marketing.getByRole("button", { name: "Apply filters" }).click();
  const kenji = marketing.getByRole("region", { name: demo.orbitChampion.name });
  await expect(kenji.getByText(/Go-live: /)).toBeVisible();
  await expect(kenji.getByText("Calls this quarter: 1 of 2")).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);

  await kenji.getByRole("button", { name: `Ask ${demo.orbitChampion.name}` }).click();
  await expect(kenji.getByText("Enter the prospect's company.")).toBeVisible();
  await kenji.getByLabel("Prospect company").fill(prospect);
  await kenji.getByLabel("What the prospect wants to hear about (optional)").fill("Moving the weekly trading meeting off spreadsheets");
  await kenji.getByRole("button", { name: `Ask ${demo.orbitChampion.name}` }).click();
  await expect(marketing.getByText(`${demo.orbitChampion.name} was asked in the portal to take the call with ${prospect}.`)).toBeVisible();

  // At the limit: hidden from the directory, with the reason.
  await expect(marketing.getByRole("region", { name: demo.orbitChampion.name })).toHaveCount(0);
  const resting = marketing.getByRole("region", { name: "Resting this quarter" });
  await expect(resting.getByText("Hidden because they reached the limit of 2 reference calls per quarter:")).toBeVisible();
  await expect(resting.getByText(`${demo.orbitChampion.name} (Orbit Retail) — 2 calls this quarter`)).toBeVisible();

  // The dashboard shows the funnel and who advocates, by industry.
  await marketing.getByRole("navigation", { name: "Advocacy sections" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(marketing.getByRole("table", { name: "Funnel" }).getByRole("row").filter({ hasText: "Asked" })).toBeVisible();
  await expect(marketing.getByRole("region", { name: "Advocates by industry" }).getByText("Retail", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);

  const champion = await pageSignedInAs(browser, demo.orbitChampion.email);
  const call = champion.getByRole("region", { name: `Would you take a reference call with ${prospect}?` });
  await expect(call.getByText("What they'd like to hear about: Moving the weekly trading meeting off spreadsheets")).toBeVisible();
  await expectNoSeriousA11yViolations(champion);
  await call.getByRole("button", { name: "Yes, I'll take the call" }).click();
  await expect(champion.getByText("Thank you! Your customer success manager will set up the call.")).toBeVisible();
  await expect(champion.getByRole("region", { name: `Would you take a reference call with ${prospect}?` })).toHaveCount(0);
});
