import { createHealthSnapshot } from "../../../db/seed/factories";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test("a CSM sets an override beside the computed score and reads why the score changed", async ({
  newAccount,
  signInAs,
}) => {
  const tag = `${Date.now().toString(36)}-${process.pid}`;
  const { account, url, csm } = await newAccount();
  // A month ago everyone was signed in; today nobody is (the account's people never signed in).
  await createHealthSnapshot(account.id, daysAgo(30), {
    engagement: { score: 100, inputs: { people: 1, signedIn: 1, championActive: true, daysSinceTouch: null } },
  });
  const page = await signInAs(csm);
  await page.goto(`${url}/health`);
  const score = page.getByRole("region", { name: "Health score" });
  await expect(score).toContainText("Down 100 since 30 days ago");
  await expect(score).toContainText("7 days ago: no data");

  const override = page.getByRole("region", { name: "Override" });
  await override.getByLabel("Grade").selectOption({ label: "Yellow" });
  await override.getByLabel("Reason").fill(`Sponsor confirmed renewal ${tag}`);
  await override.getByRole("button", { name: "Set override" }).click();
  await expect(page.getByText("Override set.")).toBeVisible();
  await expect(override.getByText(`Sponsor confirmed renewal ${tag}`).first()).toBeVisible();
  // Beside, not instead of: the computed grade stays on show.
  await expect(score).toContainText(/CSM override: Yellow until/);
  await expect(score.getByText("Red", { exact: true })).toBeVisible();
  await expect(page.getByText(/Override: Yellow until/).first()).toBeVisible();

  const why = page.getByRole("region", { name: "Why did it change?" });
  const changes = why.getByRole("list", { name: "What changed, the largest first" });
  await expect(changes).toContainText("Engagement: −100 points");
  await expect(changes.getByRole("link", { name: /Champion active yes → no/ })).toHaveAttribute(
    "href",
    `/accounts/${account.id}/people`,
  );
  await why.getByLabel("From").fill(daysAgo(0));
  await why.getByLabel("To").fill(daysAgo(3));
  await why.getByRole("button", { name: "Compare" }).click();
  await expect(why.getByRole("alert")).toContainText("must be on or before");
  await expectNoSeriousA11yViolations(page);
});
