import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

/** Two random Han characters, so this run's search finds only this run's post. */
function randomHanPair() {
  const han = () => String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 0x4000));
  return han() + han();
}

test("a Chinese-speaking member asks in Chinese and another finds it by a two-character word from the middle of a sentence", async ({
  newAccount,
  signInAs,
}) => {
  const word = randomHanPair();
  const title = `区域经理打不开共享的销售仪表看板 ${randomHanPair()}`;
  const { members } = await newAccount({
    members: [
      { name: "王芳", locale: "zh-CN" },
      { name: "李娜", locale: "zh-CN" },
    ],
  });

  const asker = await signInAs(members[0]!);
  await asker.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "社区" }).click();
  await asker.getByRole("link", { name: "提问", exact: true }).click();
  await expect(asker.getByRole("heading", { level: 1, name: "提问或分享" })).toBeVisible();
  await asker.getByLabel("版块", { exact: true }).selectOption({ label: "Getting started" });
  await asker.getByLabel("标题", { exact: true }).fill(title);
  await asker.getByLabel("详细内容", { exact: true }).fill(`我们每周一早上都要看${word}报表，但是经理们打不开。`);
  await asker.getByRole("button", { name: "发布", exact: true }).click();
  await expect(asker.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const reader = await signInAs(members[1]!);
  await reader.goto("/community");
  await reader.getByRole("searchbox", { name: "搜索社区" }).fill(word);
  await reader.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(reader.getByRole("heading", { name: "搜索结果" })).toBeVisible();
  await expect(reader.getByRole("link", { name: title })).toBeVisible();
  await expect(reader.locator(".search-snippet mark").first()).toHaveText(word);

  // Every term must match: the same word with an English word the post lacks finds nothing.
  await reader.getByRole("searchbox", { name: "搜索社区" }).fill(`${word} zzyzxunheardof`);
  await reader.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(reader.getByRole("heading", { name: "没有匹配的话题" })).toBeVisible();
  await expectNoSeriousA11yViolations(reader);
});
