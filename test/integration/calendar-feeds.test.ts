import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type Milestone, type User, calendarFeeds } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
  signedInRequest,
} from "~db/seed/factories";
import {
  getActiveCalendarFeed,
  personForCalendarToken,
  resetCalendarFeed,
  revokeCalendarFeed,
} from "~/domain/auth/calendar-feeds.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";
import { hashToken } from "~/lib/tokens.server";
import { loader as feedLoader } from "~/routes/calendar.$feed";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings";

let account: Account;
let other: Account;
let milestone: Milestone;
let otherMilestone: Milestone;
const people = {} as Record<"csm" | "champion" | "member" | "outsider", User>;
const soon = (days: number) => datePlusDays(todayIn("UTC"), days);

async function fetchFeed(path: string): Promise<Response> {
  const request = new Request(`http://localhost${path}`);
  try {
    return (await feedLoader({
      request,
      params: { feed: path.split("/").pop() },
      context: { clientIp: "127.0.0.1" },
    })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
const feedOf = async (who: User) => fetchFeed(`/calendar/${await resetCalendarFeed(actorOf(who))}.ics`);

beforeAll(async () => {
  people.csm = await createStaff("csm");
  account = await createAccount({ name: `Feed ${Date.now()}`, csmId: people.csm.id });
  other = await createAccount({ name: `Other feed ${Date.now()}` });
  people.champion = await createCustomer(account.id, "champion");
  people.member = await createCustomer(account.id, "member");
  people.outsider = await createCustomer(other.id, "champion");

  const plan = await createPlan(account.id, { name: "Rollout" });
  milestone = await createMilestone(plan, { title: "Go-live", targetDate: soon(10), description: "Cut over" });
  await createMilestone(plan, { title: "Far future", targetDate: soon(400) });
  await createTask(milestone, { title: "Train admins", assigneeId: people.champion.id, dueDate: soon(5) });
  await createTask(milestone, {
    title: "Done already",
    assigneeId: people.champion.id,
    dueDate: soon(5),
    status: "done",
  });
  await createTask(milestone, { title: "Colleague task", assigneeId: people.member.id, dueDate: soon(6) });
  await createTask(milestone, {
    title: "Internal prep",
    side: "vendor",
    internal: true,
    assigneeId: people.champion.id,
    dueDate: soon(4),
  });
  await createTask(milestone, { title: "Vendor prep", side: "vendor", assigneeId: people.csm.id, dueDate: soon(3) });

  const otherPlan = await createPlan(other.id, { name: "Other rollout" });
  otherMilestone = await createMilestone(otherPlan, { title: "Other go-live", targetDate: soon(8) });
  await createTask(otherMilestone, { title: "Other task", assigneeId: people.outsider.id, dueDate: soon(5) });
});

describe("feed tokens", () => {
  it("stores only the token's hash, with the customer's account, and resets by revoking the old one", async () => {
    const actor = actorOf(people.champion);
    const first = await resetCalendarFeed(actor);
    const [row] = await db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.tokenHash, hashToken(first)));
    expect(row?.accountId).toBe(account.id);
    expect(JSON.stringify(row)).not.toContain(first);

    const second = await resetCalendarFeed(actor);
    expect(second).not.toBe(first);
    expect(await personForCalendarToken(first)).toBeNull();
    expect((await personForCalendarToken(second))?.id).toBe(people.champion.id);
    const rows = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, people.champion.id));
    expect(rows.filter((feed) => feed.revokedAt === null)).toHaveLength(1);

    await revokeCalendarFeed(actor);
    expect(await personForCalendarToken(second)).toBeNull();
    expect(await getActiveCalendarFeed(actor)).toBeNull();
  });

  it("keeps staff feeds out of any one account and records use at most once a minute", async () => {
    const token = await resetCalendarFeed(actorOf(people.csm));
    await personForCalendarToken(token);
    const [used] = await db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.tokenHash, hashToken(token)));
    expect(used?.accountId).toBeNull();
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
    await personForCalendarToken(token);
    const [again] = await db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.tokenHash, hashToken(token)));
    expect(again?.lastUsedAt?.getTime()).toBe(used?.lastUsedAt?.getTime());
  });

  it("creates and turns off the link from Settings", async () => {
    const post = async (intent: string) =>
      settingsAction({
        request: await signedInRequest(people.member.id, "http://localhost/settings", {
          method: "POST",
          body: new URLSearchParams({ intent }),
        }),
        params: {},
        context: { clientIp: "127.0.0.1" },
      });
    // The new link rides a one-time cookie through a redirect, so refreshing never makes another.
    const created = (await post("calendar-reset")) as Response;
    expect(created.status).toBe(302);
    const revealCookie = created.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(revealCookie).toMatch(/^tandem_reveal=/);
    const load = async (extraCookie?: string) => {
      const request = await signedInRequest(people.member.id, "http://localhost/settings");
      if (extraCookie) request.headers.set("Cookie", `${request.headers.get("Cookie")}; ${extraCookie}`);
      return (await settingsLoader({ request, params: {}, context: { clientIp: "127.0.0.1" } })) as unknown as {
        data: { newCalendarUrl: string | null; calendarFeed: unknown };
        init: { headers: Headers };
      };
    };
    const shown = await load(revealCookie);
    const url = shown.data.newCalendarUrl!;
    expect(url).toMatch(/\/calendar\/[\w-]{43}\.ics$/);
    expect(shown.init.headers.get("Set-Cookie")).toMatch(/^tandem_reveal=/);
    expect(shown.init.headers.get("Cache-Control")).toBe("no-store");
    const path = new URL(url).pathname;
    expect((await fetchFeed(path)).status).toBe(200);
    // Without the cookie (the next load), the page knows the link exists but can't show it.
    const later = await load();
    expect(later.data.newCalendarUrl).toBeNull();
    expect(later.data.calendarFeed).not.toBeNull();
    // A forged cookie shows nothing.
    expect(
      (await load("tandem_reveal=eyJyZXZlYWwiOnsia2V5IjoiY2FsZW5kYXItdXJsIn19.forged")).data.newCalendarUrl,
    ).toBeNull();

    const revoked = (await post("calendar-revoke")) as Response;
    expect(revoked.status).toBe(302);
    expect((await fetchFeed(path)).status).toBe(404);
    expect(await getActiveCalendarFeed(actorOf(people.member))).toBeNull();
  });
});

describe("/calendar/<token>.ics", () => {
  it("gives a customer their plan's milestones and their own open, non-internal tasks", async () => {
    const response = await feedOf(people.champion);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const body = await response.text();
    expect(body).toContain("SUMMARY:Milestone: Go-live");
    expect(body).toContain(`UID:milestone-${milestone.id}@`);
    expect(body).toContain("SUMMARY:Train admins");
    expect(body).toMatch(new RegExp(`URL:.*/accounts/${account.id}/plan\\r\\n`));
    expect(body).toContain("TRIGGER:-PT15H");
    expect(body).toContain("TRIGGER:PT9H");
    for (const hidden of ["Internal prep", "Done already", "Colleague task", "Vendor prep", "Far future", "Other"]) {
      expect(body).not.toContain(hidden);
    }
    expect(body.replaceAll("\r\n", "")).not.toContain("\n");
  });

  it("gives staff their own tasks and the milestones of the accounts they are CSM of", async () => {
    const body = await (await feedOf(people.csm)).text();
    expect(body).toContain("Vendor prep");
    expect(body).toContain("Milestone: Go-live");
    expect(body).not.toContain("Other go-live");
    expect(body).not.toContain("Train admins");
  });

  it("never shows another account's items", async () => {
    const body = await (await feedOf(people.outsider)).text();
    expect(body).toContain("Other go-live");
    expect(body).toContain("Other task");
    expect(body).not.toContain("Go-live\r\n");
    expect(body).not.toContain("Train admins");
  });

  it("answers forged, malformed and revoked tokens with 404", async () => {
    const revoked = await resetCalendarFeed(actorOf(people.outsider));
    await resetCalendarFeed(actorOf(people.outsider));
    for (const path of [
      `/calendar/${"A".repeat(43)}.ics`,
      "/calendar/not-a-token.ics",
      "/calendar/%00%ff.ics",
      `/calendar/${revoked}.ics`,
      `/calendar/${revoked}`,
      "/calendar/.ics",
    ]) {
      expect((await fetchFeed(path)).status, path).toBe(404);
    }
  });
});
