import { achieveMilestone, createConsent, createReferenceCall, findInPlan } from "../../../db/seed/factories";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

/** A date `days` from today, as dates are stored. */
function isoDate(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a CSM adds a use case to an account; marketing finds its champion by it, asks him for a reference call, which brings him to the quarter's limit, and he accepts in the portal", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  test.slow();
  const suffix = Date.now().toString(36);
  const prospect = `Summit Outdoor ${suffix}`;
  const useCase = `Markdown planning ${suffix}`;
  // A retail account of the test's own that went live, whose champion agreed to reference calls
  // and took one this quarter: one more brings him to the limit of 2.
  const {
    account,
    url,
    csm: csmPerson,
    champion: kenjiPerson,
    plan,
  } = await newAccount({
    name: `Orbit Outlets ${suffix}`,
    champion: { name: "Kenji Watanabe" },
    details: { industry: "Retail", useCases: ["Self-serve analytics"] },
    plan: { template: "Enterprise rollout", startDate: isoDate(-120) },
  });
  const goLive = await findInPlan(plan!, "milestone", "Go-live: the trading meeting runs on Lumen");
  await achieveMilestone(goLive, csmPerson, kenjiPerson);
  const marketingPerson = await newStaff("marketing");
  const consent = await createConsent(kenjiPerson, { askType: "reference_call", ownerId: marketingPerson.id });
  await createReferenceCall(consent, kenjiPerson, marketingPerson);
  const kenjiName = kenjiPerson.name;

  // The CSM records what the account uses Lumen for.
  const csm = await signInAs(csmPerson);
  await csm.goto(url);
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
    csm.getByText(`${csmPerson.name} set the use cases: ${current}, ${useCase}, Operational KPIs`),
  ).toBeVisible();

  const marketing = await signInAs(marketingPerson);
  await marketing.goto("/advocacy/references");
  await marketing.getByRole("combobox", { name: "Use case" }).selectOption(useCase);
  await marketing.getByRole("searchbox", { name: "Search achievements, outcomes and use cases" }).fill("go-live");
  await marketing.getByRole("button", { name: "Apply filters" }).click();
  await expect(marketing).toHaveURL(/useCase=Markdown/);
  const kenji = marketing.getByRole("region", { name: kenjiName });
  await expect(kenji.getByRole("list", { name: "Use cases" }).getByText(useCase, { exact: true })).toBeVisible();
  await expect(kenji.getByText(/Go-live: /)).toBeVisible();
  await expect(kenji.getByText("Calls this quarter: 1 of 2")).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);

  await kenji.getByRole("button", { name: `Ask ${kenjiName}` }).click();
  await expect(kenji.getByText("Enter the prospect's company.")).toBeVisible();
  await kenji.getByLabel("Prospect company").fill(prospect);
  await kenji
    .getByLabel("What the prospect wants to hear about (optional)")
    .fill("Moving the weekly trading meeting off spreadsheets");
  await kenji.getByRole("button", { name: `Ask ${kenjiName}` }).click();
  await expect(
    marketing.getByText(`${kenjiName} was asked in the portal to take the call with ${prospect}.`),
  ).toBeVisible();

  // At the limit: hidden from the directory, with the reason.
  await expect(marketing.getByRole("region", { name: kenjiName })).toHaveCount(0);
  const resting = marketing.getByRole("region", { name: "Resting this quarter" });
  await expect(
    resting.getByText("Hidden because they reached the limit of 2 reference calls per quarter:"),
  ).toBeVisible();
  await expect(resting.getByText(`${kenjiName} (${account.name}) — 2 calls this quarter`)).toBeVisible();

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

  const champion = await signInAs(kenjiPerson);
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
