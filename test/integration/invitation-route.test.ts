import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type User, users } from "~db/schema";
import { actorOf, createAccount, createCustomer, createStaff, signedInRequest } from "~db/seed/factories";
import { invite } from "~/domain/people/invitations.server";
import { action, loader } from "~/routes/invitations.$token";
import { lastMailTo, linkIn } from "../support/outbox";

/** The routes answer with Remix's `data()`: the body and, for refusals, a 4xx status. */
type Answer = { data?: unknown; init?: { status?: number } | null };
const statusOf = (answer: unknown) =>
  answer instanceof Response ? answer.status : ((answer as Answer).init?.status ?? 200);

const origin = "http://tandem.test";
const context = { clientIp: "127.0.0.1" };
let account: Account;
let admin: User;

beforeAll(async () => {
  admin = await createStaff("admin");
  account = await createAccount({ licensedSeats: 5 });
  await createCustomer(account.id, "champion");
});

async function newInvitation() {
  const email = `invitee-${Date.now()}-${Math.random().toString(36).slice(2)}@test.example`;
  const result = await invite({
    actor: actorOf(admin),
    email,
    target: { kind: "account", accountId: account.id, accountRole: "member" },
    origin,
  });
  expect(result.ok).toBe(true);
  const link = linkIn((await lastMailTo(email)).text, "/invitations/");
  const token = decodeURIComponent(link.pathname.slice("/invitations/".length));
  return { email, token, url: `${origin}/invitations/${encodeURIComponent(token)}` };
}

const form = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields) });
const personWith = (email: string) =>
  db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);

describe("an invitation opened while signed in", () => {
  it("asks the signed-in person first instead of swapping their session", async () => {
    const { email, token, url } = await newInvitation();
    const page = (await loader({ request: await signedInRequest(admin.id, url), params: { token }, context })) as {
      signedInAs: { name: string; email: string } | null;
    };
    expect(page.signedInAs).toEqual({ name: admin.name, email: admin.email });

    // Accepting anyway (a stale page, a forged post) is refused and creates nobody.
    const fields = { intent: "accept", name: "Ada Invitee", password: "a-long-enough-password" };
    const refused = await action({
      request: await signedInRequest(admin.id, url, form(fields)),
      params: { token },
      context,
    });
    expect(statusOf(refused)).toBe(409);
    expect(await personWith(email)).toEqual([]);

    // Signing out comes back to the invitation with the session cookie cleared.
    const signedOut = await action({
      request: await signedInRequest(admin.id, url, form({ intent: "sign_out" })),
      params: { token },
      context,
    });
    expect(signedOut).toBeInstanceOf(Response);
    const response = signedOut as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(new URL(url).pathname);
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/i);
  });

  it("lets a signed-out visitor accept, and answers a post without an intent with 400", async () => {
    const { email, token, url } = await newInvitation();
    const page = (await loader({ request: new Request(url), params: { token }, context })) as { signedInAs: unknown };
    expect(page.signedInAs).toBeNull();
    const bad = await action({ request: new Request(url, form({ name: "Ada" })), params: { token }, context });
    expect(statusOf(bad)).toBe(400);
    const fields = { intent: "accept", name: "Ada Invitee", password: "a-long-enough-password" };
    const accepted = (await action({
      request: new Request(url, form(fields)),
      params: { token },
      context,
    })) as Response;
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Set-Cookie")).toContain("tandem_session=");
    expect(await personWith(email)).toHaveLength(1);
  });
});
