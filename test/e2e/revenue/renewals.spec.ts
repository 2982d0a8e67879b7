import type { Page } from "@playwright/test";
import { createAccount, createSegment, createStaff, createSubscription } from "../../../db/seed/factories";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

test("a CSM works a renewal: sets a forecast, closes it with an expansion and sees NRR move", async ({ signInAs }) => {
  const tag = `${Date.now().toString(36)}-${process.pid}`;
  // A segment of the spec's own: its row on the retention page is this account alone, whatever
  // else runs at the same time.
  const segment = await createSegment({ name: `Renewals ${tag}` });
  const csm = await createStaff("csm");
  const account = await createAccount({ name: `Renewal ${tag}`, segmentId: segment.id, csmId: csm.id });
  const url = `/accounts/${account.id}`;
  const renewalDate = day(2);
  await createSubscription(account.id, { arr: 40_000, currency: "CHF", startDate: day(-363), renewalDate });
  // Closed two days early, the expansion is dated today: today's quarter shows it.
  const retention = `/revenue/retention?period=${quarterOf(day(0))}`;
  const segmentRow = (page: Page) =>
    page.getByRole("table", { name: "By segment" }).getByRole("row", { name: new RegExp(`Renewals ${tag}`) });

  const page = await signInAs(csm);
  await page.goto("/revenue/renewals");
  const row = page.getByRole("row", { name: new RegExp(`Renewal ${tag}`) });
  await expect(row).toContainText("CHF");
  await expectNoSeriousA11yViolations(page);
  await row.getByRole("link", { name: `Renewal ${tag}` }).click();
  await expect(page).toHaveURL(new RegExp(`${url}/revenue$`));

  const forecast = page.getByRole("region", { name: "Renewal forecast" });
  await forecast.getByLabel("Your call").selectOption({ label: "At risk" });
  await forecast.getByRole("button", { name: "Save forecast" }).click();
  await expect(page.getByText("Forecast saved.")).toBeVisible();
  await expect(forecast.getByTestId("csm-forecast")).toHaveText("At risk");

  await page.goto(retention);
  // Starting ARR 40,000; GRR and NRR 100% before the close.
  await expect(segmentRow(page)).toContainText("CHF 40,000");
  await expect(segmentRow(page).getByRole("cell").nth(4)).toHaveText("100%");

  await page.goto(`${url}/revenue`);
  const close = page.getByRole("region", { name: /Close the renewal of/ });
  await close.getByLabel("Outcome").selectOption({ label: "Expanded to…" });
  await close.getByLabel("New ARR (CHF)").fill("39000");
  await close.getByRole("button", { name: "Close renewal" }).click();
  await expect(close.getByText("An expansion needs a new ARR above the current one.")).toBeVisible();
  await close.getByLabel("New ARR (CHF)").fill("50000");
  await close.getByRole("button", { name: "Close renewal" }).click();
  await expect(page.getByText("Renewal closed.")).toBeVisible();
  const ledger = page.getByRole("table", { name: "The account's ARR changes, newest first" });
  await expect(ledger.getByRole("row").nth(1)).toContainText("Expansion");
  await expect(ledger.getByRole("row").nth(1)).toContainText("+CHF");

  await page.goto(retention);
  // (40,000 + 10,000 − 0 − 0) ÷ 40,000
  await expect(segmentRow(page).getByRole("cell").nth(4)).toHaveText("125%");
  await expect(segmentRow(page).getByRole("cell").nth(3)).toHaveText("100%");
  await expectNoSeriousA11yViolations(page);
});
