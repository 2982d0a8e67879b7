import { expect, test } from "../support/fixtures";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { demo } from "../support/demo";
import { signIn } from "../support/session";

test("the sign-in page is accessible", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Tandem" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

for (const [role, person, home, heading] of [
  ["admin", demo.admin, /\/portfolio$/, "Portfolio"],
  ["CSM", demo.csm, /\/portfolio$/, "Portfolio"],
  ["marketing", demo.marketing, /\/accounts$/, "Accounts"],
] as const) {
  test(`${role} signs in and lands on their start page (${heading})`, async ({ page }) => {
    await signIn(page, person.email);
    await expect(page).toHaveURL(home);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByRole("banner").getByText(person.name)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    // The demo has more accounts than a page holds: the story's three are found by name.
    for (const name of ["Northwind Logistics", "Helix Health", "Orbit Retail"]) {
      await page.goto(`/accounts?q=${encodeURIComponent(name)}`);
      await expect(page.getByRole("link", { name })).toBeVisible();
    }
  });
}

test("a champion signs in and lands on their account's home with their team", async ({ page }) => {
  await signIn(page, demo.northwindChampion.email);
  await expect(page.getByRole("heading", { name: `Welcome, ${demo.northwindChampion.name}` })).toBeVisible();
  const team = page.getByRole("region", { name: "Your team" });
  await expect(team.getByText("Tom Reyes")).toBeVisible();
  await expect(team.getByRole("link", { name: "Manage team" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("a member signs in and sees their account's home without team management", async ({ page }) => {
  await signIn(page, demo.northwindMember.email);
  await expect(page.getByRole("heading", { name: `Welcome, ${demo.northwindMember.name}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "View team" })).toBeVisible();
  await page.getByRole("link", { name: "View team" }).click();
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Invite a colleague" })).toHaveCount(0);
});

test("the staff account list searches, filters and sorts", async ({ newAccount, newStaff, signInAs }) => {
  const tag = `${Date.now().toString(36)}-${process.pid}`;
  const csm = await newStaff("csm");
  const renewal = (date: string) => ({ details: { renewalDate: date } });
  await newAccount({ name: `Alder ${tag}`, csm, ...renewal("2031-03-01") });
  await newAccount({ name: `Birch ${tag}`, csm, ...renewal("2031-09-01") });
  await newAccount({ name: `Cedar ${tag}`, ...renewal("2031-06-01") }); // another CSM's
  const page = await signInAs(csm);
  await page.goto("/accounts");

  await page.getByLabel("Search accounts").fill(`birch ${tag}`);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("link", { name: `Birch ${tag}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Alder ${tag}` })).toHaveCount(0);
  // Plan status at a glance: no plan started yet.
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: `Birch ${tag}` })
      .getByText("No plan yet"),
  ).toBeVisible();

  await page.getByLabel("Search accounts").fill(tag);
  await page.getByLabel("Owner").selectOption({ label: "My accounts" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("link", { name: `Alder ${tag}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Cedar ${tag}` })).toHaveCount(0);

  await page.goto(`/accounts?csm=mine&sort=renewal_desc&q=${encodeURIComponent(tag)}`);
  const names = await page.getByRole("row").locator("td:first-child a").allTextContents();
  expect(names).toEqual([`Birch ${tag}`, `Alder ${tag}`]);
});
