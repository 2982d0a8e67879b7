import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("a member whose language is Chinese takes the course in Chinese, with the untranslated lesson marked as English", async ({
  newAccount,
  signInAs,
}) => {
  const account = await newAccount({ members: [{ locale: "zh-CN" }] });
  const member = await signInAs(account.members[0]!);

  await member.goto("/training");
  await expect(member.getByRole("heading", { name: "培训", level: 1 })).toBeVisible();
  await member.getByRole("link", { name: "一天学会仪表板", exact: true }).click();
  await expect(member.getByRole("heading", { name: "一天学会仪表板", level: 1 })).toBeVisible();
  await member.getByRole("link", { name: "开始学习", exact: true }).click();

  await expect(member.getByRole("heading", { name: "为什么用仪表板", level: 1 })).toBeVisible();
  await expect(member.getByText("仪表板把团队常常争论的数字集中到一个地方。")).toBeVisible();
  const quiz = member.getByRole("form", { name: "知识测验" });
  await quiz.getByRole("radio", { name: "三张左右", exact: true }).check();
  await quiz.getByRole("button", { name: "提交答案", exact: true }).click();
  await expect(quiz.getByText("回答正确，做得好！")).toBeVisible();
  await expect(quiz.getByText("少量图表能让注意力集中在重要的事情上。")).toBeVisible();
  await member.getByRole("button", { name: "标记为已读", exact: true }).click();
  await expect(member.getByText("本节已完成")).toBeVisible();

  // The second lesson has no Chinese translation yet: English, and the page says so.
  await member.getByRole("link", { name: "下一节：Build one" }).click();
  await expect(member.getByRole("heading", { name: "Build one", level: 1 })).toBeVisible();
  await expect(member.getByText("本节暂无简体中文版本，以下显示英文原文。")).toBeVisible();
  await expectNoSeriousA11yViolations(member);

  await member.getByRole("navigation", { name: "返回课程" }).getByRole("link", { name: "返回课程" }).click();
  await expect(member.getByText("已完成 1 / 2 节课")).toBeVisible();
});
