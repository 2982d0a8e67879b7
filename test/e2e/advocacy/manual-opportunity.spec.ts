import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const ASK = "Would you help others see what you've achieved with us?";

test("marketing opens an opportunity by hand from an account's Advocacy tab, moves it to asked, and the champion is asked in the portal", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  test.slow(); // the champion and marketing
  // Its own account and champion: never asked before, so no other spec's asks trip the cool-down.
  const company = `Fjord Freight ${Date.now().toString(36)}`;
  const { url: accountUrl, champion: ingrid } = await newAccount({ name: company, champion: { name: "Ingrid Dahl" } });
  const champion = await signInAs(ingrid);

  // The account's Advocacy tab: nothing yet.
  const marketing = await signInAs(await newStaff("marketing"));
  await marketing.goto(accountUrl);
  await marketing.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: "Advocacy" }).click();
  await expect(marketing.getByRole("heading", { name: "No advocacy yet" })).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);

  // A quote from Ingrid, opened by hand with the account already chosen.
  await marketing.getByRole("link", { name: "New opportunity" }).click();
  await expect(marketing.getByRole("heading", { name: `For ${company}` })).toBeVisible();
  await marketing.getByRole("button", { name: "Create opportunity" }).click();
  await expect(marketing.getByText("Choose an ask type.")).toBeVisible();
  await marketing.getByLabel("Advocate (who to ask)").selectOption({ label: "Ingrid Dahl" });
  await marketing.getByLabel("Type").selectOption({ label: "Quote / testimonial" });
  await marketing.getByLabel("Notes").fill("Said the new routing dashboards cut planning time in half.");
  await expectNoSeriousA11yViolations(marketing);
  await marketing.getByRole("button", { name: "Create opportunity" }).click();
  await expect(marketing.getByText("The opportunity was created at “Identified”.")).toBeVisible();
  await expect(marketing.getByRole("heading", { name: `Quote / testimonial · ${company}` })).toBeVisible();

  // It's on the pipeline at "Identified".
  await marketing
    .getByRole("navigation", { name: "Advocacy sections" })
    .getByRole("link", { name: "Pipeline" })
    .click();
  await expect(marketing).toHaveURL(/\/advocacy$/);
  await marketing.getByRole("combobox", { name: "Stage" }).selectOption({ label: "Identified" });
  await marketing.getByRole("button", { name: "Apply filters" }).click();
  await expect(marketing).toHaveURL(/stage=identified/);
  await marketing.getByRole("link", { name: `Open ${company} · Quote / testimonial` }).click();

  // Moving it to "Asked" asks Ingrid in the portal.
  await marketing.getByLabel("Move to").selectOption({ label: "Asked" });
  await marketing.getByRole("button", { name: "Move", exact: true }).click();
  await expect(marketing.getByText("Moved to Asked.")).toBeVisible();
  await expect(marketing.getByRole("region", { name: "Stage history" }).getByText("Identified → Asked")).toBeVisible();
  const opportunityUrl = marketing.url();

  await champion.reload();
  const ask = champion.getByRole("region", { name: ASK });
  await expect(ask.getByText("Quote / testimonial", { exact: true })).toBeVisible();
  await expect(ask.getByText("May we quote you on what changed for your team?")).toBeVisible();
  await ask.getByText("Yes, I'm happy to").click();
  await ask.getByLabel("My name").check();
  await ask.getByLabel("A quote from me").check();
  await ask.getByLabel("In sales conversations").check();
  await ask.getByRole("button", { name: "Give consent and accept" }).click();
  await expect(champion.getByText("Thank you! We'll be in touch about next steps.")).toBeVisible();

  // Accepting moved this very opportunity; a second ask to Ingrid now would break the cool-down.
  await marketing.goto(opportunityUrl);
  await expect(marketing.getByRole("region", { name: "Stage history" }).getByText("Asked → Accepted")).toBeVisible();
  await marketing.goto(accountUrl + "/advocacy");
  const opportunities = marketing.getByRole("table", { name: "Opportunities" });
  await expect(opportunities.getByRole("row")).toHaveCount(2); // the header and the one opportunity
  await expect(
    opportunities.getByRole("row").filter({ hasText: "Ingrid Dahl" }).getByText("Accepted", { exact: true }),
  ).toBeVisible();
  await expect(marketing.getByRole("table", { name: "Consents in force" }).getByText("name, quote")).toBeVisible();

  // The pipeline's own "New opportunity" asks for the account first.
  // The account's tab has a "New opportunity" link too, and its address also ends in /advocacy: wait
  // for the pipeline itself, or the click lands on the tab's link (the account already chosen, no
  // "Continue") whenever the navigation is slow — the hang that timed this spec out in full runs.
  await marketing.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Advocacy" }).click();
  await expect(
    marketing.getByRole("navigation", { name: "Advocacy sections" }).getByRole("link", { name: "Pipeline" }),
  ).toHaveAttribute("aria-current", "page");
  await marketing.getByRole("link", { name: "New opportunity" }).click();
  await marketing.getByRole("button", { name: "Continue" }).click();
  await expect(marketing.getByText("Choose an account.")).toBeVisible();
  // The picker offers a few accounts at a time: find this one by its name.
  await marketing.getByRole("searchbox", { name: "Account name" }).fill(company);
  await marketing.getByRole("button", { name: "Search", exact: true }).click();
  await expect(marketing.getByRole("combobox", { name: "Account" }).getByRole("option")).toHaveCount(2);
  await marketing.getByRole("combobox", { name: "Account" }).selectOption({ label: company });
  await marketing.getByRole("button", { name: "Continue" }).click();
  await marketing.getByLabel("Advocate (who to ask)").selectOption({ label: "Ingrid Dahl" });
  await marketing.getByLabel("Type").selectOption({ label: "Logo use" });
  await marketing.getByRole("button", { name: "Create opportunity" }).click();
  await expect(marketing.getByRole("heading", { name: `Logo use · ${company}` })).toBeVisible();
  await marketing.getByLabel("Move to").selectOption({ label: "Asked" });
  await marketing.getByRole("button", { name: "Move", exact: true }).click();
  await expect(
    marketing.getByText(
      "Not asked — guardrail: Ingrid Dahl was asked something recently; the cool-down between asks hasn't passed.",
    ),
  ).toBeVisible();

  // The tab is for the vendor team only: the champion finds nothing there.
  const refused = await champion.goto(`${accountUrl}/advocacy`);
  expect(refused?.status()).toBe(404);
});
