import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { demo } from "../support/demo";
import { pageSignedInAs } from "../support/session";

// Priyanka (Orbit) agreed to reference calls in the demo seed; no other spec asks her for one.
const PRIYANKA = "Priyanka Sharma";

test("an advocate withdraws her consent to reference calls in Settings and leaves the reference directory at once", async ({
  browser,
}) => {
  const marketing = await pageSignedInAs(browser, demo.marketing.email);
  await marketing.goto("/advocacy/references");
  const card = marketing.getByRole("region", { name: PRIYANKA, exact: true });
  await expect(card.getByText("Calls this quarter: 0 of 2")).toBeVisible();
  await expect(card.getByRole("button", { name: `Ask ${PRIYANKA}` })).toBeVisible();

  const advocate = await pageSignedInAs(browser, "priyanka@orbitretail.example");
  await advocate.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const consents = advocate.getByRole("region", { name: "Consent to use my story" });
  await expect(consents.getByText("Where: In sales conversations")).toBeVisible();
  await expectNoSeriousA11yViolations(advocate);
  await consents.getByRole("button", { name: "Withdraw consent for Reference call" }).click();
  await consents.getByRole("button", { name: "Yes, withdraw" }).click();
  await expect(advocate.getByText("Your consent was withdrawn.")).toBeVisible();
  await expect(consents.getByText(/^Withdrawn /)).toBeVisible();

  // Gone from the directory, and not hidden as "resting": she can't be asked at all.
  await marketing.reload();
  await expect(marketing.getByRole("combobox", { name: "Use case" })).toBeVisible();
  await expect(marketing.getByRole("region", { name: PRIYANKA, exact: true })).toHaveCount(0);
  await expect(marketing.getByText(new RegExp(`${PRIYANKA} \\(Orbit Retail\\)`))).toHaveCount(0);

  for (const page of [marketing, advocate]) await page.context().close();
});
