import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import type { User } from "~db/schema";
import { createAccount, createCustomer } from "~db/seed/factories";
import { magicLinkMail, playbookReminderMail } from "~/domain/mail/messages.server";
import { queueMail } from "~/domain/mail/outbox.server";
import { getNotificationPreferences } from "~/domain/mail/preferences.server";
import { listUnsubscribeHeaders } from "~/domain/mail/unsubscribe-headers";
import {
  signUnsubscribeToken,
  unsubscribeSigningKey,
  verifyUnsubscribeToken,
} from "~/domain/mail/unsubscribe-token.server";
import { DAY_MS } from "~/lib/time";
import { action, loader } from "~/routes/unsubscribe";
import { lastMailTo, linkIn } from "../support/outbox";

const context = { clientIp: "127.0.0.1" };
let accountId: string;
beforeAll(async () => {
  accountId = (await createAccount()).id;
});

const person = () => createCustomer(accountId, "member");
const reminder = (someone: User) =>
  playbookReminderMail(someone.email, "en", {
    name: someone.name,
    reason: "Send the export",
    account: "Acme",
    link: "http://tandem.test/x",
    recipientId: someone.id,
  });

async function tokenFor(userId: string, kind: "reminders" | "digest" = "reminders", now = new Date()) {
  return signUnsubscribeToken(await unsubscribeSigningKey(), { userId, kind }, now);
}

const page = (token: string) => `http://localhost/unsubscribe?token=${encodeURIComponent(token)}`;
const post = (url: string, body: Record<string, string>) =>
  new Request(url, {
    method: "POST",
    body: new URLSearchParams(body),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });

type Answered = { init: { status: number } | null; data: { state: string; kind?: string } };
const answered = (value: unknown) => value as Answered;

describe("unsubscribe tokens", () => {
  it("the signing key is created once and read back the same (other processes and restarts agree)", async () => {
    const first = await unsubscribeSigningKey();
    const second = await unsubscribeSigningKey();
    expect(first.length).toBe(32);
    expect(second.equals(first)).toBe(true);
    const rows = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from mail_secrets where name = 'unsubscribe'`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it("verifies what it signed: the person and the kind", async () => {
    const key = await unsubscribeSigningKey();
    const token = signUnsubscribeToken(key, { userId: "user-1", kind: "digest" });
    expect(verifyUnsubscribeToken(key, token)).toEqual({ ok: true, userId: "user-1", kind: "digest" });
  });

  it("refuses a token signed with another key, tampered with, or malformed", async () => {
    const key = await unsubscribeSigningKey();
    const token = signUnsubscribeToken(key, { userId: "user-1", kind: "reminders" });
    const [payload, signature] = token.split(".") as [string, string];
    const other = Buffer.alloc(32, 7);
    expect(verifyUnsubscribeToken(key, signUnsubscribeToken(other, { userId: "user-1", kind: "reminders" }))).toEqual({
      ok: false,
      reason: "invalid",
    });
    // Another person's id in the payload with the first signature.
    const swapped = Buffer.from(
      JSON.stringify(["user-2", "reminders", JSON.parse(Buffer.from(payload, "base64url").toString())[2]]),
    ).toString("base64url");
    for (const bad of [
      `${swapped}.${signature}`,
      `${payload}.${signature.slice(0, -2)}`,
      `${payload}.`,
      payload,
      `${token}.x`,
      "",
      "not a token",
    ]) {
      expect(verifyUnsubscribeToken(key, bad)).toEqual({ ok: false, reason: "invalid" });
    }
    // A signed payload naming a kind that can't be turned off is refused too.
    const security = Buffer.from(JSON.stringify(["user-1", "security", 4_000_000_000])).toString("base64url");
    const { createHmac } = await import("node:crypto");
    const signed = createHmac("sha256", key).update(`unsubscribe:${security}`).digest("base64url");
    expect(verifyUnsubscribeToken(key, `${security}.${signed}`)).toEqual({ ok: false, reason: "invalid" });
  });

  it("expires after 60 days", async () => {
    const key = await unsubscribeSigningKey();
    const issued = new Date("2026-01-01T00:00:00Z");
    const token = signUnsubscribeToken(key, { userId: "user-1", kind: "reminders" }, issued);
    expect(verifyUnsubscribeToken(key, token, new Date(issued.getTime() + 59 * DAY_MS)).ok).toBe(true);
    expect(verifyUnsubscribeToken(key, token, new Date(issued.getTime() + 60 * DAY_MS))).toEqual({
      ok: false,
      reason: "expired",
    });
  });
});

describe("List-Unsubscribe", () => {
  it("one-click links get List-Unsubscribe-Post (RFC 8058); other addresses only List-Unsubscribe", () => {
    expect(listUnsubscribeHeaders("https://tandem.test/unsubscribe?token=abc")).toEqual({
      "List-Unsubscribe": "<https://tandem.test/unsubscribe?token=abc>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(listUnsubscribeHeaders("https://tandem.test/community/profile")).toEqual({
      "List-Unsubscribe": "<https://tandem.test/community/profile>",
    });
    expect(listUnsubscribeHeaders(null)).toBeUndefined();
  });

  it("optional mail to a person carries their signed link for its kind, in the text and as the header's target", async () => {
    const someone = await person();
    await db.transaction((tx) => queueMail(tx, reminder(someone)));
    const message = await lastMailTo(someone.email);
    const link = linkIn(message.text, "/unsubscribe");
    expect(message.unsubscribeUrl).toBe(link.toString());
    expect(message.html).toContain(`href="${link.toString().replace(/&/g, "&amp;")}"`);
    const check = verifyUnsubscribeToken(await unsubscribeSigningKey(), link.searchParams.get("token")!);
    expect(check).toEqual({ ok: true, userId: someone.id, kind: "reminders" });
    expect(listUnsubscribeHeaders(message.unsubscribeUrl)?.["List-Unsubscribe-Post"]).toBe(
      "List-Unsubscribe=One-Click",
    );
  });

  it("security mail has no unsubscribe link", async () => {
    const someone = await person();
    await db.transaction((tx) =>
      queueMail(tx, { ...magicLinkMail(someone.email, "http://tandem.test/l", "en", 15), recipientId: someone.id }),
    );
    const message = await lastMailTo(someone.email);
    expect(message.unsubscribeUrl).toBeNull();
    expect(message.text).not.toContain("/unsubscribe");
  });
});

describe("/unsubscribe", () => {
  it("GET shows the confirm page and changes nothing (mail scanners follow links)", async () => {
    const someone = await person();
    const token = await tokenFor(someone.id);
    const answer = answered(await loader({ request: new Request(page(token)), params: {}, context }));
    expect(answer.data).toEqual({ state: "confirm", kind: "reminders", token });
    expect(JSON.stringify(answer.data)).not.toContain(someone.id);
    expect((await getNotificationPreferences(someone.id)).email.reminders).toBe(true);
  });

  it("the page's button turns that kind off, and only that kind", async () => {
    const someone = await person();
    const token = await tokenFor(someone.id);
    const answer = answered(
      await action({ request: post("http://localhost/unsubscribe", { token }), params: {}, context }),
    );
    expect(answer.data).toEqual({ state: "done", kind: "reminders" });
    const prefs = await getNotificationPreferences(someone.id);
    expect(prefs.email).toMatchObject({ reminders: false, champion: true, community: true, digest: true });
    // Reminders stay under the bell: only email left their channel.
    expect(prefs.channels.task_due).toBe("app");
  });

  it("a one-click POST (RFC 8058) to the link from the mail turns it off without a session", async () => {
    const someone = await person();
    await db.transaction((tx) => queueMail(tx, reminder(someone)));
    const link = linkIn((await lastMailTo(someone.email)).text, "/unsubscribe");
    const answer = answered(
      await action({ request: post(link.toString(), { "List-Unsubscribe": "One-Click" }), params: {}, context }),
    );
    expect(answer.data.state).toBe("done");
    expect((await getNotificationPreferences(someone.id)).email.reminders).toBe(false);
    // The next reminder isn't queued.
    expect(await db.transaction((tx) => queueMail(tx, reminder(someone)))).toBeNull();
  });

  it("forged, tampered and expired links answer 400 with a message, and change nothing", async () => {
    const someone = await person();
    const good = await tokenFor(someone.id, "digest");
    const expired = await tokenFor(someone.id, "digest", new Date(Date.now() - 61 * DAY_MS));
    const forged = signUnsubscribeToken(Buffer.alloc(32, 1), { userId: someone.id, kind: "digest" });
    const tampered = `${good.slice(0, -3)}abc`;
    for (const [token, state] of [
      [forged, "invalid"],
      [tampered, "invalid"],
      [expired, "expired"],
      ["", "invalid"],
    ] as const) {
      const shown = answered(await loader({ request: new Request(page(token)), params: {}, context }));
      expect(shown.init?.status).toBe(400);
      expect(shown.data.state).toBe(state);
      const posted = answered(
        await action({ request: post(page(token), { "List-Unsubscribe": "One-Click" }), params: {}, context }),
      );
      expect(posted.init?.status).toBe(400);
      expect(posted.data.state).toBe(state);
    }
    expect((await getNotificationPreferences(someone.id)).email.digest).toBe(true);
  });
});
