import { createConsent } from "../../../db/seed/factories";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("an advocate withdraws her consent to reference calls in Settings and leaves the reference directory at once", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  // An advocate of the test's own, who agreed to reference calls a week ago.
  const name = `Priyanka Sharma ${Date.now().toString(36)}`;
  const { account, members } = await newAccount({ members: [{ name }] });
  await createConsent(members[0]!, { askType: "reference_call", scope: "sales" });

  const marketing = await signInAs(await newStaff("marketing"));
  await marketing.goto("/advocacy/references");
  const card = marketing.getByRole("region", { name, exact: true });
  await expect(card.getByText("Calls this quarter: 0 of 2")).toBeVisible();
  await expect(card.getByRole("button", { name: `Ask ${name}` })).toBeVisible();

  const advocate = await signInAs(members[0]!);
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
  await expect(marketing.getByRole("region", { name, exact: true })).toHaveCount(0);
  await expect(marketing.getByText(`${name} (${account.name})`)).toHaveCount(0);
});
