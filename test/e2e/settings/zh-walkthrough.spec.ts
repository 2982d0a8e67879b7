import type { Page } from "@playwright/test";
import { createMetric, createMilestone, createOutcome, createPlan, createTask } from "../../../db/seed/factories";
import { expect, test } from "../support/fixtures";

/**
 * Words that are English on a Chinese page on purpose: product and company names, and
 * abbreviations the glossary keeps (NPS, ROI, CSV …). A run of two or more other English words is
 * an untranslated string.
 */
const ALLOWED = new Set(
  ["Tandem", "Lumen", "Lumen Analytics", "Analytics", "NPS", "CSV", "ROI", "ARR", "CSM", "SSO", "English"].map((w) =>
    w.toLowerCase(),
  ),
);

/** Runs of two or more English words on the page, once its visible text is without emails and allowed names. */
async function englishRuns(page: Page): Promise<string[]> {
  // What people wrote (marked data-user-content) and English shown for want of a translation (lang="en") are content, not UI.
  const text = await page.locator("body").evaluate((body) => {
    const copy = body.cloneNode(true) as HTMLElement;
    // The community filters list the spaces and tags by their (authored) names.
    const authored =
      "[data-user-content], [lang='en'], select[name='space'] option:not([value='']), select[name='tag'] option:not([value=''])";
    copy.querySelectorAll(`${authored}, script, style`).forEach((node) => node.remove());
    document.body.append(copy);
    const visible = copy.innerText;
    copy.remove();
    return visible;
  });
  const runs = text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, " ")
    .match(/[A-Za-z][A-Za-z'’]*(?:[ \t\-/&,]+[A-Za-z][A-Za-z'’]*)+/g);
  return (runs ?? [])
    .map((run) => run.split(/[ \t\-/&,]+/).filter((word) => !ALLOWED.has(word.toLowerCase())))
    .filter((words) => words.length >= 2)
    .map((words) => words.join(" "));
}

test("a champion whose language is Chinese sees no English UI string on home, plan, training, community, value and settings", async ({
  newAccount,
  signInAs,
}) => {
  const { account, champion } = await newAccount({
    name: `远景零售 ${Date.now().toString(36)}`,
    champion: { name: "陈静", locale: "zh-CN" },
    members: [{ name: "刘洋", locale: "zh-CN" }],
  });
  // The spec's own plan, written in Chinese, so every English word left on the pages is the UI's.
  const plan = await createPlan(account.id, { name: "上线计划" });
  const outcome = await createOutcome(plan, { title: "每周运营报表自动生成", why: "团队负责人每周一节省半天" });
  const milestone = await createMilestone(plan, { title: "试点团队上线", targetDate: "2027-03-01" });
  await createTask(milestone, { title: "邀请试点用户" });
  await createMetric(outcome, { name: "每周报表耗时" });

  const page = await signInAs(champion);
  const pages = [
    "/",
    `/accounts/${account.id}/plan`,
    "/training",
    "/community",
    `/accounts/${account.id}/value`,
    "/settings",
  ];
  const found: Record<string, string[]> = {};
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const runs = await englishRuns(page);
    if (runs.length) found[path] = runs;
  }
  expect(found).toEqual({});
});
