import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type User, communityProfiles, notifications } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCommunitySpace,
  createCustomer,
  createStaff,
  signedInRequest,
} from "~db/seed/factories";
import { countUnread, markNotificationsRead } from "~/domain/community/notifications.server";
import { listInbox } from "~/domain/inbox/inbox.server";
import { createReply, createTopic } from "~/domain/community/posting.server";
import { ensureProfile, updateCommunityProfile } from "~/domain/community/profiles.server";
import { setAcceptedAnswer } from "~/domain/community/reactions.server";
import { listTopics, similarTopics } from "~/domain/community/search.server";
import { moderatePost } from "~/domain/community/moderation.server";
import { loader as topicLoader } from "~/routes/community.topics.$topicId";
import type { SearchInput } from "~/domain/community/schemas";
import { appOrigin } from "~/lib/http.server";
import { saveNotificationPreferences } from "~/domain/mail/preferences.server";
import { thrownResponse } from "../support/responses";
import { mailsTo } from "../support/outbox";

let asker: User;
let helper: User;
let bystander: User;
let staff: User;
let spaceId: string;
let spaceSlug: string;
const all: SearchInput = { q: "", space: "", tag: "", status: "all" };

beforeAll(async () => {
  const a = await createAccount();
  const b = await createAccount({ name: `Helix ${Date.now()}` });
  asker = await createCustomer(a.id, "member", { name: "Asha Asker" });
  helper = await createCustomer(b.id, "member", { name: "Hugo Helper" });
  bystander = await createCustomer(b.id, "champion", { name: "Bea Bystander" });
  staff = await createStaff("csm");
  const space = await createCommunitySpace();
  spaceId = space.id;
  spaceSlug = space.slug;
  for (const person of [asker, helper, bystander, staff]) await ensureProfile(actorOf(person));
});

async function post(person: User, title: string, body: string, kind: "question" | "discussion" = "question") {
  const result = await createTopic(actorOf(person), { spaceId, kind, title, body, tags: ["search"] });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("notifications", () => {
  it("follow the person's community channel: email only writes no bell row, the app only no email", async () => {
    const emailOnly = await createCustomer((await createAccount()).id, "member");
    const appOnly = await createCustomer((await createAccount()).id, "member");
    for (const [person, channel] of [
      [emailOnly, "email"],
      [appOnly, "app"],
    ] as const) {
      await ensureProfile(actorOf(person));
      await saveNotificationPreferences(actorOf(person), {
        email: { champion: true, digest: true },
        channels: { community: channel },
        quietHours: null,
        timeZone: "UTC",
      });
    }
    const first = await post(emailOnly, "Channels: exports by email?", "Body.");
    const second = await post(appOnly, "Channels: exports in the app?", "Body.");
    await createReply(actorOf(helper), first.id, "Yes.");
    await createReply(actorOf(helper), second.id, "Yes.");
    expect(await countUnread(emailOnly.id)).toBe(0);
    expect(await mailsTo(emailOnly.email)).toHaveLength(1);
    expect(await countUnread(appOnly.id)).toBe(1);
    expect(await mailsTo(appOnly.email)).toHaveLength(0);
  });

  it("tells followers about replies (the asker follows automatically), the accepted answer's author, and @mentioned people; email respects preferences", async () => {
    const topic = await post(asker, "Where are scheduled exports?", "Can't find them.");
    const [bea] = await db.select().from(communityProfiles).where(eq(communityProfiles.userId, bystander.id));
    const reply = await createReply(actorOf(helper), topic.id, `Under Reports → Schedules. cc @${bea!.handle}`);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.notifications.map((n) => [n.userId, n.type]).sort()).toEqual(
      [
        [asker.id, "reply"],
        [bystander.id, "mention"],
      ].sort(),
    );
    expect(await countUnread(helper.id)).toBe(0);

    // Queued with the reply itself; the mentioned person's email is optional mail with an unsubscribe target.
    const [mention] = await mailsTo(bystander.email);
    expect(mention).toMatchObject({
      subject: "Hugo H. mentioned you in “Where are scheduled exports?”",
      status: "queued",
    });
    // The unsubscribe target is the person's signed one-click link for community mail.
    expect(mention?.unsubscribeUrl?.startsWith(`${appOrigin()}/unsubscribe?token=`)).toBe(true);
    expect(mention?.text).toContain(`${appOrigin()}/community/topics/${topic.id}#reply-${reply.id}`);
    expect(mention?.html).toContain(`<a href="${mention?.unsubscribeUrl}"`);

    // The asker turns reply emails off: the next reply notifies them in-app only.
    const mailsBefore = (await mailsTo(asker.email)).length;
    await db.update(communityProfiles).set({ emailOnReply: false }).where(eq(communityProfiles.userId, asker.id));
    const second = await createReply(actorOf(helper), topic.id, "Also under Settings.");
    if (!second.ok) throw new Error(second.error);
    expect(second.notifications.map((n) => n.userId)).toContain(asker.id);
    expect(await mailsTo(asker.email)).toHaveLength(mailsBefore);

    const accepted = await setAcceptedAnswer(actorOf(asker), reply.id, true);
    if (!accepted.ok) throw new Error(accepted.error);
    expect((await mailsTo(helper.email))[0]?.subject).toBe("Your answer was accepted: “Where are scheduled exports?”");

    const listed = (await listInbox(helper.id)).items;
    expect(listed[0]).toMatchObject({
      source: "community",
      type: "accepted",
      topicId: topic.id,
      actorName: "Asha A.",
      read: false,
    });
    expect(await countUnread(asker.id)).toBeGreaterThan(0);
    await markNotificationsRead(asker.id);
    expect(await countUnread(asker.id)).toBe(0);
  });

  it("marks only the person's own notification read", async () => {
    const topic = await post(asker, "Mark read scoping", "x");
    const reply = await createReply(actorOf(helper), topic.id, "y");
    if (!reply.ok) throw new Error(reply.error);
    const mine = reply.notifications.find((n) => n.userId === asker.id)!;
    await markNotificationsRead(helper.id, mine.id);
    expect((await db.select().from(notifications).where(eq(notifications.id, mine.id)))[0]?.readAt).toBeNull();
  });

  it("refuses a taken handle", async () => {
    const [profile] = await db.select().from(communityProfiles).where(eq(communityProfiles.userId, asker.id));
    const result = await updateCommunityProfile(actorOf(helper), {
      displayName: "Hugo",
      handle: profile!.handle,
      title: "",
      showCompany: true,
      emailOnReply: true,
      emailOnAccepted: true,
      emailOnMention: true,
    });
    expect(result).toEqual({ ok: false, error: "handle_taken" });
  });
});

describe("search", () => {
  it("ranks a title match above a body match above a reply match, and finds topics by words in replies", async () => {
    const inTitle = await post(asker, "Zanzibarite dashboards for finance", "Plain text.");
    const inBody = await post(asker, "Finance question", "We tried zanzibarite dashboards last week.");
    const inReply = await post(asker, "Another finance question", "Nothing special.");
    await createReply(actorOf(helper), inReply.id, "Use zanzibarite filters.");
    const ids = (await listTopics(actorOf(bystander), { ...all, q: "zanzibarite" })).map((topic) => topic.id);
    expect(ids).toEqual([inTitle.id, inBody.id, inReply.id]);
  });

  it("highlights matches in an escaped snippet", async () => {
    await post(
      helper,
      "Snippet test",
      "Before <script>alert(1)</script> <img src=x onerror=alert(1)> if a < b && c > d the quokkaword appears.",
    );
    const [hit] = await listTopics(actorOf(bystander), { ...all, q: "quokkaword" });
    expect(hit?.snippetHtml).toContain("<mark>quokkaword</mark>");
    expect(hit?.snippetHtml).toContain("&lt; b &amp;&amp; c &gt;");
    // Apart from the <mark>s we add, no markup survives.
    expect(hit?.snippetHtml?.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it.each(['"unclosed', "a & | ! ( ) :*", "'; drop table users; --", "\\", "<>", "-", "OR", "陈述 報告", "💥"])(
    "never errors on %j",
    async (q) => {
      await expect(listTopics(actorOf(helper), { ...all, q })).resolves.toBeInstanceOf(Array);
      await expect(similarTopics(q)).resolves.toBeInstanceOf(Array);
    },
  );

  it("filters by space, tag, answered and unanswered, and leaves hidden topics out", async () => {
    const open = await post(asker, "Unanswered gizmotron", "x");
    const done = await post(asker, "Answered gizmotron", "x");
    const hidden = await post(asker, "Hidden gizmotron", "x");
    const reply = await createReply(actorOf(helper), done.id, "Here");
    if (!reply.ok) throw new Error(reply.error);
    await setAcceptedAnswer(actorOf(asker), reply.id, true);
    await moderatePost(actorOf(staff), "topic", hidden.id, "hide", "dupe");
    const search = (filters: Partial<SearchInput>) =>
      listTopics(actorOf(bystander), { ...all, q: "gizmotron", ...filters }).then((rows) =>
        rows.map((row) => row.title),
      );
    expect(await search({})).toEqual(expect.arrayContaining(["Unanswered gizmotron", "Answered gizmotron"]));
    expect(await search({})).not.toContain("Hidden gizmotron");
    expect(await search({ status: "unanswered" })).toEqual(["Unanswered gizmotron"]);
    expect(await search({ status: "answered" })).toEqual(["Answered gizmotron"]);
    expect(await search({ space: spaceSlug, tag: "search" })).toHaveLength(2);
    expect(await search({ tag: "nope" })).toEqual([]);
    expect(open.status).toBe("visible");
  });

  it("suggests similar questions from a title being typed", async () => {
    await post(asker, "How to rotate the warehouse credentials", "x");
    const similar = await similarTopics("rotate credentials?");
    expect(similar.map((topic) => topic.title)).toContain("How to rotate the warehouse credentials");
  });
});

describe("the topic route", () => {
  it("answers 404 for a hidden topic to customers and shows it to staff", async () => {
    const topic = await post(bystander, "Hidden by URL", "x");
    await moderatePost(actorOf(staff), "topic", topic.id, "hide", "Off-topic");
    const params = { topicId: topic.id };
    const url = `http://localhost/community/topics/${topic.id}`;
    for (const person of [bystander, helper]) {
      const response = await thrownResponse(
        topicLoader({ request: await signedInRequest(person.id, url), params, context: { clientIp: "127.0.0.1" } }),
      );
      expect(response.status).toBe(404);
    }
    const staffView = await topicLoader({
      request: await signedInRequest(staff.id, url),
      params,
      context: { clientIp: "127.0.0.1" },
    });
    expect(staffView.page.topic.hiddenReason).toBe("Off-topic");
    const malformed = await thrownResponse(
      topicLoader({
        request: await signedInRequest(helper.id, url),
        params: { topicId: "../x" },
        context: { clientIp: "127.0.0.1" },
      }),
    );
    expect(malformed.status).toBe(404);
  });
});
