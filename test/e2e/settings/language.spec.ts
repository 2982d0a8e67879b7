import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";
import { openUserMenu } from "../support/nav";

test("a person switches to Chinese in Settings, sees home and plan in Chinese, and switches back", async ({
  newAccount,
  signInAs,
}) => {
  const { members } = await newAccount({
    members: [{ name: "Lin Wei" }],
    plan: { template: "Self-serve onboarding", startDate: "2026-03-02" },
  });
  const page = await signInAs(members[0]!);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("combobox", { name: "Language" }).selectOption({ label: "中文" });
  await page.getByRole("button", { name: "Save language" }).click();

  await expect(page.getByText("语言已保存。")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "设置", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("设置 · Tandem");

  const nav = page.getByRole("navigation", { name: "主导航" });
  await nav.getByRole("link", { name: "首页" }).click();
  await expect(page.getByRole("heading", { name: "欢迎，Lin Wei", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "当前进展" })).toBeVisible();

  await nav.getByRole("link", { name: "计划" }).click();
  await expect(page.getByRole("heading", { name: "成功计划", level: 1 })).toBeVisible();
  await expect(page.getByText("总体进度")).toBeVisible();
  await openUserMenu(page);
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await nav.getByRole("link", { name: "设置" }).click();
  await page.getByRole("combobox", { name: "语言" }).selectOption({ label: "English" });
  await page.getByRole("button", { name: "保存语言" }).click();
  await expect(page.getByText("Language saved.")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
});

test("the header switcher changes a signed-in person's language on the page they are on", async ({
  newAccount,
  signInAs,
}) => {
  const { members } = await newAccount({ members: [{ name: "Zhou Min" }] });
  const page = await signInAs(members[0]!);
  await openUserMenu(page);
  await page.getByRole("banner").getByRole("button", { name: "中文", exact: true }).click();
  await expect(page.getByRole("heading", { name: "欢迎，Zhou Min", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await openUserMenu(page);
  await page.getByRole("banner").getByRole("button", { name: "English", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Zhou Min", level: 1 })).toBeVisible();
});

test("a signed-out visitor switches the sign-in page to Chinese and back", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Tandem", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "中文", exact: true }).click();

  await expect(page.getByRole("heading", { name: "登录 Tandem", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("button", { name: "发送登录链接" })).toBeVisible();
  await expect(page.getByLabel("工作邮箱").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The cookie keeps the choice on the next page.
  await page.getByRole("link", { name: "忘记密码？" }).click();
  await expect(page.getByRole("heading", { name: "重置密码", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Reset your password", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a browser asking for Chinese gets the sign-in page in Chinese", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "登录 Tandem", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await context.close();
});

test("someone whose language is Chinese signs in from the English sign-in page and gets Chinese", async ({
  page,
  newAccount,
}) => {
  const password = "a password of their own";
  const { members } = await newAccount({ members: [{ name: "王芳", locale: "zh-CN", password }] });
  await page.goto("/login");
  const form = page.getByRole("region", { name: "Sign in with your password" });
  await form.getByLabel("Work email").fill(members[0]!.email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "欢迎，王芳", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "计划" })).toBeVisible();
});
