import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCommunitySpace,
  createCustomer,
  createStaff,
  signedInRequest,
} from "~db/seed/factories";
import { createReply, createTopic } from "~/domain/community/posting.server";
import { ensureProfile } from "~/domain/community/profiles.server";
import { listTopics, similarTopics } from "~/domain/community/search.server";
import { moderatePost } from "~/domain/community/moderation.server";
import type { SearchInput } from "~/domain/community/schemas";
import { loader as communityLoader } from "~/routes/community._index";
import { loader as similarLoader } from "~/routes/community.similar";

// Several posters: each may post only so often (POST_LIMIT), and every test here writes a few topics.
let posters: User[];
let helper: User;
let bystander: User;
let staff: User;
let spaceId: string;
let next = 0;
const all: SearchInput = { q: "", space: "", tag: "", status: "all" };

beforeAll(async () => {
  const a = await createAccount({ name: `Orbit ${Date.now()}` });
  posters = [];
  for (const name of ["李娜", "张伟", "Ada Lang", "陈静"]) posters.push(await createCustomer(a.id, "member", { name }));
  helper = await createCustomer(a.id, "member", { name: "Hugo Helper" });
  bystander = await createCustomer(a.id, "champion", { name: "Bea Bystander" });
  staff = await createStaff("csm");
  spaceId = (await createCommunitySpace()).id;
  for (const person of [...posters, helper, bystander, staff]) await ensureProfile(actorOf(person));
});

async function post(title: string, body: string) {
  const person = posters[next++ % posters.length]!;
  const result = await createTopic(actorOf(person), { spaceId, kind: "question", title, body, tags: [] });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("search in Chinese", () => {
  it("finds a Chinese post by a two-character word from the middle of its title or body, title matches first", async () => {
    const inTitle = await post("如何在团队里共享销售仪表看板", "我们想让区域经理都能看到。");
    const inBody = await post("区域经理的权限问题", "我们的经理打不开共享的仪表看板，请问怎么设置？");
    const inReply = await post("导出的问题", "每周导出一次。");
    await createReply(actorOf(helper), inReply.id, "可以在看板的设置里打开定时导出。");

    const found = await listTopics(actorOf(bystander), { ...all, q: "看板" });
    expect(found.map((topic) => topic.id)).toEqual([inTitle.id, inBody.id, inReply.id]);
    expect(found[1]?.snippetHtml).toContain("<mark>看板</mark>");
    expect(found[2]?.snippetHtml).toContain("<mark>看板</mark>");

    // A word split across the title's characters is not a match: 仪表 and 看板 are, 表看 … 板仪 isn't.
    expect((await listTopics(actorOf(bystander), { ...all, q: "板仪" })).map((topic) => topic.id)).not.toContain(
      inTitle.id,
    );
  });

  it("requires every term of a mixed Chinese and English query, English words case-insensitively", async () => {
    const both = await post("CSV 导出乱码", "用 Excel 打开 quillfeather 文件时中文变成乱码。");
    const chineseOnly = await post("导出乱码怎么办", "打开文件时中文变成乱码。");
    const ids = (await listTopics(actorOf(bystander), { ...all, q: "乱码 QuillFeather" })).map((topic) => topic.id);
    expect(ids).toEqual([both.id]);
    const chinese = (await listTopics(actorOf(bystander), { ...all, q: "乱码" })).map((topic) => topic.id);
    expect(chinese).toEqual(expect.arrayContaining([both.id, chineseOnly.id]));
  });

  it("leaves hidden topics out", async () => {
    const hidden = await post("隐藏的续约问题", "续约");
    await moderatePost(actorOf(staff), "topic", hidden.id, "hide", "dupe");
    expect(await listTopics(actorOf(bystander), { ...all, q: "续约" })).toEqual([]);
    // Symbols are not terms: "续约%" is the same search as "续约".
    expect(await listTopics(actorOf(bystander), { ...all, q: "续约%" })).toEqual([]);
  });

  it("keeps English search on the english parser (stemming still works)", async () => {
    const topic = await post("Configuring flibbertigibbet exports", "Plain.");
    const ids = (await listTopics(actorOf(bystander), { ...all, q: "flibbertigibbet export" })).map((row) => row.id);
    expect(ids).toEqual([topic.id]);
  });

  it("suggests similar Chinese questions from a title being typed", async () => {
    await post("怎样轮换数据仓库的凭据", "x");
    const similar = await similarTopics("凭据多久轮换一次？");
    expect(similar.map((topic) => topic.title)).toContain("怎样轮换数据仓库的凭据");
    expect(await similarTopics("?!")).toEqual([]);
  });

  it.each(["看板\u0000", "\u0000", "看".repeat(5000), "看板 ".repeat(300), "%", "_", "\\看"])(
    "never errors on %j",
    async (q) => {
      await expect(listTopics(actorOf(helper), { ...all, q })).resolves.toBeInstanceOf(Array);
      await expect(similarTopics(q)).resolves.toBeInstanceOf(Array);
    },
  );

  it("answers the community page with a NUL or over-long query instead of failing", async () => {
    for (const q of ["看板\u0000", "看".repeat(500)]) {
      const url = `http://localhost/community?${new URLSearchParams({ q })}`;
      const page = await communityLoader({
        request: await signedInRequest(helper.id, url),
        params: {},
        context: { clientIp: "127.0.0.1" },
      });
      expect(page.topics).toBeInstanceOf(Array);
    }
    const similar = await similarLoader({
      request: await signedInRequest(
        helper.id,
        `http://localhost/community/similar?title=${encodeURIComponent("看板\u0000")}`,
      ),
      params: {},
      context: { clientIp: "127.0.0.1" },
    });
    expect(similar.similar).toBeInstanceOf(Array);
  });
});
