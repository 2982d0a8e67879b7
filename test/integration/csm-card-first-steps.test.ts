import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { plans, users } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  signedInRequest,
} from "~db/seed/factories";
import { invite } from "~/domain/people/invitations.server";
import { findCourse, loadCatalog } from "~/domain/training/content.server";
import { markLessonRead } from "~/domain/training/learning.server";
import { loader as homeLoader } from "~/routes/accounts.$accountId._index";
import { loader as planLoader } from "~/routes/accounts.$accountId.plan/route";
import { action as settingsAction } from "~/routes/settings";
import { action as staffMemberAction } from "~/routes/staff.$userId";
import { answerOf, thrownResponse } from "../support/responses";

process.env.CONTENT_DIR = "test/fixtures/content";

const args = (request: Request, params: Record<string, string> = {}) =>
  ({ request, params, context: { clientIp: "127.0.0.1" } }) as never;

async function post(userId: string, url: string, fields: Record<string, string>) {
  return signedInRequest(userId, `http://localhost${url}`, { method: "POST", body: new URLSearchParams(fields) });
}

async function contactOf(userId: string) {
  const [row] = await db
    .select({ name: users.name, title: users.title, meetingUrl: users.meetingUrl })
    .from(users)
    .where(eq(users.id, userId));
  return row!;
}

type Home = {
  csm: { name: string; title: string; email: string | null; meetingUrl: string | null } | null;
  firstSteps: { key: string; done: boolean }[] | null;
};
async function home(userId: string, accountId: string) {
  return (await homeLoader(
    args(await signedInRequest(userId, `http://localhost/accounts/${accountId}`), { accountId }),
  )) as unknown as Home;
}

const BAD_URLS = [
  "javascript:alert(1)",
  "data:text/html,<b>hi</b>",
  "ftp://files.example.com/ana",
  "cal.example.com/ana",
  "https://exa mple.com",
  `https://cal.example.com/${"a".repeat(500)}`,
];

describe("a staff person's title and meeting link", () => {
  it("are saved from Settings; a bad link is refused with a field error and nothing is written", async () => {
    const csm = await createStaff("csm", { name: "Ana Ortiz" });
    const ok = (await settingsAction(
      args(
        await post(csm.id, "/settings", {
          intent: "profile",
          name: "Ana Ortiz",
          title: "Customer Success Manager",
          meetingUrl: "https://cal.example.com/ana",
        }),
      ),
    )) as Response;
    expect(ok.status).toBe(302);
    expect(await contactOf(csm.id)).toEqual({
      name: "Ana Ortiz",
      title: "Customer Success Manager",
      meetingUrl: "https://cal.example.com/ana",
    });

    for (const meetingUrl of BAD_URLS) {
      const answer = await answerOf<{ form: { error?: Record<string, string[]> } }>(
        await settingsAction(
          args(await post(csm.id, "/settings", { intent: "profile", name: "Renamed", title: "Other", meetingUrl })),
        ),
      );
      expect(answer.status, meetingUrl).toBe(400);
      expect(answer.data.form.error?.meetingUrl?.[0], meetingUrl).toMatch(/^meetingUrl\.(invalid|tooLong)$/);
      // Nothing of the form is written, the name and title included.
      expect(await contactOf(csm.id)).toEqual({
        name: "Ana Ortiz",
        title: "Customer Success Manager",
        meetingUrl: "https://cal.example.com/ana",
      });
    }

    // An empty link clears it.
    await settingsAction(
      args(await post(csm.id, "/settings", { intent: "profile", name: "Ana Ortiz", title: "CSM", meetingUrl: "" })),
    );
    expect(await contactOf(csm.id)).toMatchObject({ title: "CSM", meetingUrl: null });
  });

  it("a customer person can't give themselves a meeting link", async () => {
    const account = await createAccount();
    const champion = await createCustomer(account.id, "champion");
    await settingsAction(
      args(
        await post(champion.id, "/settings", {
          intent: "profile",
          name: champion.name,
          title: "Head of Ops",
          meetingUrl: "https://cal.example.com/me",
        }),
      ),
    );
    expect(await contactOf(champion.id)).toMatchObject({ title: "Head of Ops", meetingUrl: null });
  });

  it("an admin sets them on the staff page; a bad link is a 400 and nothing changes; others may not", async () => {
    const admin = await createStaff("admin");
    const csm = await createStaff("csm", { title: "CSM" });
    const url = `/staff/${csm.id}`;
    const bad = await answerOf<{ form: { error?: Record<string, string[]> } }>(
      await staffMemberAction(
        args(await post(admin.id, url, { intent: "contact", title: "Senior CSM", meetingUrl: "javascript:alert(1)" }), {
          userId: csm.id,
        }),
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.form.error?.meetingUrl).toEqual(["meetingUrl.invalid"]);
    expect(await contactOf(csm.id)).toMatchObject({ title: "CSM", meetingUrl: null });

    const saved = (await staffMemberAction(
      args(
        await post(admin.id, url, {
          intent: "contact",
          title: "Senior CSM",
          meetingUrl: "https://meet.example.com/x",
        }),
        {
          userId: csm.id,
        },
      ),
    )) as Response;
    expect(saved.status).toBe(302);
    expect(await contactOf(csm.id)).toMatchObject({ title: "Senior CSM", meetingUrl: "https://meet.example.com/x" });

    // A customer's id is no teammate: nothing is written.
    const account = await createAccount();
    const champion = await createCustomer(account.id, "champion", { title: "Ops" });
    const notStaff = await answerOf(
      await staffMemberAction(
        args(
          await post(admin.id, `/staff/${champion.id}`, {
            intent: "contact",
            title: "x",
            meetingUrl: "https://a.example",
          }),
          {
            userId: champion.id,
          },
        ),
      ),
    );
    expect(notStaff.status).toBe(404);
    expect(await contactOf(champion.id)).toMatchObject({ title: "Ops", meetingUrl: null });

    // A CSM doesn't manage the team.
    const response = await thrownResponse(
      staffMemberAction(
        args(await post(csm.id, url, { intent: "contact", title: "Boss", meetingUrl: "" }), { userId: csm.id }),
      ),
    );
    expect(response.status).toBe(404);
    expect((await contactOf(csm.id)).title).toBe("Senior CSM");
  });
});

describe("the customer's CSM card", () => {
  it("shows the account's own CSM to its people only, and no ways to reach one who has left", async () => {
    const csm = await createStaff("csm", {
      name: "Ana Ortiz",
      title: "Customer Success Manager",
      meetingUrl: "https://cal.example.com/ana",
    });
    const otherCsm = await createStaff("csm", { meetingUrl: "https://cal.example.com/other" });
    const account = await createAccount({ csmId: csm.id });
    const other = await createAccount({ csmId: otherCsm.id });
    const champion = await createCustomer(account.id, "champion");
    const member = await createCustomer(account.id, "member");
    const otherChampion = await createCustomer(other.id, "champion");

    for (const person of [champion, member]) {
      expect((await home(person.id, account.id)).csm).toEqual({
        name: "Ana Ortiz",
        title: "Customer Success Manager",
        email: csm.email,
        meetingUrl: "https://cal.example.com/ana",
      });
    }
    const theirs = await home(otherChampion.id, other.id);
    expect(theirs.csm?.meetingUrl).toBe("https://cal.example.com/other");
    expect(JSON.stringify(theirs)).not.toContain(csm.email);
    // Another account's home is a 404, never its CSM card.
    const refused = await thrownResponse(
      homeLoader(
        args(await signedInRequest(otherChampion.id, `http://localhost/accounts/${account.id}`), {
          accountId: account.id,
        }),
      ),
    );
    expect(refused.status).toBe(404);
    // Staff see the staff home, without the card.
    expect((await home(csm.id, account.id)).csm).toBeNull();

    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, csm.id));
    expect((await home(champion.id, account.id)).csm).toEqual({
      name: "Ana Ortiz",
      title: "Customer Success Manager",
      email: null,
      meetingUrl: null,
    });
    // No CSM at all: no card data, nothing broken.
    const unassigned = await createAccount({ csmId: null });
    const alone = await createCustomer(unassigned.id, "champion");
    expect((await home(alone.id, unassigned.id)).csm).toBeNull();
  });
});

describe("first steps", () => {
  it("a fresh account's champion has three to do, its member two; a done account none", async () => {
    const csm = await createStaff("csm");
    const account = await createAccount({ csmId: csm.id });
    const plan = await createPlan(account.id);
    await createMilestone(plan);
    const champion = await createCustomer(account.id, "champion");

    expect((await home(champion.id, account.id)).firstSteps).toEqual([
      { key: "invite", done: false },
      { key: "plan", done: false },
      { key: "course", done: false },
    ]);

    // The CSM opening the plan, or a browser prefetching it, is no review.
    await planLoader(
      args(await signedInRequest(csm.id, `http://localhost/accounts/${account.id}/plan`), { accountId: account.id }),
    );
    await planLoader(
      args(
        await signedInRequest(champion.id, `http://localhost/accounts/${account.id}/plan`, {
          headers: { "Sec-Purpose": "prefetch" },
        }),
        { accountId: account.id },
      ),
    );
    const [unopened] = await db.select({ at: plans.customerOpenedAt }).from(plans).where(eq(plans.id, plan.id));
    expect(unopened?.at).toBeNull();

    // The champion invites a colleague (an active member here) and opens the plan.
    const member = await createCustomer(account.id, "member");
    await planLoader(
      args(await signedInRequest(champion.id, `http://localhost/accounts/${account.id}/plan`), {
        accountId: account.id,
      }),
    );
    expect((await home(champion.id, account.id)).firstSteps).toEqual([
      { key: "invite", done: true },
      { key: "plan", done: true },
      { key: "course", done: false },
    ]);
    // A member isn't offered the invitation.
    expect((await home(member.id, account.id)).firstSteps).toEqual([
      { key: "plan", done: true },
      { key: "course", done: false },
    ]);

    const course = findCourse(loadCatalog(), "dashboards-in-a-day")!;
    await markLessonRead(actorOf(champion), course, course.lessons[0]!);
    expect((await home(champion.id, account.id)).firstSteps).toBeNull();
    // The course is each person's own step.
    expect((await home(member.id, account.id)).firstSteps).toEqual([
      { key: "plan", done: true },
      { key: "course", done: false },
    ]);
  });

  it("counts a pending invitation as inviting, leaves the plan out without one, and shows staff nothing", async () => {
    const account = await createAccount();
    const champion = await createCustomer(account.id, "champion");
    expect((await home(champion.id, account.id)).firstSteps).toEqual([
      { key: "invite", done: false },
      { key: "course", done: false },
    ]);
    const sent = await invite({
      actor: actorOf(champion),
      email: `colleague-${account.id}@test.example`,
      target: { kind: "account", accountId: account.id, accountRole: "member" },
      origin: "http://localhost",
    });
    expect(sent).toEqual({ ok: true });
    expect((await home(champion.id, account.id)).firstSteps).toEqual([
      { key: "invite", done: true },
      { key: "course", done: false },
    ]);
    const admin = await createStaff("admin");
    expect((await home(admin.id, account.id)).firstSteps).toBeNull();
  });
});
