import {
  createAccount,
  createHealthSnapshots,
  createSegment,
  createStaff,
  createSubscription,
} from "../../../db/seed/factories";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("a CSM starts on their portfolio: the falling large account ranks first; filters and the team view", async ({
  signInAs,
}) => {
  const tag = `${Date.now().toString(36)}-${process.pid}`;
  const segment = await createSegment({ name: `Portfolio ${tag}` });
  const csm = await createStaff("csm", { name: `Pat Portfolio ${tag}` });
  const accounts = {
    // 20% at risk × 200,000 = 40,000
    steady: { name: `Steady Giant ${tag}`, arr: 200_000, before: 80, now: 80 },
    // (40 + 30 points lost)% × 150,000 = 105,000: first
    falling: { name: `Falling Giant ${tag}`, arr: 150_000, before: 90, now: 60 },
    // 70% × 10,000 = 7,000
    small: { name: `Small Red ${tag}`, arr: 10_000, before: 30, now: 30 },
  };
  for (const spec of Object.values(accounts)) {
    const account = await createAccount({ name: spec.name, segmentId: segment.id, csmId: csm.id });
    await createSubscription(account.id, { arr: spec.arr, startDate: day(-100) });
    await createHealthSnapshots(account.id, { [day(-31)]: spec.before, [day(0)]: spec.now });
  }

  const page = await signInAs(csm);
  await page.goto("/");
  await expect(page).toHaveURL(/\/portfolio$/);
  await expect(page.getByRole("heading", { name: "Portfolio", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Accounts ranked by ARR at risk" });
  const rows = table.getByRole("row");
  // The header, then the three accounts: the falling one first though the steady one pays more.
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText(accounts.falling.name);
  await expect(rows.nth(1)).toContainText("$150,000");
  await expect(rows.nth(1)).toContainText("70% at risk");
  await expect(rows.nth(1)).toContainText("30 in 30 days");
  await expect(rows.nth(2)).toContainText(accounts.steady.name);
  await expect(rows.nth(3)).toContainText(accounts.small.name);
  await expectNoSeriousA11yViolations(page);

  const filters = page.getByRole("search", { name: "Filter the portfolio" });
  await filters.getByLabel("Health", { exact: true }).selectOption({ label: "Red" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/grade=red/);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(accounts.small.name);

  await page.getByRole("navigation", { name: "Portfolio views" }).getByRole("link", { name: "Team" }).click();
  await expect(page).toHaveURL(/view=team/);
  const team = page.getByRole("table", { name: "Each CSM's book, retention and open work" });
  const mine = team.getByRole("row", { name: new RegExp(`Pat Portfolio ${tag}`) });
  await expect(mine.getByRole("cell").nth(1)).toHaveText("3");
  await expect(mine.getByRole("cell").nth(2)).toHaveText("$360,000");
  await expectNoSeriousA11yViolations(page);
  await page
    .getByRole("navigation", { name: "Portfolio views" })
    .getByRole("link", { name: "How we're doing" })
    .click();
  await expect(page.getByRole("heading", { name: "How we are doing", level: 1 })).toBeVisible();
  const byCsm = page.getByRole("table", { name: "By CSM" });
  // Three accounts, none with a QBR in the last 90 days.
  await expect(byCsm.getByRole("row", { name: new RegExp(`Pat Portfolio ${tag}`) })).toContainText("0 of 3");
  await expectNoSeriousA11yViolations(page);
  await page.goBack();
  await mine.getByRole("link", { name: `Pat Portfolio ${tag}` }).click();
  await expect(page).toHaveURL(new RegExp(`/portfolio\\?csm=${csm.id}$`));
  await expect(rows.nth(1)).toContainText(accounts.falling.name);
});
