import { describe, expect, it } from "vitest";
import type { Actor } from "~/domain/auth/actor";
import {
  type PostAction,
  type PostContext,
  canManageSpaces,
  canOnPost,
  topicKindsFor,
} from "~/domain/community/permissions";

const base = { email: "x@example.test", name: "X", locale: "en", timeZone: "UTC" };
const actors: Record<string, Actor> = {
  member: { ...base, id: "member", kind: "customer", accountId: "acc-a", accountRole: "member" },
  champion: { ...base, id: "champion", kind: "customer", accountId: "acc-a", accountRole: "champion" },
  admin: { ...base, id: "admin", kind: "staff", staffRole: "admin" },
  csm: { ...base, id: "csm", kind: "staff", staffRole: "csm" },
  marketing: { ...base, id: "marketing", kind: "staff", staffRole: "marketing" },
};

/** A visible reply on an open question in a normal space, by `author`, asked by `asker`. */
function reply(author: string, asker: string, overrides: Partial<PostContext> = {}): PostContext {
  return {
    authorId: author,
    topicAuthorId: asker,
    postType: "reply",
    topicKind: "question",
    status: "visible",
    topicLocked: false,
    customersMayPost: true,
    ...overrides,
  };
}

type Row = [role: string, whose: "own" | "other's", action: PostAction, allowed: boolean];

// Own post: the role is the reply's author and the asker. Other's post: someone else wrote and asked it.
const matrix: Row[] = [];
const expectations: Record<PostAction, Record<"customer" | "staff", { own: boolean; other: boolean }>> = {
  "post.edit": { customer: { own: true, other: false }, staff: { own: true, other: true } },
  "post.vote": { customer: { own: false, other: true }, staff: { own: false, other: true } },
  "post.report": { customer: { own: false, other: true }, staff: { own: false, other: true } },
  // Accepting: on one's own question, not one's own reply; staff always.
  "answer.accept": { customer: { own: false, other: false }, staff: { own: true, other: true } },
  "answer.official": { customer: { own: false, other: false }, staff: { own: true, other: true } },
  "topic.reply": { customer: { own: true, other: true }, staff: { own: true, other: true } },
  "post.moderate": { customer: { own: false, other: false }, staff: { own: true, other: true } },
};
for (const role of Object.keys(actors)) {
  const side = actors[role]!.kind === "staff" ? "staff" : "customer";
  for (const [action, bySide] of Object.entries(expectations) as [PostAction, (typeof expectations)[PostAction]][]) {
    matrix.push([role, "own", action, bySide[side].own], [role, "other's", action, bySide[side].other]);
  }
}

describe("canOnPost: the permission matrix", () => {
  it.each(matrix)("%s × %s post × %s → %s", (role, whose, action, allowed) => {
    const actor = actors[role]!;
    const post = whose === "own" ? reply(actor.id, actor.id) : reply("someone", "asker");
    expect(canOnPost(actor, action, post)).toBe(allowed);
  });

  it("lets the asker accept another person's reply to their question, but not on someone else's question", () => {
    expect(canOnPost(actors.member!, "answer.accept", reply("someone", "member"))).toBe(true);
    expect(canOnPost(actors.member!, "answer.accept", reply("someone", "asker"))).toBe(false);
    expect(canOnPost(actors.member!, "answer.accept", reply("someone", "member", { topicKind: "discussion" }))).toBe(
      false,
    );
  });

  it("refuses replies and customer edits in a locked topic or a read-only space, but not to staff", () => {
    for (const overrides of [{ topicLocked: true }, { customersMayPost: false }]) {
      expect(canOnPost(actors.member!, "topic.reply", reply("a", "b", overrides))).toBe(false);
      expect(canOnPost(actors.member!, "post.edit", reply("member", "b", overrides))).toBe(false);
      expect(canOnPost(actors.csm!, "topic.reply", reply("a", "b", overrides))).toBe(true);
      expect(canOnPost(actors.csm!, "post.edit", reply("a", "b", overrides))).toBe(true);
    }
  });

  it("refuses votes, reports and acceptance on hidden or pending posts", () => {
    for (const status of ["hidden", "pending"] as const) {
      expect(canOnPost(actors.member!, "post.vote", reply("a", "member", { status }))).toBe(false);
      expect(canOnPost(actors.member!, "post.report", reply("a", "member", { status }))).toBe(false);
      expect(canOnPost(actors.member!, "answer.accept", reply("a", "member", { status }))).toBe(false);
    }
    expect(canOnPost(actors.member!, "post.edit", reply("member", "b", { status: "hidden" }))).toBe(false);
  });
});

describe("topicKindsFor and canManageSpaces", () => {
  it("lets customers ask and discuss in open spaces only; staff also write articles", () => {
    const open = { customersMayPost: true, articles: false };
    expect(topicKindsFor(actors.member!, open)).toEqual(["question", "discussion"]);
    expect(topicKindsFor(actors.champion!, { customersMayPost: false, articles: false })).toEqual([]);
    expect(topicKindsFor(actors.champion!, { customersMayPost: false, articles: true })).toEqual([]);
    expect(topicKindsFor(actors.marketing!, { customersMayPost: false, articles: true })).toEqual([
      "article",
      "discussion",
    ]);
    expect(topicKindsFor(actors.csm!, open)).toContain("article");
  });

  it("lets only admins manage spaces", () => {
    expect(
      Object.entries(actors)
        .filter(([, actor]) => canManageSpaces(actor))
        .map(([role]) => role),
    ).toEqual(["admin"]);
  });
});
