import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type User, activity, communityProfiles, npsResponses, users } from "~db/schema";
import { createAccount, createCustomer, createStaff, sessionCookie, signedInRequest } from "~db/seed/factories";
import { requireActor } from "~/domain/auth/guards.server";
import { startViewAs } from "~/domain/auth/view-as.server";
import { viewAsScope } from "~/domain/auth/view-as";
import type { StaffActor } from "~/domain/auth/actor";
import { toActor } from "~/domain/auth/actor";
import { loader as rootLoader } from "~/root";
import { loader as indexLoader } from "~/routes/_index";
import { loader as homeLoader } from "~/routes/accounts.$accountId._index";
import { loader as frameLoader } from "~/routes/accounts.$accountId";
import { action as npsAction } from "~/routes/accounts.$accountId.nps";
import { loader as communityLoader } from "~/routes/community._index";
import { loader as profileLoader } from "~/routes/community.profile";
import { loader as myTasksLoader } from "~/routes/my-tasks";
import { loader as notificationsLoader } from "~/routes/notifications";
import { loader as settingsLoader } from "~/routes/settings";
import { loader as notificationSettingsLoader } from "~/routes/settings_.notifications";
import { action as viewAsAction } from "~/routes/view-as";
import { action as logoutAction } from "~/routes/logout";
import { thrownResponse } from "../support/responses";

let account: Account;
let otherAccount: Account;
let csm: User;
let otherCsm: User;
let marketing: User;
let champion: User;
let member: User;
let leaver: User;

beforeAll(async () => {
  csm = await createStaff("csm", { name: "Dana CSM" });
  otherCsm = await createStaff("csm");
  marketing = await createStaff("marketing");
  account = await createAccount({ csmId: csm.id });
  otherAccount = await createAccount();
  champion = await createCustomer(account.id, "champion", { name: "Kenji Champion" });
  member = await createCustomer(account.id, "member", { name: "Mia Member" });
  leaver = await createCustomer(account.id, "member", { deactivatedAt: new Date() });
  await createCustomer(otherAccount.id, "champion");
});

const staffActor = (user: User) => toActor(user) as StaffActor;
const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;

/** The `name=value` of a view-as cookie for `staff` viewing `account` as `person`. */
async function viewAsCookie(staff: User, person: User, onAccount = account, now?: Date) {
  const started = await startViewAs(staffActor(staff), onAccount.id, person.id, now);
  if (!started.ok) throw new Error(`could not start view-as: ${started.error}`);
  return cookiePair(started.setCookie);
}

/** A request from `signedIn`'s browser carrying a view-as cookie. */
async function request(signedIn: User, viewAs: string | null, path: string, init: RequestInit = {}) {
  const cookies = [await sessionCookie(signedIn.id), viewAs].filter(Boolean).join("; ");
  return new Request(`http://localhost${path}`, { ...init, headers: { ...init.headers, Cookie: cookies } });
}

const nothing = { context: {} as never };

describe("which pages honour view-as", () => {
  it.each([
    ["/", "customer"],
    ["/_root.data", "customer"],
    ["/accounts/ACCOUNTAAAAAAAAAA", "customer"],
    ["/accounts/ACCOUNTAAAAAAAAAA/plan.data", "customer"],
    ["/accounts/ACCOUNTAAAAAAAAAA/plan.ics", "customer"],
    ["/training/getting-started", "customer"],
    ["/community/topics/x", "customer"],
    ["/accounts/ACCOUNTBBBBBBBBBB", "staff"],
    ["/accounts", "staff"],
    ["/portfolio", "staff"],
    ["/training/adoption", "staff"],
    ["/community/moderation", "staff"],
    ["/settings", "personal"],
    ["/settings/notifications", "personal"],
    ["/notifications.data", "personal"],
    ["/my-tasks", "personal"],
    ["/community/profile", "personal"],
  ])("%s is %s", (path, scope) => {
    expect(viewAsScope(path, "ACCOUNTAAAAAAAAAA")).toBe(scope);
  });
});

describe("requireActor while viewing as a customer", () => {
  it("resolves the customer person on their account's pages, marked as viewed by the staff member", async () => {
    const cookie = await viewAsCookie(csm, champion);
    const actor = await requireActor(await request(csm, cookie, `/accounts/${account.id}/plan`));
    expect(actor).toMatchObject({
      kind: "customer",
      id: champion.id,
      accountId: account.id,
      accountRole: "champion",
      viewAs: { staffUserId: csm.id },
    });
    const asMember = await requireActor(await request(csm, await viewAsCookie(csm, member), "/training"));
    expect(asMember).toMatchObject({ id: member.id, accountRole: "member" });
  });

  it("lets marketing (who may see the account) view as a customer too", async () => {
    const cookie = await viewAsCookie(marketing, champion);
    expect(await requireActor(await request(marketing, cookie, `/accounts/${account.id}`))).toMatchObject({
      id: champion.id,
    });
  });

  it("is the staff member themself on staff pages and other accounts' pages", async () => {
    const cookie = await viewAsCookie(csm, champion);
    for (const path of ["/portfolio", `/accounts/${otherAccount.id}`, "/training/adoption"]) {
      expect(await requireActor(await request(csm, cookie, path))).toMatchObject({ kind: "staff", id: csm.id });
    }
  });

  it("ignores a cookie of another staff member, for a customer or for a deactivated person", async () => {
    const cookie = await viewAsCookie(csm, champion);
    expect(await requireActor(await request(otherCsm, cookie, `/accounts/${account.id}`))).toMatchObject({
      kind: "staff",
      id: otherCsm.id,
    });
    expect(await requireActor(await request(champion, cookie, `/accounts/${account.id}`))).toMatchObject({
      kind: "customer",
      id: champion.id,
    });
    expect(await requireActor(await request(member, cookie, `/accounts/${account.id}`))).not.toHaveProperty("viewAs");
    expect(await startViewAs(staffActor(csm), account.id, leaver.id)).toEqual({ ok: false, error: "not_found" });
    // Someone deactivated after the view started: the cookie stops counting.
    const later = await createCustomer(account.id, "member");
    const laterCookie = await viewAsCookie(csm, later);
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, later.id));
    expect(await requireActor(await request(csm, laterCookie, `/accounts/${account.id}`))).toMatchObject({
      kind: "staff",
    });
  });

  it("ignores a forged, tampered, malformed or expired cookie (the normal staff view, never a 500)", async () => {
    const real = await viewAsCookie(csm, champion);
    // Cookie values are percent-encoded: tamper with the decoded text and encode it again (a broken
    // escape in any cookie already means "no session" to lucia, which is not what this is about).
    const value = decodeURIComponent(real.slice("tandem_view_as=".length));
    const signature = value.split(".").pop()!;
    const flipped = signature.slice(0, -2) + (signature.at(-2) === "A" ? "B" : "A") + signature.at(-1);
    const encoded = (text: string) => `tandem_view_as=${encodeURIComponent(text)}`;
    const forgedPayload = Buffer.from(
      JSON.stringify({ staffUserId: csm.id, accountId: account.id, customerUserId: champion.id, until: 9e15 }),
    ).toString("base64");
    const expired = await viewAsCookie(csm, champion, account, new Date(Date.now() - 3 * 60 * 60 * 1000));
    for (const cookie of [
      encoded(forgedPayload),
      encoded(`${forgedPayload}.${signature}`),
      encoded(`${value.slice(0, -signature.length)}${flipped}`),
      "tandem_view_as=abc.def",
      "tandem_view_as=bm90IGpzb24",
      "tandem_view_as=",
      expired,
    ]) {
      const actor = await requireActor(await request(csm, cookie, `/accounts/${account.id}`));
      expect(actor, cookie).toMatchObject({ kind: "staff", id: csm.id });
    }
  });

  it("refuses every write with 403 and a message, and writes nothing", async () => {
    const cookie = await viewAsCookie(csm, champion);
    const form = () => new URLSearchParams({ intent: "dismiss" });
    const refused = await thrownResponse(
      npsAction({
        request: await request(csm, cookie, `/accounts/${account.id}/nps`, { method: "POST", body: form() }),
        params: { accountId: account.id },
        ...nothing,
      }),
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ viewAs: "readOnly", message: expect.stringContaining("Exit") });
    expect(await db.select().from(npsResponses).where(eq(npsResponses.userId, champion.id))).toHaveLength(0);
    // Staff pages too: nothing is written while the banner says read-only.
    const onStaffPage = await thrownResponse(
      requireActor(await request(csm, cookie, "/portfolio", { method: "POST", body: form() })),
    );
    expect(onStaffPage.status).toBe(403);
    // The same form from the champion's own browser works, so the refusal is view-as's.
    const own = await npsAction({
      request: await signedInRequest(champion.id, `http://localhost/accounts/${account.id}/nps`, {
        method: "POST",
        body: form(),
      }),
      params: { accountId: account.id },
      ...nothing,
    });
    expect((own as Response).status).toBe(302);
    expect(await db.select().from(npsResponses).where(eq(npsResponses.userId, champion.id))).toHaveLength(1);
  });

  it("never shows the customer's personal pages", async () => {
    const cookie = await viewAsCookie(csm, member);
    for (const [path, loader] of [
      ["/settings", settingsLoader],
      ["/settings/notifications", notificationSettingsLoader],
      ["/notifications", notificationsLoader],
      ["/my-tasks", myTasksLoader],
      ["/community/profile", profileLoader],
    ] as const) {
      const response = await thrownResponse(
        (loader as (args: never) => Promise<unknown>)({
          request: await request(csm, cookie, path),
          params: {},
          ...nothing,
        } as never),
      );
      expect(response.status, path).toBe(403);
      expect((await response.json()).viewAs, path).toBe("personal");
    }
  });
});

describe("the pages under view-as", () => {
  it("are the customer's own: the home page's projection, the shell's nav and banner, home is theirs", async () => {
    const cookie = await viewAsCookie(csm, champion);
    const home = (await homeLoader({
      request: await request(csm, cookie, `/accounts/${account.id}`),
      params: { accountId: account.id },
      ...nothing,
    })) as { viewer: { name: string; isStaff: boolean }; account: Record<string, unknown> };
    expect(home.viewer).toEqual({ name: champion.name, isStaff: false });
    expect(home.account).not.toHaveProperty("annualCost");
    const frame = await frameLoader({
      request: await request(csm, cookie, `/accounts/${account.id}`),
      params: { accountId: account.id },
      ...nothing,
    });
    expect(frame).toMatchObject({ isStaff: false, viewAsPeople: [] });

    const root = (await rootLoader({
      request: await request(csm, cookie, `/accounts/${account.id}`),
      params: {},
      ...nothing,
    })) as {
      data: { viewAs: unknown; nav: { key: string }[]; user: { name: string }; unreadNotifications: number };
    };
    expect(root.data.viewAs).toEqual({ accountName: account.name, name: champion.name, role: "Champion" });
    expect(root.data.user.name).toBe(champion.name);
    expect(root.data.nav.map((item) => item.key)).toContain("team");
    expect(root.data.unreadNotifications).toBe(0);
    // On a staff page the banner stays (so they can exit) with the staff member's own shell.
    const staffRoot = (await rootLoader({
      request: await request(csm, cookie, "/portfolio"),
      params: {},
      ...nothing,
    })) as {
      data: { viewAs: unknown; user: { name: string } };
    };
    expect(staffRoot.data).toMatchObject({ viewAs: { name: champion.name }, user: { name: csm.name } });

    const start = (await thrownOrValue(
      indexLoader({ request: await request(csm, cookie, "/"), params: {}, ...nothing }),
    )) as Response;
    expect(start.headers.get("Location")).toBe(`/accounts/${account.id}`);
  });

  it("don't write on GET as the customer: the community page makes no profile for them", async () => {
    const cookie = await viewAsCookie(csm, member);
    await communityLoader({ request: await request(csm, cookie, "/community"), params: {}, ...nothing });
    expect(await db.select().from(communityProfiles).where(eq(communityProfiles.userId, member.id))).toHaveLength(0);
    // Without view-as the same page does make the profile (the write that view-as skips).
    await communityLoader({
      request: await signedInRequest(member.id, "http://localhost/community"),
      params: {},
      ...nothing,
    });
    expect(await db.select().from(communityProfiles).where(eq(communityProfiles.userId, member.id))).toHaveLength(1);
  });
});

async function thrownOrValue(pending: Promise<unknown>) {
  try {
    return await pending;
  } catch (error) {
    return error;
  }
}

describe("the view-as route", () => {
  const post = async (signedIn: User, viewAs: string | null, fields: Record<string, string>) =>
    viewAsAction({
      request: await request(signedIn, viewAs, "/view-as", { method: "POST", body: new URLSearchParams(fields) }),
      params: {},
      ...nothing,
    }) as Promise<Response>;

  it("starts: sets an httpOnly Lax cookie, records the activity entry and opens the account", async () => {
    const response = await post(csm, null, { intent: "start", accountId: account.id, userId: champion.id });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/accounts/${account.id}`);
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^tandem_view_as=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const entries = await db
      .select()
      .from(activity)
      .where(and(eq(activity.accountId, account.id), eq(activity.action, "portal.viewed_as")));
    expect(entries.some((entry) => entry.actorId === csm.id && entry.subjectId === champion.id)).toBe(true);
    expect(entries.find((entry) => entry.subjectId === champion.id)?.details).toMatchObject({ name: champion.name });
    const actor = await requireActor(await request(csm, cookiePair(setCookie), `/accounts/${account.id}`));
    expect(actor.id).toBe(champion.id);
  });

  it("refuses someone of another account, a deactivated person and a customer starting it (404)", async () => {
    for (const [who, fields] of [
      [csm, { intent: "start", accountId: otherAccount.id, userId: champion.id }],
      [csm, { intent: "start", accountId: account.id, userId: leaver.id }],
      [csm, { intent: "start", accountId: "../x", userId: champion.id }],
      [champion, { intent: "start", accountId: account.id, userId: member.id }],
    ] as const) {
      const response = await thrownResponse(post(who, null, fields));
      expect(response.status).toBe(404);
    }
  });

  it("exits while viewing (the one POST allowed): clears the cookie and goes back to the staff account page", async () => {
    const cookie = await viewAsCookie(csm, champion);
    const response = await post(csm, cookie, { intent: "exit" });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/accounts/${account.id}`);
    expect(response.headers.get("Set-Cookie")).toMatch(/^tandem_view_as=; .*Max-Age=0/);
  });

  it("ends with signing out too", async () => {
    const cookie = await viewAsCookie(csm, champion);
    const response = (await logoutAction({
      request: await request(csm, cookie, "/logout", { method: "POST", body: new URLSearchParams() }),
      params: {},
      ...nothing,
    })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie().some((header) => /^tandem_view_as=; .*Max-Age=0/.test(header))).toBe(true);
  });
});
