import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { demo } from "../support/demo";
import { expect, test } from "../support/fixtures";

/** A word no other post contains, so searches and titles are this run's own. */
function uniqueWord(prefix: string) {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let word = prefix;
  for (let i = 0; i < 8; i += 1) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}

async function ask(page: Page, input: { space: string; title: string; body: string; tags?: string }) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Community" }).click();
  await page.getByRole("link", { name: "Ask a question" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ask or share" })).toBeVisible();
  await page.getByLabel("Space", { exact: true }).selectOption({ label: input.space });
  await page.getByLabel("Title").fill(input.title);
  await page.getByLabel("Details").fill(input.body);
  if (input.tags) await page.getByLabel("Tags (optional)").fill(input.tags);
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByRole("heading", { level: 1, name: input.title })).toBeVisible();
}

test("a customer asks, another company answers, the asker accepts and is notified; staff pin and hide a reported reply; search finds it", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  test.slow(); // four people, two companies and the vendor
  const answerWord = uniqueWord("quasar");
  const title = `How do I export a dashboard to PDF every Friday? ${uniqueWord("run")}`;
  // People of two accounts of the test's own, posting new topics in the demo's spaces.
  const tomsAccount = await newAccount({ members: [{ name: "Tom Reyes" }] });
  const rajsAccount = await newAccount({ members: [{ name: "Raj Iyer" }] });

  // A member of one company asks.
  const tom = await signInAs(tomsAccount.members[0]!);
  await ask(tom, {
    space: "Getting started",
    title,
    body: "Our ops team wants the **dispatch dashboard** as a PDF in their inbox each Friday.",
    tags: "exports, pdf",
  });
  await expectNoSeriousA11yViolations(tom);
  const topicUrl = tom.url();

  // A member of another company finds it, sees only Tom's display name (no company), and answers.
  const raj = await signInAs(rajsAccount.members[0]!);
  await raj.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Community" }).click();
  await raj.getByRole("link", { name: title }).click();
  const question = raj.getByRole("article", { name: title });
  await expect(question.getByText("Tom R.", { exact: true })).toBeVisible();
  await expect(raj.getByText(tomsAccount.account.name)).toHaveCount(0);
  await expect(raj.getByText("Tom Reyes")).toHaveCount(0);
  await raj
    .getByRole("textbox", { name: "Reply", exact: true })
    .fill(`Use a scheduled export with the PDF format, it works like a ${answerWord}.`);
  await raj.getByRole("button", { name: "Post reply" }).click();
  await expect(raj.getByText("Reply posted.")).toBeVisible();
  await expectNoSeriousA11yViolations(raj);

  // Tom hears about it, accepts the answer and upvotes it.
  await tom.reload();
  await tom.getByRole("button", { name: /^Notifications: \d+ unread notifications?$/ }).click();
  await expect(tom.getByRole("link", { name: `Raj I. replied to “${title}”` })).toBeVisible();
  await tom.keyboard.press("Escape");
  await tom.getByRole("button", { name: "Accept answer: by Raj I." }).click();
  const accepted = tom.getByRole("region", { name: "Accepted answer" });
  await expect(accepted.getByText(answerWord, { exact: false })).toBeVisible();
  await accepted.getByRole("button", { name: /^Upvote this post/ }).click();
  await expect(accepted.getByRole("button", { name: "Remove your upvote (1 so far)" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // Raj is told the answer was accepted.
  await raj.reload();
  await raj.getByRole("button", { name: /^Notifications: \d+ unread/ }).click();
  await expect(raj.getByRole("link", { name: `Tom R. accepted your answer to “${title}”` })).toBeVisible();
  await raj.keyboard.press("Escape");

  // Someone posts an off-topic reply; Tom reports it.
  const spam = `Cheap licences here, message me ${uniqueWord("spam")}`;
  await raj.getByRole("textbox", { name: "Reply", exact: true }).fill(spam);
  await raj.getByRole("button", { name: "Post reply" }).click();
  await expect(raj.getByRole("article").filter({ hasText: spam })).toBeVisible();
  await expect(raj.getByRole("textbox", { name: "Reply", exact: true })).toHaveValue("");
  await tom.reload();
  const spamReply = tom.getByRole("article").filter({ hasText: spam });
  await spamReply.getByText("Report", { exact: true }).click();
  await spamReply.getByLabel("Why are you reporting this?").fill("Spam, not an answer");
  await spamReply.getByRole("button", { name: "Send report" }).click();
  await expect(spamReply.getByText("Thanks: a moderator will look at it.")).toBeVisible();

  // Staff pin the topic and hide the reported reply from the moderation queue.
  const csm = await signInAs(await newStaff("csm"));
  await csm.goto(topicUrl);
  await csm.getByRole("region", { name: "Moderation" }).getByRole("button", { name: "Pin", exact: true }).click();
  await expect(csm.getByRole("article", { name: title }).getByText("Pinned", { exact: true })).toBeVisible();
  await csm.goto("/community/moderation");
  const report = csm.getByRole("listitem").filter({ hasText: "Spam, not an answer" }).filter({ hasText: spam });
  await report.locator("summary", { hasText: "Hide" }).click();
  await report.getByLabel("Reason for hiding (recorded in the audit log)").fill("Advertising");
  await report.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(csm.getByRole("region", { name: "Hidden" }).getByText(spam)).toBeVisible();
  await expectNoSeriousA11yViolations(csm);

  await tom.reload();
  await expect(tom.getByText(spam)).toHaveCount(0);
  await expect(tom.getByRole("article", { name: title }).getByText("Pinned", { exact: true })).toBeVisible();

  // Search finds the topic by a word that is only in the answer, highlighted.
  await tom.goto("/community");
  await tom.getByRole("searchbox", { name: "Search the community" }).fill(answerWord);
  await tom.getByRole("button", { name: "Search" }).click();
  await expect(tom.getByRole("link", { name: title })).toBeVisible();
  await expect(tom.locator(".search-snippet mark").first()).toHaveText(answerWord);
  await expectNoSeriousA11yViolations(tom);
});

test("HTML and script in a post are shown as text and never run", async ({ newAccount, signInAs }) => {
  const page = await signInAs((await newAccount()).champion);
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const title = `<b>Bold?</b> ${uniqueWord("inject")}`;
  await ask(page, {
    space: "Reporting",
    title,
    body: `<script>window.__pwned = 1; alert(1)</script>\n\n<img src=x onerror="window.__pwned = 2">\n\n[click me](javascript:window.__pwned=3)`,
  });
  const post = page.getByRole("article", { name: title });
  await expect(post.getByText("<script>window.__pwned = 1; alert(1)</script>")).toBeVisible();
  await expect(post.getByText('<img src=x onerror="window.__pwned = 2">')).toBeVisible();
  await expect(post.getByRole("link", { name: "click me" })).toHaveCount(0);
  await expect(post.locator("img, script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
});

// Read only: Elena's demo profile and the demo's questions.
test("community profile, new-topic form and read-only announcements", async ({ signInAs }) => {
  const page = await signInAs(demo.helixChampion.email);
  await page.goto("/community/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Community profile" })).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveValue("Elena M.");
  await expectNoSeriousA11yViolations(page);

  await page.goto("/community/new");
  await page.getByLabel("Title").fill("How do I connect Snowflake");
  await expect(
    page
      .getByRole("region", { name: "Similar questions" })
      .getByRole("link", { name: "How do we connect Snowflake with a read-only user?" }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Details").fill("x".repeat(20_001));
  await page.getByRole("button", { name: "Post" }).click();
  await expect(page.getByText("That's longer than 20,000 characters.", { exact: false })).toBeVisible();

  await page.goto("/community?space=announcements");
  await page.getByRole("link", { name: "Welcome to the Lumen community" }).click();
  await expect(page.getByText("Only the Lumen Analytics team posts here.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Reply", exact: true })).toHaveCount(0);
});

test("an admin adds a space; customers get 404 for moderation and space settings", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  const admin = await signInAs(await newStaff("admin"));
  await admin.goto("/community/spaces");
  const name = `Integrations ${uniqueWord("")}`;
  const form = admin.getByRole("region", { name: "New space" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Address").fill(name.toLowerCase().replace(/\s+/g, "-"));
  await form.getByLabel("Description").fill("Connectors and APIs.");
  await form.getByRole("button", { name: "Create space" }).click();
  await expect(admin.getByText("Space created.")).toBeVisible();
  await expect(admin.getByRole("region", { name })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.goto("/community");
  await expect(
    admin.getByRole("navigation", { name: "Spaces" }).getByRole("link", { name: new RegExp(name) }),
  ).toBeVisible();
  await admin.goto("/notifications");
  await expect(admin.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  const member = await signInAs((await newAccount({ members: [{}] })).members[0]!);
  for (const path of ["/community/moderation", "/community/spaces"]) {
    const response = await member.goto(path);
    expect(response?.status()).toBe(404);
  }
});
