import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { communityProfiles, communitySpaces, communityTopics, notifications, type User } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCommunitySpace,
  createCustomer,
  createStaff,
  signedInRequest,
} from "~db/seed/factories";
import { createTopic } from "~/domain/community/posting.server";
import { ensureProfile, updateCommunityProfile } from "~/domain/community/profiles.server";
import { newId } from "~/lib/ids.server";
import { action as newTopicAction } from "~/routes/community.new";
import { action as profileAction } from "~/routes/community.profile";
import { action as spacesAction } from "~/routes/community.spaces";
import { action as topicAction } from "~/routes/community.topics.$topicId";
import { action as editAction } from "~/routes/community.topics.$topicId_.edit";
import { action as notificationsAction } from "~/routes/notifications";

let member: User;
let admin: User;
let spaceId: string;
const context = { clientIp: "127.0.0.1" };

beforeAll(async () => {
  const account = await createAccount();
  member = await createCustomer(account.id, "member");
  admin = await createStaff("admin");
  spaceId = (await createCommunitySpace()).id;
});

function post(userId: string, path: string, fields: Record<string, string> | [string, string][]) {
  return signedInRequest(userId, `http://localhost${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

type Answer = { data: { form: { error?: Record<string, string[]> } }; init: { status: number } };
const answer = (value: unknown) => value as Answer;

async function topicBy(user: User) {
  const created = await createTopic(actorOf(user), {
    spaceId,
    kind: "question",
    title: `Topic ${Math.random()}`,
    body: "Body",
    tags: [],
  });
  if (!created.ok) throw new Error(created.error);
  return created.id;
}

describe("the community pages' actions on the form pipeline", () => {
  it("a new topic: a missing kind, too many tags or a NUL byte is a 400 next to the field, and nothing is posted", async () => {
    const title = `Nothing posted ${Date.now()}`;
    const result = answer(
      await newTopicAction({
        request: await post(member.id, "/community/new", {
          spaceId,
          kind: "poll",
          title,
          body: "a\u0000b",
          tags: "a,b,c,d,e,f",
        }),
        params: {},
        context,
      }),
    );
    expect(result.init.status).toBe(400);
    expect(result.data.form.error).toEqual({ body: ["field.nul"] });
    const again = answer(
      await newTopicAction({
        request: await post(member.id, "/community/new", {
          spaceId,
          kind: "poll",
          title,
          body: "b",
          tags: "a,b,c,d,e,f",
        }),
        params: {},
        context,
      }),
    );
    expect(again.init.status).toBe(400);
    expect(again.data.form.error).toEqual({
      kind: ["community:fields.kind.invalid"],
      tags: ["community:fields.tags.tooMany"],
    });
    expect(await db.select().from(communityTopics).where(eq(communityTopics.title, title))).toEqual([]);
  });

  it("a reply: empty is a 400 next to the body, an unknown intent a 400 above the form", async () => {
    const topicId = await topicBy(admin);
    const empty = answer(
      await topicAction({
        request: await post(member.id, `/community/topics/${topicId}`, { intent: "reply", body: "  " }),
        params: { topicId },
        context,
      }),
    );
    expect(empty.init.status).toBe(400);
    expect(empty.data.form.error).toEqual({ body: ["community:fields.body.required"] });
    const unknown = answer(
      await topicAction({
        request: await post(member.id, `/community/topics/${topicId}`, { intent: "delete" }),
        params: { topicId },
        context,
      }),
    );
    expect(unknown.init.status).toBe(400);
    expect(unknown.data.form.error).toEqual({ "": ["form.unknownIntent"] });
    const follow = await topicAction({
      request: await post(member.id, `/community/topics/${topicId}`, { intent: "follow" }),
      params: { topicId },
      context,
    });
    expect(follow).toEqual({ ok: true });
  });

  it("editing a topic: a missing version is a 400, a stale one a 409 above the form; the topic keeps its text", async () => {
    const topicId = await topicBy(member);
    const fields = { title: "Changed", body: "Changed body", tags: "" };
    const missing = answer(
      await editAction({
        request: await post(member.id, `/community/topics/${topicId}/edit`, fields),
        params: { topicId },
        context,
      }),
    );
    expect(missing.init.status).toBe(400);
    expect(missing.data.form.error).toEqual({ version: ["form.malformed"] });
    const stale = answer(
      await editAction({
        request: await post(member.id, `/community/topics/${topicId}/edit`, { ...fields, version: "7" }),
        params: { topicId },
        context,
      }),
    );
    expect(stale.init.status).toBe(409);
    expect(stale.data.form.error).toEqual({ "": ["community:errors.stale"] });
    const [topic] = await db.select().from(communityTopics).where(eq(communityTopics.id, topicId));
    expect(topic).toMatchObject({ title: expect.stringMatching(/^Topic /), version: 1 });
  });

  it("the profile: a bad handle or an oversize job title is a 400 next to it; a taken handle a 409 next to it", async () => {
    const other = await createCustomer(member.accountId!, "member");
    await ensureProfile(actorOf(other));
    await updateCommunityProfile(actorOf(other), {
      displayName: "Other",
      handle: `taken-${other.id}`,
      title: "",
      showCompany: false,
      emailOnReply: true,
      emailOnAccepted: true,
      emailOnMention: true,
    });
    const base = { displayName: "Me", handle: "me-handle", title: "" };
    const bad = answer(
      await profileAction({
        request: await post(member.id, "/community/profile", { ...base, handle: "-ab", title: "x".repeat(81) }),
        params: {},
        context,
      }),
    );
    expect(bad.init.status).toBe(400);
    expect(bad.data.form.error).toEqual({
      handle: ["community:fields.handle.invalid"],
      title: ["community:fields.jobTitle.tooLong"],
    });
    const taken = answer(
      await profileAction({
        request: await post(member.id, "/community/profile", { ...base, handle: `taken-${other.id}` }),
        params: {},
        context,
      }),
    );
    expect(taken.init.status).toBe(409);
    expect(taken.data.form.error).toEqual({ handle: ["community:errors.handle_taken"] });
    const mine = await db.select().from(communityProfiles).where(eq(communityProfiles.userId, member.id));
    expect(mine.every((profile) => profile.handle !== `taken-${other.id}`)).toBe(true);
  });

  it("spaces: a bad slug or position is a 400, a taken slug a 409 next to it, and no space is made", async () => {
    const taken = await createCommunitySpace();
    const fields = { name: "New space", slug: "new-space-x", description: "", position: "10" };
    const bad = answer(
      await spacesAction({
        request: await post(admin.id, "/community/spaces", { ...fields, slug: "Not a slug!", position: "1000" }),
        params: {},
        context,
      }),
    );
    expect(bad.init.status).toBe(400);
    expect(bad.data.form.error).toEqual({
      slug: ["community:fields.slug.invalid"],
      position: ["community:fields.position.invalid"],
    });
    const clash = answer(
      await spacesAction({
        request: await post(admin.id, "/community/spaces", { ...fields, slug: taken.slug }),
        params: {},
        context,
      }),
    );
    expect(clash.init.status).toBe(409);
    expect(clash.data.form.error).toEqual({ slug: ["community:errors.slug_taken"] });
    expect(await db.select().from(communitySpaces).where(eq(communitySpaces.name, "New space"))).toEqual([]);
  });

  it("notifications: a mangled id is a 400 and marks nothing read (it used to mark them all)", async () => {
    await db.insert(notifications).values({
      id: newId(),
      userId: member.id,
      type: "reply",
      topicId: await topicBy(admin),
    });
    const result = answer(
      await notificationsAction({
        request: await post(member.id, "/notifications", { id: "'; drop table notifications; --" }),
        params: {},
        context,
      }),
    );
    expect(result.init.status).toBe(400);
    const mine = await db.select().from(notifications).where(eq(notifications.userId, member.id));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((row) => row.readAt === null)).toBe(true);
  });
});
