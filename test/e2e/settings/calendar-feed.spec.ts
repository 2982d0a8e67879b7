import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("a champion creates a calendar link in Settings, a calendar app fetches it without cookies, and a reset stops the old one", async ({
  newAccount,
  signInAs,
  request,
}) => {
  // Today's start puts the template's first milestone (day 14) inside the feed's window.
  const { champion } = await newAccount({
    plan: { template: "Self-serve onboarding", startDate: new Date().toISOString().slice(0, 10) },
  });
  const page = await signInAs(champion);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const card = page.getByRole("region", { name: "Calendar" });
  await card.getByRole("button", { name: "Create calendar link" }).click();

  const link = card.getByRole("textbox", { name: "Calendar link" });
  await expect(link).toHaveValue(/\/calendar\/[\w-]{43}\.ics$/);
  await expectNoSeriousA11yViolations(page);
  const firstPath = new URL(await link.inputValue()).pathname;

  const feed = await request.get(firstPath);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const text = (await feed.text()).replaceAll("\r\n ", "");
  expect(text).toContain("SUMMARY:Milestone: Workspace set up and warehouse connected");
  expect(text).toContain("BEGIN:VALARM");

  await card.getByRole("button", { name: "Reset link" }).click();
  await expect(link).toHaveValue(/\/calendar\/[\w-]{43}\.ics$/);
  await expect.poll(async () => new URL(await link.inputValue()).pathname).not.toBe(firstPath);
  const secondPath = new URL(await link.inputValue()).pathname;

  expect((await request.get(firstPath)).status()).toBe(404);
  expect((await request.get(secondPath)).status()).toBe(200);
});
