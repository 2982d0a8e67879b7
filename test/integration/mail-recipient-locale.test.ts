import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "~db/schema";
import { actorOf, createAccount, createCommunitySpace, createCustomer } from "~db/seed/factories";
import { requestEmailLink } from "~/domain/auth/email-links.server";
import { createReply, createTopic } from "~/domain/community/posting.server";
import { ensureProfile } from "~/domain/community/profiles.server";
import { invite } from "~/domain/people/invitations.server";
import { lastMailTo } from "../support/outbox";

// Every email is written in its recipient's language, never in that of the person whose action caused it.
const origin = "http://tandem.test";
let accountId: string;
let accountName: string;
let english: User;
let chinese: User;
let spaceId: string;
let n = 0;
const newEmail = () => `recipient-locale-${++n}-${Date.now()}@test.example`;

beforeAll(async () => {
  const account = await createAccount();
  accountId = account.id;
  accountName = account.name;
  english = await createCustomer(account.id, "champion", { name: "Emma Stone", locale: "en" });
  chinese = await createCustomer(account.id, "champion", { name: "王芳", locale: "zh-CN" });
  spaceId = (await createCommunitySpace()).id;
  for (const person of [english, chinese]) await ensureProfile(actorOf(person));
});

async function topicBy(person: User, title: string) {
  const topic = await createTopic(actorOf(person), { spaceId, kind: "question", title, body: "…", tags: [] });
  if (!topic.ok) throw new Error(topic.error);
  return topic;
}

describe("community notifications", () => {
  it("mails a Chinese-speaking asker in Chinese when an English speaker replies", async () => {
    const topic = await topicBy(chinese, "导出报表乱码");
    const reply = await createReply(actorOf(english), topic.id, "Try saving as UTF-8.");
    if (!reply.ok) throw new Error(reply.error);
    const mail = await lastMailTo(chinese.email);
    expect(mail.subject).toBe("“导出报表乱码”有新回复");
    expect(mail.text).toContain("Emma S. 回复了你在社区中关注的话题“导出报表乱码”");
    expect(mail.text).toContain("你可以在社区资料中设置接收哪些邮件。");
    expect(mail.text).not.toMatch(/Hello|replied/);
    expect(mail.html).toContain("设置接收哪些邮件");
  });

  it("mails an English-speaking asker in English when a Chinese speaker replies", async () => {
    const topic = await topicBy(english, "Scheduled export times");
    const reply = await createReply(actorOf(chinese), topic.id, "在“报表”里设置。");
    if (!reply.ok) throw new Error(reply.error);
    const mail = await lastMailTo(english.email);
    expect(mail.subject).toBe("New reply to “Scheduled export times”");
    expect(mail.text).toContain("Hello,\n\n王芳 replied to “Scheduled export times”");
    expect(mail.text).not.toMatch(/你好|回复了/);
    expect(mail.html).not.toContain("设置接收哪些邮件");
  });
});

describe("invitations", () => {
  it("an English-speaking champion's invitation in Chinese is Chinese, and a Chinese-speaking one's in English is English", async () => {
    const toChinese = newEmail();
    const target = { kind: "account", accountId, accountRole: "member" } as const;
    expect((await invite({ actor: actorOf(english), email: toChinese, locale: "zh-CN", target, origin })).ok).toBe(
      true,
    );
    const zh = await lastMailTo(toChinese);
    expect(zh.subject).toBe(`邀请你加入 Tandem 上的 ${accountName}`);
    expect(zh.text).toContain(`Emma Stone 邀请你加入 Tandem 上的 ${accountName}`);
    expect(zh.text).not.toContain("Hello");

    const toEnglish = newEmail();
    expect((await invite({ actor: actorOf(chinese), email: toEnglish, locale: "en", target, origin })).ok).toBe(true);
    const en = await lastMailTo(toEnglish);
    expect(en.subject).toBe(`You're invited to join ${accountName} on Tandem`);
    expect(en.text).toContain("王芳");
    expect(en.text).not.toMatch(/你好|邀请/);
  });
});

describe("sign-in and reset links", () => {
  it("are in the saved language of the person they go to", async () => {
    expect(await requestEmailLink({ purpose: "magic_link", email: chinese.email, ip: "10.9.0.1", origin })).toBe(
      "sent",
    );
    const link = await lastMailTo(chinese.email);
    expect(link.subject).toBe("你的 Tandem 登录链接");
    expect(link.text).toContain("请使用以下链接登录 Tandem");

    expect(await requestEmailLink({ purpose: "password_reset", email: english.email, ip: "10.9.0.2", origin })).toBe(
      "sent",
    );
    const reset = await lastMailTo(english.email);
    expect(reset.subject).toBe("Reset your Tandem password");
    expect(reset.text).not.toMatch(/[\p{Script=Han}]/u);
  });
});
