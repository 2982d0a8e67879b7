import { type Page } from "@playwright/test";
import { createStaff } from "../../../db/seed/factories";
import { expect, test } from "../support/fixtures";

/** Asks for a sign-in link on the (English) sign-in page of a browser that has no language of its own. */
async function requestSignInLink(page: Page, email: string) {
  await page.goto("/login");
  const linkForm = page.getByRole("region", { name: "Email me a sign-in link" });
  await linkForm.getByLabel("Work email").fill(email);
  await linkForm.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText(`If an account exists for ${email}, a sign-in link is on its way.`)).toBeVisible();
}

test("after switching to Chinese in Settings, a person's next email is in Chinese, and English again after switching back", async ({
  page,
  newAccount,
  signInAs,
}) => {
  const { members } = await newAccount({ members: [{ name: "Lin Wei" }] });
  const person = members[0]!;
  const settings = await signInAs(person);
  await settings.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await settings.getByRole("combobox", { name: "Language" }).selectOption({ label: "中文" });
  await settings.getByRole("button", { name: "Save language" }).click();
  await expect(settings.getByText("语言已保存。")).toBeVisible();

  // The link is asked for from an English page: the email follows the saved language, not the page's.
  await requestSignInLink(page, person.email);
  const admin = await signInAs(await createStaff("admin"));
  await admin.goto("/outbox");
  const chinese = admin.getByRole("listitem").filter({ hasText: person.email }).first();
  await expect(chinese.getByRole("heading", { name: "你的 Tandem 登录链接" })).toBeVisible();
  await expect(chinese.getByText(/请使用以下链接登录 Tandem/)).toBeVisible();
  const href = await chinese
    .getByRole("link", { name: /\/login\/link/ })
    .first()
    .getAttribute("href");
  expect(href).toBeTruthy();

  // The link signs them in, into their Chinese portal.
  await page.goto(new URL(href!).pathname + new URL(href!).search);
  await page.getByRole("button", { name: `Continue as ${person.email}` }).click();
  await expect(page.getByRole("heading", { name: "欢迎，Lin Wei", level: 1 })).toBeVisible();

  await settings.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "设置" }).click();
  await settings.getByRole("combobox", { name: "语言" }).selectOption({ label: "English" });
  await settings.getByRole("button", { name: "保存语言" }).click();
  await expect(settings.getByText("Language saved.")).toBeVisible();

  const english = await settings
    .context()
    .browser()!
    .newContext({ baseURL: new URL(page.url()).origin });
  await requestSignInLink(await english.newPage(), person.email);
  await english.close();
  await admin.reload();
  const newest = admin.getByRole("listitem").filter({ hasText: person.email }).first();
  await expect(newest.getByRole("heading", { name: "Your sign-in link for Tandem" })).toBeVisible();
  await expect(admin.getByRole("listitem").filter({ hasText: person.email })).toHaveCount(2);
});
