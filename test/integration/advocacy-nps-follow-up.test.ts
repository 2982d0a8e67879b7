import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { npsResponses, workItems } from "~db/schema";
import { actorOf, createAccount, createCustomer, createStaff, signedInRequest } from "~db/seed/factories";
import { followUpNpsAnswer, npsFollowUps } from "~/domain/advocacy/nps-follow-ups.server";
import type { StaffActor } from "~/domain/auth/actor";
import { newId } from "~/lib/ids.server";
import { action, loader } from "~/routes/advocacy.nps";

const NOW = new Date("2026-12-03T09:00:00Z");

async function staff(role: "admin" | "csm" | "marketing") {
  const user = await createStaff(role, { timeZone: "UTC" });
  return { user, actor: actorOf(user) as StaffActor };
}

async function answer(accountId: string, score: number, comment = "") {
  const person = await createCustomer(accountId, "member", { name: `Person ${newId().slice(0, 6)}` });
  const id = newId();
  await db.insert(npsResponses).values({ id, accountId, userId: person.id, score, comment, createdAt: NOW });
  return { id, person };
}

async function itemsAbout(responseId: string) {
  return db.select().from(workItems).where(eq(workItems.subjectId, responseId));
}

describe("following up a detractor's NPS answer", () => {
  it("opens one high-priority work item for the account's CSM, quoting the answer, due in two days", async () => {
    const owner = await staff("csm");
    const admin = await staff("admin");
    const account = await createAccount({ csmId: owner.user.id });
    const { id, person } = await answer(account.id, 3, "Reports time out every Monday & nobody answers.");

    const first = await followUpNpsAnswer(admin.actor, id);
    expect(first).toMatchObject({ ok: true, accountId: account.id, created: true });
    const [item] = await itemsAbout(id);
    expect(item).toMatchObject({
      accountId: account.id,
      assigneeId: owner.user.id,
      createdById: admin.user.id,
      priority: "high",
      status: "open",
      subjectType: "nps_response",
    });
    expect(item!.reason).toBe(
      `${person.name} answered 3 to the NPS survey: “Reports time out every Monday & nobody answers.”`,
    );
    const due = new Date(`${item!.dueDate}T00:00:00Z`).getTime() - Date.now();
    expect(due).toBeGreaterThan(24 * 3600 * 1000);
    expect(due).toBeLessThanOrEqual(2 * 24 * 3600 * 1000);

    // Asking again — or twice at once — answers the same item.
    const again = await Promise.all([followUpNpsAnswer(owner.actor, id), followUpNpsAnswer(admin.actor, id)]);
    for (const result of again) expect(result).toMatchObject({ ok: true, workItemId: item!.id, created: false });
    expect(await itemsAbout(id)).toHaveLength(1);
    expect((await npsFollowUps([id])).get(id)).toEqual({ workItemId: item!.id, status: "open" });
  });

  it("gives the item to the one asking when the account has no CSM, and cuts a long comment", async () => {
    const csm = await staff("csm");
    const account = await createAccount({ csmId: null });
    const { id } = await answer(account.id, 0, "x".repeat(400));
    const result = await followUpNpsAnswer(csm.actor, id);
    expect(result).toMatchObject({ ok: true, created: true });
    const [item] = await itemsAbout(id);
    expect(item!.assigneeId).toBe(csm.user.id);
    expect(item!.reason.length).toBeLessThan(260);
    expect(item!.reason).toContain("x…");
  });

  it("refuses promoters and passives, marketing, and unknown answers, writing nothing", async () => {
    const csm = await staff("csm");
    const marketing = await staff("marketing");
    const account = await createAccount();
    const passive = await answer(account.id, 7);
    const promoter = await answer(account.id, 10);
    const detractor = await answer(account.id, 6);

    expect(await followUpNpsAnswer(csm.actor, passive.id)).toEqual({ ok: false, error: "not_detractor" });
    expect(await followUpNpsAnswer(csm.actor, promoter.id)).toEqual({ ok: false, error: "not_detractor" });
    expect(await followUpNpsAnswer(marketing.actor, detractor.id)).toEqual({ ok: false, error: "forbidden" });
    expect(await followUpNpsAnswer(csm.actor, newId())).toEqual({ ok: false, error: "not_found" });
    for (const id of [passive.id, promoter.id, detractor.id]) expect(await itemsAbout(id)).toHaveLength(0);
  });
});

describe("the NPS page's follow-up", () => {
  function post(userId: string, fields: Record<string, string>) {
    return signedInRequest(userId, "http://localhost/advocacy/nps", {
      method: "POST",
      body: new URLSearchParams(fields),
    }).then((request) => action({ request, params: {}, context: { clientIp: "127.0.0.1" } }));
  }

  async function followUpsShown(userId: string) {
    const request = await signedInRequest(userId, "http://localhost/advocacy/nps");
    const data = await loader({ request, params: {}, context: { clientIp: "127.0.0.1" } });
    return data.followUps;
  }

  it("offers the button on detractors to those who may follow up, then shows the item", async () => {
    const csm = await staff("csm");
    const marketing = await staff("marketing");
    const account = await createAccount();
    const detractor = await answer(account.id, 2, "Too slow");
    const promoter = await answer(account.id, 9);

    expect((await followUpsShown(csm.user.id))[detractor.id]).toBe("can");
    expect((await followUpsShown(csm.user.id))[promoter.id]).toBeNull();
    expect((await followUpsShown(marketing.user.id))[detractor.id]).toBeNull();

    const response = await post(csm.user.id, {
      intent: "follow-up",
      responseId: detractor.id,
      returnTo: "/advocacy/nps?answers=abc",
    });
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/advocacy/nps?answers=abc");
    const [item] = await itemsAbout(detractor.id);
    expect((await followUpsShown(marketing.user.id))[detractor.id]).toEqual({ workItemId: item!.id, status: "open" });
  });

  it("answers a refusal with its status and message, and an outside return address goes to the page", async () => {
    const csm = await staff("csm");
    const account = await createAccount();
    const promoter = await answer(account.id, 10);
    const refused = (await post(csm.user.id, { intent: "follow-up", responseId: promoter.id })) as unknown as {
      init: ResponseInit;
      data: { form: { error: Record<string, string[]> } };
    };
    expect(refused.init.status).toBe(400);
    expect(refused.data.form.error[""]).toEqual(["advocacy:npsReport.errors.not_detractor"]);

    const detractor = await answer(account.id, 1);
    const response = (await post(csm.user.id, {
      intent: "follow-up",
      responseId: detractor.id,
      returnTo: "https://evil.example/",
    })) as Response;
    expect(response.headers.get("Location")).toBe("/advocacy/nps");
  });
});
