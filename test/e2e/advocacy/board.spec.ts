import { createConsent } from "../../../db/seed/factories";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const tagOf = () => `${Date.now().toString(36)}-${process.pid}-${test.info().repeatEachIndex}`;

test("marketing drags an opportunity to an allowed stage on the board; a stage it may not go to refuses the drop", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  const tag = tagOf();
  // An industry of the test's own, so the board shows only this opportunity.
  const industry = `Drag freight ${tag}`;
  const company = `Board Co ${tag}`;
  const { champion } = await newAccount({ name: company, details: { industry } });
  await createConsent(champion, { askType: "quote", scope: "sales", daysAgo: 0 });

  const marketing = await signInAs(await newStaff("marketing"));
  await marketing.setViewportSize({ width: 1366, height: 900 });
  await marketing.goto(`/advocacy?view=board&industry=${encodeURIComponent(industry)}`);

  // Eight stages don't fit 1366 px: the board scrolls in a focusable region and says so.
  const board = marketing.getByRole("region", { name: "Pipeline board: stages side by side" });
  await expect(board).toHaveAttribute("tabindex", "0");
  await expect(marketing.getByText("Scroll sideways for more stages →")).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);

  const column = (name: string) => board.getByRole("region", { name, exact: true });
  const card = board.locator("li").filter({ hasText: company });
  await expect(column("Accepted").getByText(company)).toBeVisible();

  // "Published" isn't a move from "Accepted": the drop is refused and nothing is posted.
  await card.dragTo(column("Published"));
  await expect(column("Accepted").getByText(company)).toBeVisible();
  await expect(marketing.getByRole("alert")).toHaveCount(0);

  await card.dragTo(column("In production"));
  await expect(marketing.getByText(`Moved ${company} to In production.`)).toBeVisible();
  await expect(column("In production").getByText(company)).toBeVisible();
  await expect(column("Accepted").getByText(company)).toHaveCount(0);

  // The server recorded it: the opportunity's own page says where it is.
  await column("In production").getByRole("link", { name: company }).click();
  await expect(
    marketing.getByRole("region", { name: "Stage history" }).getByText("Accepted → In production"),
  ).toBeVisible();
});
