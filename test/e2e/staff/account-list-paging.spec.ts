import { expect, test } from "../support/fixtures";

test("a CSM pages through, filters and searches a long account list", async ({ newAccounts, newStaff, signInAs }) => {
  const csm = await newStaff("csm");
  const prefix = `Paging ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await newAccounts(60, { prefix, csm });
  const page = await signInAs(csm);

  await page.goto("/accounts");
  await page.getByLabel("Owner").selectOption({ label: "My accounts" });
  await page.getByLabel("Sort by").selectOption({ label: "Company name" });
  await page.getByRole("button", { name: "Filter" }).click();
  const pager = page.getByRole("navigation", { name: "Pages of Accounts" });
  await expect(pager.getByText("1–50 of 60")).toBeVisible();
  await expect(page.getByRole("link", { name: `${prefix} 001`, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `${prefix} 051`, exact: true })).toHaveCount(0);

  await pager.getByRole("link", { name: "Next" }).click();
  await expect(pager.getByText("51–60 of 60")).toBeVisible();
  await expect(page.getByRole("link", { name: `${prefix} 051`, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `${prefix} 001`, exact: true })).toHaveCount(0);
  // The filters survive paging: the form still shows them.
  await expect(page.getByLabel("Owner")).toHaveValue("mine");

  await pager.getByRole("link", { name: "Previous" }).click();
  await expect(pager.getByText("1–50 of 60")).toBeVisible();

  // A substring from the middle of the names, within the CSM's accounts.
  await page.getByLabel("Search accounts").fill(`${prefix.slice(3)} 05`);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("status").getByText("10 accounts")).toBeVisible();
  await expect(page.getByRole("link", { name: `${prefix} 055`, exact: true })).toBeVisible();
  await expect(page.getByLabel("Search accounts")).toHaveValue(`${prefix.slice(3)} 05`);
});
