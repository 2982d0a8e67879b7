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
import { saveSpace } from "~/domain/community/spaces.server";
import { action as newTopicAction } from "~/routes/community.new";
import { action as votesAction } from "~/routes/community.votes";
import { action as replyAction } from "~/routes/community.replies.$replyId";
import { action as reportsAction } from "~/routes/community.reports";
import { action as moderationAction, loader as moderationLoader } from "~/routes/community.moderation";
import { loader as spacesLoader } from "~/routes/community.spaces";
import { thrownResponse } from "../support/responses";

let member: User;
let admin: User;
let csm: User;
let spaceId: string;
const context = { clientIp: "127.0.0.1" };

beforeAll(async () => {
  const account = await createAccount();
  member = await createCustomer(account.id, "member");
  [admin, csm] = await Promise.all([createStaff("admin"), createStaff("csm")]);
  spaceId = (await createCommunitySpace()).id;
});

function post(userId: string, url: string, fields: Record<string, string>) {
  return signedInRequest(userId, url, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

type DataAnswer = {
  data: { fieldErrors: Record<string, string>; formError?: string | null; error?: string | null };
  init: { status: number };
};
const answer = (value: unknown) => value as DataAnswer;
const formAnswer = (value: DataAnswer) => value.data as unknown as { form: { error: Record<string, string[]> } };

describe("community route actions", () => {
  it("answer 400 with field errors for empty and oversize posts, never a 500", async () => {
    const empty = answer(
      await newTopicAction({
        request: await post(member.id, "http://localhost/community/new", {
          spaceId,
          kind: "question",
          title: " ",
          body: "",
        }),
        params: {},
        context,
      }),
    );
    expect(empty.init.status).toBe(400);
    expect(formAnswer(empty).form.error).toEqual({
      title: ["community:fields.title.required"],
      body: ["community:fields.body.required"],
    });
    const huge = answer(
      await newTopicAction({
        request: await post(member.id, "http://localhost/community/new", {
          spaceId,
          kind: "question",
          title: "x".repeat(201),
          body: "y".repeat(20_001),
        }),
        params: {},
        context,
      }),
    );
    expect(huge.init.status).toBe(400);
    expect(formAnswer(huge).form.error).toEqual({
      title: ["community:fields.title.tooLong"],
      body: ["community:fields.body.tooLong"],
    });
  });

  it("answer 403 to an article by a customer and 404 to votes on unknown or malformed posts", async () => {
    const article = answer(
      await newTopicAction({
        request: await post(member.id, "http://localhost/community/new", {
          spaceId,
          kind: "article",
          title: "Mine",
          body: "x",
        }),
        params: {},
        context,
      }),
    );
    expect(article.init.status).toBe(403);
    expect(formAnswer(article).form.error).toEqual({ spaceId: ["community:errors.forbidden"] });
    for (const postId of ["aaaaaaaaaaaaaaaa", "'; drop table users; --"]) {
      const vote = await votesAction({
        request: await post(member.id, "http://localhost/community/votes", { postType: "topic", postId, up: "1" }),
        params: {},
        context,
      });
      expect(vote.status).toBe(404);
    }
  });

  // Remix keeps data()'s status only on a page's data requests: a resource route answering a plain
  // POST with data() sends 200. These routes answer a Response, whose status holds on every path.
  it("answer a refused plain POST to the resource routes with a Response of status 403/404/400", async () => {
    const topic = await createTopic(actorOf(csm), {
      spaceId,
      kind: "question",
      title: "Official?",
      body: "x",
      tags: [],
    });
    if (!topic.ok) throw new Error(topic.error);
    const reply = await createReply(actorOf(csm), topic.id, "An answer");
    if (!reply.ok) throw new Error(reply.error);
    const replyUrl = `http://localhost/community/replies/${reply.id}`;
    const official = await replyAction({
      request: await post(member.id, replyUrl, { intent: "official" }),
      params: { replyId: reply.id },
      context,
    });
    expect(official).toBeInstanceOf(Response);
    expect(official.status).toBe(403);
    expect(await official.json()).toMatchObject({ form: { error: { "": ["community:errors.forbidden"] } } });

    const unknownIntent = await replyAction({
      request: await post(member.id, replyUrl, { intent: "delete" }),
      params: { replyId: reply.id },
      context,
    });
    expect(unknownIntent.status).toBe(400);

    const missing = await replyAction({
      request: await post(member.id, "http://localhost/community/replies/aaaaaaaaaaaaaaaa", { intent: "accept" }),
      params: { replyId: "aaaaaaaaaaaaaaaa" },
      context,
    });
    expect(missing).toBeInstanceOf(Response);
    expect(missing.status).toBe(404);

    const fields = { postType: "reply", postId: "aaaaaaaaaaaaaaaa", reason: "Spam" };
    const report = await reportsAction({
      request: await post(member.id, "http://localhost/community/reports", fields),
      params: {},
      context,
    });
    expect(report).toBeInstanceOf(Response);
    expect(report.status).toBe(404);
    const noReason = await reportsAction({
      request: await post(member.id, "http://localhost/community/reports", {
        ...fields,
        postId: reply.id,
        reason: " ",
      }),
      params: {},
      context,
    });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({
      form: { error: { reason: ["community:fields.reason.required"] } },
    });
  });

  it("keep the moderation queue and its actions from customers (404), and record a hide for staff", async () => {
    expect(
      (
        await thrownResponse(
          moderationLoader({
            request: await signedInRequest(member.id, "http://localhost/community/moderation"),
            params: {},
            context,
          }),
        )
      ).status,
    ).toBe(404);
    const topic = await createTopic(actorOf(member), {
      spaceId,
      kind: "question",
      title: "Hide me",
      body: "x",
      tags: [],
    });
    if (!topic.ok) throw new Error(topic.error);
    const fields = { intent: "hide", postType: "topic", postId: topic.id, reason: "Spam" };
    expect(
      (
        await thrownResponse(
          moderationAction({
            request: await post(member.id, "http://localhost/community/moderation", fields),
            params: {},
            context,
          }),
        )
      ).status,
    ).toBe(404);
    const noReason = answer(
      await moderationAction({
        request: await post(csm.id, "http://localhost/community/moderation", { ...fields, reason: "" }),
        params: {},
        context,
      }),
    );
    expect(noReason.init.status).toBe(400);
    expect(formAnswer(noReason).form.error).toEqual({ reason: ["community:fields.reason.required"] });
    const hidden = answer(
      await moderationAction({
        request: await post(csm.id, "http://localhost/community/moderation", fields),
        params: {},
        context,
      }),
    );
    expect(hidden.data).toEqual({ ok: true });
  });
});

describe("spaces", () => {
  it("are managed by admins only, with unique addresses", async () => {
    const input = {
      name: "Integrations",
      slug: `integrations-${Date.now()}`,
      description: "",
      position: 60,
      customersMayPost: true,
      articles: false,
      firstPostReview: false,
    };
    expect(await saveSpace(actorOf(csm), input)).toEqual({ ok: false, error: "forbidden" });
    const created = await saveSpace(actorOf(admin), input);
    expect(created).toMatchObject({ ok: true });
    expect(await saveSpace(actorOf(admin), { ...input, name: "Other" })).toEqual({ ok: false, error: "slug_taken" });
    if (created.ok)
      expect(await saveSpace(actorOf(admin), { ...input, position: 5 }, created.id)).toEqual({
        ok: true,
        id: created.id,
      });
    expect(
      (
        await thrownResponse(
          spacesLoader({
            request: await signedInRequest(csm.id, "http://localhost/community/spaces"),
            params: {},
            context,
          }),
        )
      ).status,
    ).toBe(404);
  });
});
