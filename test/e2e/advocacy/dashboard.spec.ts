import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const DAY = 86_400_000;
const monthOf = (daysAgo: number) =>
  new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.now() - daysAgo * DAY),
  );

/**
 * A demo-story spec: it reads the demo's advocacy, never changes it. Other specs add asks, answers and advocates as they run, but only today: the figures asserted
 * here are the demo's older NPS answers (Kenji's 8, 160 days ago, and Elena's 7, 170 days ago, both
 * passives), and for the rest, what is there rather than how many.
 */
test("marketing reads the advocacy dashboard's charts for the last 12 months, 90 days and all time", async ({
  newStaff,
  signInAs,
}) => {
  test.slow();
  const marketing = await signInAs(await newStaff("marketing"));
  await marketing.goto("/advocacy");
  await marketing
    .getByRole("navigation", { name: "Advocacy sections" })
    .getByRole("link", { name: "Dashboard" })
    .click();
  const periods = marketing.getByRole("navigation", { name: "Period" });
  await expect(periods.getByRole("link", { name: "Last 12 months" })).toHaveAttribute("aria-current", "page");

  // Asks by type: the demo's accepted reference call and open case-study ask.
  const asks = marketing.getByRole("table", { name: "Asks by type" });
  await expect(asks.getByRole("rowheader", { name: "Reference call", exact: true })).toBeVisible();
  await expect(asks.getByRole("rowheader", { name: "Case study", exact: true })).toBeVisible();

  // The funnel: a bar per stage with its numbers.
  const funnel = marketing.getByRole("table", { name: "Funnel" });
  for (const stage of ["Identified", "Asked", "Accepted", "In production", "Customer review", "Published"]) {
    await expect(funnel.getByRole("rowheader", { name: stage, exact: true })).toBeVisible();
  }

  // NPS by month: one image with a summary, the numbers under "Show data".
  const nps = marketing.getByRole("region", { name: "NPS by month" });
  const [older, newer] = [monthOf(170), monthOf(160)];
  const passives =
    older === newer
      ? [[older, 2]]
      : [
          [older, 1],
          [newer, 1],
        ];
  const chart = nps.getByRole("img", { name: /^NPS by month, promoters, passives and detractors: / });
  for (const [month, count] of passives) {
    await expect(chart).toHaveAccessibleName(
      new RegExp(`${month} NPS 0 \\(0 promoters, ${count} passives, 0 detractors\\)`),
    );
  }
  await nps.getByText("Show data").click();
  const npsData = nps.getByRole("table", { name: "NPS by month" });
  await expect(npsData.getByRole("row")).toHaveCount(13);
  for (const [month, count] of passives) {
    await expect(npsData.getByRole("row", { name: `${month} ${count} 0 ${count} 0 0`, exact: true })).toBeVisible();
  }
  await expect(marketing.getByRole("region", { name: "Assets published by month" })).toBeVisible();
  await expect(
    marketing
      .getByRole("table", { name: "Advocates by industry" })
      .getByRole("rowheader", { name: "Retail", exact: true }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);

  // The last 90 days: the older answers drop out.
  await periods.getByRole("link", { name: "Last 90 days" }).click();
  await expect(marketing).toHaveURL(/period=90d/);
  await expect(periods.getByRole("link", { name: "Last 90 days" })).toHaveAttribute("aria-current", "page");
  await expect(chart).not.toHaveAccessibleName(new RegExp(older));
  // "Show data" stays open across periods.
  await expect(npsData.getByRole("row").nth(3)).toBeVisible();
  await expect(npsData.getByRole("row", { name: new RegExp(`^${older} `) })).toHaveCount(0);

  // All time counts in quarters; on a phone nothing runs off the side of the page.
  await periods.getByRole("link", { name: "All time" }).click();
  await expect(
    marketing.getByRole("region", { name: "NPS by quarter" }).getByRole("img", { name: /^NPS by quarter, / }),
  ).toBeVisible();
  await marketing.setViewportSize({ width: 375, height: 800 });
  expect(
    await marketing.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
  ).toBe(true);
  await expectNoSeriousA11yViolations(marketing);
});
