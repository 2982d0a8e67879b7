import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { demo } from "../support/demo";
import { pageSignedInAs } from "../support/session";

test("a CSM adds a use case to Orbit; marketing finds Kenji by it, asks him for a reference call, which brings him to the quarter's limit, and he accepts in the portal", async ({
  browser,
}) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const prospect = `Summit Outdoor ${suffix}`;
  const useCase = `Markdown planning ${suffix}`;

  // Orbit's CSM records what Orbit uses Lumen for (Kenji is the only advocate; no other spec edits Orbit's details).
  const csm = await pageSignedInAs(browser, demo.csm.email);
  await csm.goto("/accounts");
  await csm.getByRole("link", { name: "Orbit Retail" }).click();
  await csm.getByRole("link", { name: "Edit details" }).click();
  const useCases = csm.getByRole("textbox", { name: "Use cases" });
  await expect(useCases).toHaveValue(/Self-serve analytics/);
  const current = await useCases.inputValue();
  await useCases.fill(`${current}, ${"Weekly trading meeting and markdown planning for stores".repeat(2)}`);
  await csm.getByRole("button", { name: "Save changes" }).click();
  await expect(
    csm.getByText("Keep each use case to 60 characters or fewer, and separate use cases with commas."),
  ).toBeVisible();
  await useCases.fill(`${current}, ${useCase}`);
  // Another account's use case, offered as a one-click addition.
  await csm.getByRole("button", { name: "+ Operational KPIs" }).click();
  await expect(useCases).toHaveValue(`${current}, ${useCase}, Operational KPIs`);
  await expectNoSeriousA11yViolations(csm);
  await csm.getByRole("button", { name: "Save changes" }).click();
  await expect(csm.getByText("Changes saved.")).toBeVisible();
  await expect(csm.getByRole("list", { name: "Use cases" }).getByText(useCase, { exact: true })).toBeVisible();
  await expect(
    csm.getByText(`${demo.csm.name} set the use cases: ${current}, ${useCase}, Operational KPIs`),
  ).toBeVisible();
  await csm.context().close();

  const marketing = await pageSignedInAs(browser, demo.marketing.email);
  await marketing.goto("/advocacy/references");
  await marketing.getByRole("combobox", { name: "Use case" }).selectOption(useCase);
  await marketing.getByRole("searchbox", { name: "Search achievements, outcomes and use cases" }).fill("go-live");
  await marketing.getByRole("button", { name: "Apply filters" }).click();
  await expect(marketing).toHaveURL(/useCase=Markdown/);
  const kenji = marketing.getByRole("region", { name: demo.orbitChampion.name });
  await expect(kenji.getByRole("list", { name: "Use cases" }).getByText(useCase, { exact: true })).toBeVisible();
  await expect(kenji.getByText(/Go-live: /)).toBeVisible();
  await expect(kenji.getByText("Calls this quarter: 1 of 2")).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);

  await kenji.getByRole("button", { name: `Ask ${demo.orbitChampion.name}` }).click();
  await expect(kenji.getByText("Enter the prospect's company.")).toBeVisible();
  await kenji.getByLabel("Prospect company").fill(prospect);
  await kenji
    .getByLabel("What the prospect wants to hear about (optional)")
    .fill("Moving the weekly trading meeting off spreadsheets");
  await kenji.getByRole("button", { name: `Ask ${demo.orbitChampion.name}` }).click();
  await expect(
    marketing.getByText(`${demo.orbitChampion.name} was asked in the portal to take the call with ${prospect}.`),
  ).toBeVisible();

  // At the limit: hidden from the directory, with the reason.
  await expect(marketing.getByRole("region", { name: demo.orbitChampion.name })).toHaveCount(0);
  const resting = marketing.getByRole("region", { name: "Resting this quarter" });
  await expect(
    resting.getByText("Hidden because they reached the limit of 2 reference calls per quarter:"),
  ).toBeVisible();
  await expect(resting.getByText(`${demo.orbitChampion.name} (Orbit Retail) — 2 calls this quarter`)).toBeVisible();

  // The dashboard shows the funnel and who advocates, by industry.
  await marketing
    .getByRole("navigation", { name: "Advocacy sections" })
    .getByRole("link", { name: "Dashboard" })
    .click();
  await expect(
    marketing.getByRole("table", { name: "Funnel" }).getByRole("row").filter({ hasText: "Asked" }),
  ).toBeVisible();
  await expect(
    marketing.getByRole("region", { name: "Advocates by industry" }).getByText("Retail", { exact: true }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);

  const champion = await pageSignedInAs(browser, demo.orbitChampion.email);
  const call = champion.getByRole("region", { name: `Would you take a reference call with ${prospect}?` });
  await expect(
    call.getByText("What they'd like to hear about: Moving the weekly trading meeting off spreadsheets"),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(champion);
  await call.getByRole("button", { name: "Yes, I'll take the call" }).click();
  await expect(champion.getByText("Thank you! Your customer success manager will set up the call.")).toBeVisible();
  await expect(champion.getByRole("region", { name: `Would you take a reference call with ${prospect}?` })).toHaveCount(
    0,
  );
});
