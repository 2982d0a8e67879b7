import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type User, activity, communityTopics, events, communityVotes } from "~db/schema";
import { actorOf, createAccount, createCommunitySpace, createCustomer, createStaff } from "~db/seed/factories";
import { listModerationQueue, moderatePost, updateTopicSettings } from "~/domain/community/moderation.server";
import { createReply, createTopic, editReply, editTopic } from "~/domain/community/posting.server";
import { setAcceptedAnswer, setVote } from "~/domain/community/reactions.server";
import { getTopicPage, listRevisions } from "~/domain/community/reading.server";
import { listSpaces } from "~/domain/community/spaces.server";
import { POST_LIMIT } from "~/domain/community/rules";

let accountA: Account;
let accountB: Account;
const people = {} as Record<"member" | "champion" | "other" | "csm" | "marketing", User>;
const as = (person: keyof typeof people) => actorOf(people[person]);
let spaceId: string;

beforeAll(async () => {
  accountA = await createAccount({ name: `Northwind ${Date.now()}` });
  accountB = await createAccount();
  people.member = await createCustomer(accountA.id, "member", { name: "Tom Reyes" });
  people.champion = await createCustomer(accountA.id, "champion");
  people.other = await createCustomer(accountB.id, "member", { name: "Raj Iyer" });
  people.csm = await createStaff("csm");
  people.marketing = await createStaff("marketing");
  spaceId = (await createCommunitySpace()).id;
});

async function ask(person: keyof typeof people, title = `Question ${Math.random()}`, space = spaceId) {
  const result = await createTopic(as(person), {
    spaceId: space,
    kind: "question",
    title,
    body: "How?",
    tags: ["how"],
  });
  if (!result.ok) throw new Error(result.error);
  return result.id;
}
async function answer(person: keyof typeof people, topicId: string, body = "Like this.") {
  const result = await createReply(as(person), topicId, body);
  if (!result.ok) throw new Error(result.error);
  return result.id;
}

describe("topics and replies", () => {
  it("posts a question, logs it, and shows the asker's display name only — no company, no full name", async () => {
    const topicId = await ask("member", "Exporting to PDF");
    const page = await getTopicPage(as("other"), topicId);
    expect(page?.topic.author).toEqual({
      id: people.member.id,
      name: "Tom R.",
      handle: expect.any(String),
      title: "",
      company: null,
      isTeam: false,
    });
    expect(JSON.stringify(page)).not.toContain(people.member.email);
    expect(JSON.stringify(page)).not.toContain(accountA.name);
    const [entry] = await db
      .select()
      .from(activity)
      .where(and(eq(activity.subjectId, topicId), eq(activity.action, "community.topic.created")));
    expect(entry).toMatchObject({ accountId: accountA.id, actorId: people.member.id });
  });

  it("refuses customers in a read-only space and in an articles space; staff may post there", async () => {
    const readOnly = await createCommunitySpace({ customersMayPost: false });
    const articles = await createCommunitySpace({ customersMayPost: false, articles: true });
    expect(
      await createTopic(as("champion"), { spaceId: readOnly.id, kind: "discussion", title: "Hi", body: "x", tags: [] }),
    ).toEqual({ ok: false, error: "forbidden" });
    expect(
      await createTopic(as("member"), { spaceId: articles.id, kind: "article", title: "Hi", body: "x", tags: [] }),
    ).toEqual({ ok: false, error: "forbidden" });
    expect(
      await createTopic(as("marketing"), { spaceId: articles.id, kind: "article", title: "Hi", body: "x", tags: [] }),
    ).toMatchObject({ ok: true, status: "visible" });
    const announcement = await createTopic(as("csm"), {
      spaceId: readOnly.id,
      kind: "discussion",
      title: "News",
      body: "x",
      tags: [],
    });
    if (!announcement.ok) throw new Error("staff could not post");
    expect(await createReply(as("other"), announcement.id, "Me too")).toEqual({ ok: false, error: "forbidden" });
  });

  it("refuses replies in a locked topic, except from staff", async () => {
    const topicId = await ask("member");
    await updateTopicSettings(as("csm"), topicId, { flag: "lock" });
    expect(await createReply(as("other"), topicId, "Late")).toEqual({ ok: false, error: "locked" });
    expect(await createReply(as("csm"), topicId, "Closing note")).toMatchObject({ ok: true });
  });

  it("keeps the edit history of own posts and refuses a stale edit or someone else's edit", async () => {
    const topicId = await ask("member", "Original title");
    expect(await editTopic(as("other"), topicId, { title: "Hacked", body: "x", tags: [], version: 1 })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(
      await editTopic(as("member"), topicId, { title: "Better title", body: "Clearer", tags: [], version: 1 }),
    ).toEqual({ ok: true });
    expect(await editTopic(as("member"), topicId, { title: "Stale", body: "x", tags: [], version: 1 })).toEqual({
      ok: false,
      error: "stale",
    });
    expect((await listRevisions(as("member"), "topic", topicId))?.map((r) => r.title)).toEqual(["Original title"]);
    expect(await listRevisions(as("other"), "topic", topicId)).toBeNull();
    const replyId = await answer("other", topicId);
    expect(await editReply(as("member"), replyId, { body: "nope", version: 1 })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await editReply(as("csm"), replyId, { body: "Tidied by staff", version: 1 })).toEqual({ ok: true });
  });
});

describe("rate limit", () => {
  it(`allows ${POST_LIMIT} posts in the window, refuses the next, and never limits staff`, async () => {
    const poster = actorOf(await createCustomer(accountB.id, "member"));
    const first = await createTopic(poster, { spaceId, kind: "discussion", title: "Thread", body: "x", tags: [] });
    if (!first.ok) throw new Error(first.error);
    for (let i = 1; i < POST_LIMIT; i += 1)
      expect(await createReply(poster, first.id, `reply ${i}`)).toMatchObject({ ok: true });
    expect(await createReply(poster, first.id, "one too many")).toEqual({ ok: false, error: "rate_limited" });
    expect(await createTopic(poster, { spaceId, kind: "question", title: "Another", body: "x", tags: [] })).toEqual({
      ok: false,
      error: "rate_limited",
    });
    const staff = actorOf(await createStaff("csm"));
    for (let i = 0; i <= POST_LIMIT; i += 1)
      expect(await createReply(staff, first.id, `staff ${i}`)).toMatchObject({ ok: true });
  });
});

describe("first-post review", () => {
  it("holds a newcomer's first post until staff approve it; later posts go straight out", async () => {
    const reviewed = await createCommunitySpace({ firstPostReview: true });
    const newcomer = actorOf(await createCustomer(accountB.id, "member"));
    const first = await createTopic(newcomer, {
      spaceId: reviewed.id,
      kind: "question",
      title: "My first",
      body: "Hello",
      tags: [],
    });
    expect(first).toMatchObject({ ok: true, status: "pending" });
    if (!first.ok) return;
    expect(await getTopicPage(as("other"), first.id)).toBeNull();
    expect((await getTopicPage(newcomer, first.id))?.topic.status).toBe("pending");
    expect((await listModerationQueue(as("marketing")))?.pending.map((post) => post.id)).toContain(first.id);
    expect(await listModerationQueue(as("member"))).toBeNull();

    expect(await moderatePost(as("csm"), "topic", first.id, "approve", null)).toMatchObject({ ok: true });
    expect((await getTopicPage(as("other"), first.id))?.topic.status).toBe("visible");
    expect(
      await createTopic(newcomer, { spaceId: reviewed.id, kind: "question", title: "My second", body: "Hi", tags: [] }),
    ).toMatchObject({ ok: true, status: "visible" });
  });
});

describe("hiding", () => {
  it("hides a reply with a reason in the audit log; non-staff no longer see it, staff do", async () => {
    const topicId = await ask("member");
    const replyId = await answer("other", topicId, "Buy cheap licences");
    expect(await moderatePost(as("member"), "reply", replyId, "hide", "spam")).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await moderatePost(as("csm"), "reply", replyId, "hide", "Advertising")).toMatchObject({ ok: true });
    expect((await getTopicPage(as("member"), topicId))?.replies.map((r) => r.id)).not.toContain(replyId);
    expect((await getTopicPage(as("csm"), topicId))?.replies.find((r) => r.id === replyId)).toMatchObject({
      status: "hidden",
      hiddenReason: "Advertising",
    });
    const [entry] = await db
      .select()
      .from(activity)
      .where(and(eq(activity.subjectId, replyId), eq(activity.action, "community.post.hidden")));
    expect(entry?.details).toMatchObject({ reason: "Advertising", from: "visible", to: "hidden" });
    expect(await setVote(as("member"), "reply", replyId, true)).toEqual({ ok: false, error: "not_found" });
  });

  it("makes a hidden topic a 404 (null) for everyone but staff", async () => {
    const topicId = await ask("member");
    await moderatePost(as("marketing"), "topic", topicId, "hide", "Duplicate");
    expect(await getTopicPage(as("member"), topicId)).toBeNull();
    expect(await getTopicPage(as("other"), topicId)).toBeNull();
    expect((await getTopicPage(as("csm"), topicId))?.topic.hiddenReason).toBe("Duplicate");
    expect(await createReply(as("other"), topicId, "hello")).toEqual({ ok: false, error: "not_found" });
    await moderatePost(as("marketing"), "topic", topicId, "restore", null);
    expect(
      (
        await db.select({ status: communityTopics.status }).from(communityTopics).where(eq(communityTopics.id, topicId))
      )[0]?.status,
    ).toBe("visible");
  });
});

describe("votes and accepted answers", () => {
  it("counts one upvote per person, undoable, never on one's own post; a customer's reply upvote is a reply.upvoted event once per voter", async () => {
    const topicId = await ask("member");
    const replyId = await answer("other", topicId);
    expect(await setVote(as("other"), "reply", replyId, true)).toEqual({ ok: false, error: "forbidden" });
    expect(await setVote(as("member"), "reply", replyId, true)).toEqual({ ok: true });
    expect(await setVote(as("member"), "reply", replyId, true)).toEqual({ ok: true });
    expect(await db.select().from(communityVotes).where(eq(communityVotes.postId, replyId))).toHaveLength(1);
    await setVote(as("member"), "reply", replyId, false);
    expect(await db.select().from(communityVotes).where(eq(communityVotes.postId, replyId))).toHaveLength(0);
    await setVote(as("member"), "reply", replyId, true);
    const upvoted = await db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, replyId), eq(events.type, "reply.upvoted")));
    expect(upvoted).toHaveLength(1);
    expect(upvoted[0]).toMatchObject({
      accountId: accountB.id,
      actorId: people.member.id,
      payload: { replyId, topicId, authorId: people.other.id },
    });
    expect((await getTopicPage(as("member"), topicId))?.replies[0]).toMatchObject({ votes: 1, voted: true });
  });

  it("lets the asker or staff accept, not anyone else; a customer's accepted answer is an answer.accepted event", async () => {
    const topicId = await ask("member");
    const replyId = await answer("other", topicId);
    const staffReply = await answer("csm", topicId);
    expect(await setAcceptedAnswer(as("champion"), replyId, true)).toEqual({ ok: false, error: "forbidden" });
    expect(await setAcceptedAnswer(as("other"), replyId, true)).toEqual({ ok: false, error: "forbidden" });
    expect(await setAcceptedAnswer(as("member"), replyId, true)).toMatchObject({ ok: true });
    const page = await getTopicPage(as("other"), topicId);
    expect(page?.accepted?.id).toBe(replyId);
    const [event] = await db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, replyId), eq(events.type, "answer.accepted")));
    expect(event).toMatchObject({ accountId: accountB.id, actorId: people.member.id });
    // Staff may move the accepted answer; a staff reply is no customer signal.
    expect(await setAcceptedAnswer(as("csm"), staffReply, true)).toMatchObject({ ok: true });
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.subjectId, staffReply), eq(events.type, "answer.accepted"))),
    ).toHaveLength(0);
  });
});

describe("listSpaces", () => {
  it("counts each space's visible topics, leaving hidden ones out", async () => {
    const space = (await createCommunitySpace()).id;
    const shown = await ask("member", `Counted ${Date.now()}`, space);
    const hidden = await ask("champion", `Hidden ${Date.now()}`, space);
    await db
      .update(communityTopics)
      .set({ status: "hidden", hiddenReason: "Spam" })
      .where(eq(communityTopics.id, hidden));
    const spaces = await listSpaces();
    expect(spaces.find((row) => row.id === space)?.topicCount).toBe(1);
    expect(shown).not.toBe(hidden);
    expect(spaces.find((row) => row.id === spaceId)?.topicCount).toBeGreaterThan(0);
  });
});
