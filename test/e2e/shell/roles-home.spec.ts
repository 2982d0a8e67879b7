import { expect, test } from "../support/fixtures";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { signIn } from "../support/session";

test("the sign-in page is accessible", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Tandem" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

// People and accounts of the spec's own, signing in through the form with a password of their own.
const PASSWORD = "roles home password 1";
const tagOf = () => `${Date.now().toString(36)}-${process.pid}-${test.info().repeatEachIndex}`;

for (const [role, staffRole, home, heading] of [
  ["admin", "admin", /\/portfolio$/, "Portfolio"],
  ["CSM", "csm", /\/portfolio$/, "Portfolio"],
  ["marketing", "marketing", /\/accounts$/, "Accounts"],
] as const) {
  test(`${role} signs in and lands on their start page (${heading})`, async ({ page, newAccount, newStaff }) => {
    const tag = tagOf();
    const person = await newStaff(staffRole, { name: `Rhea ${role} ${tag}`, password: PASSWORD });
    const owner = staffRole === "marketing" ? await newStaff("csm") : person;
    const company = `Roles Home ${role} ${tag}`;
    await newAccount({ name: company, csm: owner });
    await signIn(page, person.email, PASSWORD);
    await expect(page).toHaveURL(home);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    await expect(page.getByRole("banner").getByText(person.name)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    // A CSM's own account is on their portfolio; every staff member finds it on the account list.
    if (staffRole === "csm") await expect(page.getByRole("link", { name: company })).toBeVisible();
    await page.goto(`/accounts?q=${encodeURIComponent(company)}`);
    await expect(page.getByRole("link", { name: company })).toBeVisible();
  });
}

test("a champion signs in and lands on their account's home with their team", async ({ page, newAccount }) => {
  const tag = tagOf();
  const { champion } = await newAccount({
    champion: { name: `Chloe Champion ${tag}`, password: PASSWORD },
    members: [{ name: `Tomas Teammate ${tag}` }],
  });
  await signIn(page, champion.email, PASSWORD);
  await expect(page.getByRole("heading", { name: `Welcome, ${champion.name}` })).toBeVisible();
  const team = page.getByRole("region", { name: "Your team" });
  await expect(team.getByText(`Tomas Teammate ${tag}`)).toBeVisible();
  await expect(team.getByRole("link", { name: "Manage team" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("a member signs in and sees their account's home without team management", async ({ page, newAccount }) => {
  const tag = tagOf();
  const { members } = await newAccount({ members: [{ name: `Milo Member ${tag}`, password: PASSWORD }] });
  const member = members[0]!;
  await signIn(page, member.email, PASSWORD);
  await expect(page.getByRole("heading", { name: `Welcome, ${member.name}` })).toBeVisible();
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
