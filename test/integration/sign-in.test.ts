import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, authTokens, sessions, signInAttempts, users } from "~db/schema";
import { createAccount, createCustomer, createStaff, sessionCookie } from "~db/seed/factories";
import { consumeEmailLink, peekEmailLink, requestEmailLink } from "~/domain/auth/email-links.server";
import { requireActor } from "~/domain/auth/guards.server";
import { startSession } from "~/domain/auth/sessions.server";
import { changePassword, resetPasswordWithLink, signInWithPassword } from "~/domain/auth/sign-in.server";
import { lastMailTo, linkIn, mailsTo } from "../support/outbox";
import { thrownResponse } from "../support/responses";

const PASSWORD = "right password 123";
const origin = "http://tandem.test";

let ipCount = 0;
/** Every test signs in from its own address so per-IP counts never leak between tests. */
const newIp = () => `10.0.${Math.floor(++ipCount / 250)}.${ipCount % 250}`;

let account: Account;
beforeAll(async () => {
  account = await createAccount();
});

/** A person with a password; emails are lowercase, as the sign-in form's EmailSchema delivers them. */
const person = () => createCustomer(account.id, "member", { password: PASSWORD });

async function failures(email: string, ip: string, times: number) {
  for (let i = 0; i < times; i++) {
    await expect(signInWithPassword(email, "wrong password", ip)).resolves.toEqual({ ok: false, reason: "invalid" });
  }
}

describe("signInWithPassword", () => {
  it("signs in with the right password and records the success", async () => {
    const user = await person();
    const ip = newIp();
    await expect(signInWithPassword(user.email, PASSWORD, ip)).resolves.toEqual({ ok: true, userId: user.id });
    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.ip, ip));
    expect(attempts).toMatchObject([{ email: user.email, kind: "password", succeeded: true }]);
  });

  it("finds the person whatever the case of their stored address", async () => {
    const user = await createCustomer(account.id, "member", {
      password: PASSWORD,
      email: `Mixed.Case-${Date.now()}@Test.Example`,
    });
    await expect(signInWithPassword(user.email.toLowerCase(), PASSWORD, newIp())).resolves.toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("answers invalid for a wrong password", async () => {
    const user = await person();
    await expect(signInWithPassword(user.email, "wrong password", newIp())).resolves.toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("answers invalid for an unknown email, and still counts the attempt", async () => {
    const ip = newIp();
    await expect(signInWithPassword("nobody@test.example", PASSWORD, ip)).resolves.toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await db.$count(signInAttempts, and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false)))).toBe(
      1,
    );
  });

  it("answers invalid for a deactivated person with the right password", async () => {
    const user = await createCustomer(account.id, "member", { password: PASSWORD, deactivatedAt: new Date() });
    await expect(signInWithPassword(user.email, PASSWORD, newIp())).resolves.toEqual({ ok: false, reason: "invalid" });
  });

  it("answers invalid for someone who never set a password", async () => {
    const user = await createStaff("csm");
    await expect(signInWithPassword(user.email, "", newIp())).resolves.toEqual({ ok: false, reason: "invalid" });
    await expect(signInWithPassword(user.email, PASSWORD, newIp())).resolves.toEqual({ ok: false, reason: "invalid" });
  });
});

describe("password rate limits", () => {
  it("after 5 failures for one email from one address, refuses even the right password from there", async () => {
    const user = await person();
    const ip = newIp();
    await failures(user.email, ip, 4);
    // Four failures: still allowed.
    await expect(signInWithPassword(user.email, PASSWORD, ip)).resolves.toEqual({ ok: true, userId: user.id });
    await failures(user.email, ip, 1);
    await expect(signInWithPassword(user.email, PASSWORD, ip)).resolves.toEqual({
      ok: false,
      reason: "rate_limited",
    });
  });

  it("doesn't let a stranger lock the person out: their own address still signs in", async () => {
    const user = await person();
    const stranger = newIp();
    await failures(user.email, stranger, 5);
    await expect(signInWithPassword(user.email, PASSWORD, stranger)).resolves.toEqual({
      ok: false,
      reason: "rate_limited",
    });
    await expect(signInWithPassword(user.email, PASSWORD, newIp())).resolves.toEqual({ ok: true, userId: user.id });
    // The emailed link stays open to the person as well.
    await expect(requestEmailLink({ purpose: "magic_link", email: user.email, ip: newIp(), origin })).resolves.toBe(
      "sent",
    );
  });

  it("limits an email after 100 failures spread over many addresses", async () => {
    const user = await person();
    await db.insert(signInAttempts).values(
      Array.from({ length: 100 }, (_, i) => ({
        email: user.email,
        ip: `10.200.${Math.floor(i / 4)}.${i % 4}`,
        kind: "password" as const,
        succeeded: false,
      })),
    );
    await expect(signInWithPassword(user.email, PASSWORD, newIp())).resolves.toEqual({
      ok: false,
      reason: "rate_limited",
    });
  });

  it("does not limit another email from the same address (below the IP limit)", async () => {
    const [target, bystander] = [await person(), await person()];
    const ip = newIp();
    await failures(target.email, ip, 5);
    await expect(signInWithPassword(target.email, PASSWORD, ip)).resolves.toEqual({
      ok: false,
      reason: "rate_limited",
    });
    await expect(signInWithPassword(bystander.email, PASSWORD, ip)).resolves.toEqual({
      ok: true,
      userId: bystander.id,
    });
  });

  it("limits an address after 50 failures, whatever the emails", async () => {
    const user = await person();
    const ip = newIp();
    await db.insert(signInAttempts).values(
      Array.from({ length: 50 }, (_, i) => ({
        email: `spray-${i}@test.example`,
        ip,
        kind: "password" as const,
        succeeded: false,
      })),
    );
    await expect(signInWithPassword(user.email, PASSWORD, ip)).resolves.toEqual({ ok: false, reason: "rate_limited" });
    await expect(signInWithPassword(user.email, PASSWORD, newIp())).resolves.toEqual({ ok: true, userId: user.id });
  });

  it("forgets failures older than the 15-minute window", async () => {
    const user = await person();
    await db.insert(signInAttempts).values(
      Array.from({ length: 5 }, () => ({
        email: user.email,
        ip: newIp(),
        kind: "password" as const,
        succeeded: false,
        createdAt: new Date(Date.now() - 16 * 60_000),
      })),
    );
    await expect(signInWithPassword(user.email, PASSWORD, newIp())).resolves.toEqual({ ok: true, userId: user.id });
  });

  it("does not count successful sign-ins or emailed-link requests", async () => {
    const user = await person();
    const ip = newIp();
    await db
      .insert(signInAttempts)
      .values([
        ...Array.from({ length: 5 }, () => ({ email: user.email, ip, kind: "password" as const, succeeded: true })),
        ...Array.from({ length: 5 }, () => ({ email: user.email, ip, kind: "email_link" as const, succeeded: false })),
      ]);
    await expect(signInWithPassword(user.email, PASSWORD, ip)).resolves.toEqual({ ok: true, userId: user.id });
  });
});

/** The token of the newest link to `path` mailed to an address. */
async function mailedToken(email: string, path: string) {
  const link = linkIn((await lastMailTo(email)).text, path);
  expect(link.origin).toBe(origin);
  return link.searchParams.get("token")!;
}

describe("emailed sign-in links", () => {
  it("sends a single-use link that can be peeked at before use", async () => {
    const user = await person();
    await expect(requestEmailLink({ purpose: "magic_link", email: user.email, ip: newIp(), origin })).resolves.toBe(
      "sent",
    );
    const message = await lastMailTo(user.email);
    expect(message.subject).toBe("Your sign-in link for Tandem");
    const token = await mailedToken(user.email, "/login/link");

    await expect(peekEmailLink("magic_link", token)).resolves.toEqual({ email: user.email });
    await expect(peekEmailLink("magic_link", token)).resolves.toEqual({ email: user.email });
    // A sign-in link is not a password-reset link.
    await expect(peekEmailLink("password_reset", token)).resolves.toBeNull();
    await expect(consumeEmailLink("password_reset", token)).resolves.toBeNull();

    await expect(consumeEmailLink("magic_link", token)).resolves.toBe(user.id);
    await expect(consumeEmailLink("magic_link", token)).resolves.toBeNull();
    await expect(peekEmailLink("magic_link", token)).resolves.toBeNull();
  });

  it("stores only a hash of the token", async () => {
    const user = await person();
    await requestEmailLink({ purpose: "magic_link", email: user.email, ip: newIp(), origin });
    const token = await mailedToken(user.email, "/login/link");
    const rows = await db
      .select({ tokenHash: authTokens.tokenHash })
      .from(authTokens)
      .where(eq(authTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
  });

  it("refuses an expired link", async () => {
    const user = await person();
    await requestEmailLink({ purpose: "magic_link", email: user.email, ip: newIp(), origin });
    const token = await mailedToken(user.email, "/login/link");
    await db.execute(sql`update auth_tokens set expires_at = now() - interval '1 second' where user_id = ${user.id}`);
    await expect(peekEmailLink("magic_link", token)).resolves.toBeNull();
    await expect(consumeEmailLink("magic_link", token)).resolves.toBeNull();
  });

  it("expires sign-in links after 15 minutes and reset links after an hour", async () => {
    const user = await person();
    await requestEmailLink({ purpose: "magic_link", email: user.email, ip: newIp(), origin });
    await requestEmailLink({ purpose: "password_reset", email: user.email, ip: newIp(), origin });
    const rows = await db.select().from(authTokens).where(eq(authTokens.userId, user.id));
    const minutes = Object.fromEntries(
      rows.map((r) => [r.purpose, Math.round((r.expiresAt.getTime() - r.createdAt.getTime()) / 60_000)]),
    );
    expect(minutes).toEqual({ magic_link: 15, password_reset: 60 });
    // The emails say the lifetime the tokens got, from the same constant.
    const texts = (await mailsTo(user.email)).map((mail) => mail.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`Use this link to sign in to Tandem. It works once and expires in 15 minutes`),
        expect.stringContaining(`Use this link to choose a new password. It works once and expires in 60 minutes`),
      ]),
    );
  });

  it("sends nothing to an unknown or deactivated address, answering the same way", async () => {
    const gone = await createCustomer(account.id, "member", { deactivatedAt: new Date() });
    for (const email of ["unknown@test.example", gone.email]) {
      await expect(requestEmailLink({ purpose: "magic_link", email, ip: newIp(), origin })).resolves.toBe("not_sent");
      expect(await mailsTo(email)).toHaveLength(0);
    }
  });

  it("stops a link from working once its person is deactivated", async () => {
    const user = await person();
    await requestEmailLink({ purpose: "magic_link", email: user.email, ip: newIp(), origin });
    const token = await mailedToken(user.email, "/login/link");
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id));
    await expect(peekEmailLink("magic_link", token)).resolves.toBeNull();
    await expect(consumeEmailLink("magic_link", token)).resolves.toBeNull();
  });

  it("sends at most 3 links per email from one address and 5 per email in the window", async () => {
    const user = await person();
    const ip = newIp();
    const ask = (from: string) => requestEmailLink({ purpose: "magic_link", email: user.email, ip: from, origin });
    for (let i = 0; i < 3; i++) await expect(ask(ip)).resolves.toBe("sent");
    await expect(ask(ip)).resolves.toBe("not_sent");
    for (let i = 0; i < 2; i++) await expect(ask(newIp())).resolves.toBe("sent");
    await expect(ask(newIp())).resolves.toBe("not_sent");
    expect(await mailsTo(user.email)).toHaveLength(5);
  });
});

describe("resetPasswordWithLink", () => {
  it("sets the new password, ends every session, and works once", async () => {
    const user = await person();
    const cookies = [await sessionCookie(user.id), await sessionCookie(user.id)];
    await expect(requestEmailLink({ purpose: "password_reset", email: user.email, ip: newIp(), origin })).resolves.toBe(
      "sent",
    );
    expect((await lastMailTo(user.email)).subject).toBe("Reset your Tandem password");
    const token = await mailedToken(user.email, "/reset-password");

    await expect(resetPasswordWithLink(token, "brand new password")).resolves.toBe(user.id);

    expect(await db.$count(sessions, eq(sessions.userId, user.id))).toBe(0);
    for (const cookie of cookies) {
      const response = await thrownResponse(
        requireActor(new Request("http://localhost/", { headers: { Cookie: cookie } })),
      );
      expect(response.status).toBe(302);
    }
    await expect(signInWithPassword(user.email, "brand new password", newIp())).resolves.toEqual({
      ok: true,
      userId: user.id,
    });
    await expect(signInWithPassword(user.email, PASSWORD, newIp())).resolves.toEqual({ ok: false, reason: "invalid" });

    await expect(resetPasswordWithLink(token, "another new password")).resolves.toBeNull();
    await expect(signInWithPassword(user.email, "brand new password", newIp())).resolves.toEqual({
      ok: true,
      userId: user.id,
    });
  });

  it("refuses a sign-in link used as a reset link, leaving the password alone", async () => {
    const user = await person();
    await requestEmailLink({ purpose: "magic_link", email: user.email, ip: newIp(), origin });
    const token = await mailedToken(user.email, "/login/link");
    await expect(resetPasswordWithLink(token, "hijacked password")).resolves.toBeNull();
    await expect(signInWithPassword(user.email, PASSWORD, newIp())).resolves.toEqual({ ok: true, userId: user.id });
    // The failed attempt did not use the link up.
    await expect(consumeEmailLink("magic_link", token)).resolves.toBe(user.id);
  });
});

describe("changePassword", () => {
  it("changes the password when the current one is right", async () => {
    const user = await person();
    await expect(changePassword(user.id, PASSWORD, "changed password 1")).resolves.toBe(true);
    await expect(signInWithPassword(user.email, "changed password 1", newIp())).resolves.toEqual({
      ok: true,
      userId: user.id,
    });
    await expect(signInWithPassword(user.email, PASSWORD, newIp())).resolves.toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses when the current password is wrong, keeping the old one", async () => {
    const user = await person();
    await expect(changePassword(user.id, "not my password", "changed password 2")).resolves.toBe(false);
    await expect(signInWithPassword(user.email, PASSWORD, newIp())).resolves.toEqual({ ok: true, userId: user.id });
  });

  it("lets someone who never had a password set one directly", async () => {
    const user = await createCustomer(account.id, "member");
    await expect(changePassword(user.id, "", "first password 1")).resolves.toBe(true);
    await expect(signInWithPassword(user.email, "first password 1", newIp())).resolves.toEqual({
      ok: true,
      userId: user.id,
    });
  });
});

describe("startSession", () => {
  it("opens a session and notes when the person last signed in", async () => {
    const user = await person();
    const before = new Date();
    const cookie = await startSession(user.id);
    expect(cookie).toMatch(/^tandem_session=/);
    const [row] = await db.select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, user.id));
    expect(row?.lastSignInAt?.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });
});
