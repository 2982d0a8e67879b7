import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, activity, healthOverrides, healthSnapshots, type User } from "~db/schema";
import { actorOf, createAccount, createCustomer, createStaff, signedInRequest } from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import { activeOverride, endOverride, listOverrides, setOverride } from "~/domain/health/overrides.server";
import { recomputeHealth } from "~/domain/health/recompute.server";
import { getHealthBadge } from "~/domain/health/view.server";
import { addDays } from "~/domain/telemetry/usage";
import { todayIn } from "~/lib/format";
import { DAY_MS } from "~/lib/time";
import { action, loader } from "~/routes/accounts.$accountId.health";
import { thrownResponse } from "../support/responses";

let csm: User;
let staff: StaffActor;
let champion: User;
let account: Account;
let other: Account;

beforeAll(async () => {
  csm = await createStaff("csm");
  const actor = actorOf(csm);
  if (actor.kind !== "staff") throw new Error("staff expected");
  staff = actor;
  account = await createAccount({ timeZone: "Pacific/Auckland" });
  other = await createAccount();
  champion = await createCustomer(account.id, "champion");
});

const context = { clientIp: "127.0.0.1" };
type Answer = { data: { form: { error?: Record<string, string[]> } }; init: { status: number } };

function post(userId: string, accountId: string, fields: Record<string, string>) {
  return signedInRequest(userId, `http://localhost/accounts/${accountId}/health`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

async function overridesOf(accountId: string) {
  return db.select().from(healthOverrides).where(eq(healthOverrides.accountId, accountId));
}

describe("health overrides", () => {
  it("sets an override with a reason until its expiry, logs it, and shows it beside the computed score", async () => {
    const subject = await createAccount();
    const now = new Date();
    const today = todayIn(subject.timeZone, now);
    await recomputeHealth({ accountIds: [subject.id], now });
    const result = await setOverride(
      staff,
      subject,
      { accountId: subject.id, grade: "red", reason: "Sponsor leaving", expiresOn: addDays(today, 30) },
      now,
    );
    expect(result.ok).toBe(true);
    const badge = await getHealthBadge(subject, now);
    expect(badge.override).toEqual({ grade: "red", expiresOn: addDays(today, 30) });
    // The computed score is untouched: the override sits beside it.
    expect(badge.grade).toBeNull();
    const logged = await db.select().from(activity).where(eq(activity.accountId, subject.id));
    expect(logged.map((row) => row.action)).toEqual(["health.override_set"]);
    expect(logged[0]!.details).toMatchObject({ grade: "red", reason: "Sponsor leaving" });
  });

  it("keeps computing and filing the score while an override counts", async () => {
    const subject = await createAccount();
    const now = new Date();
    const today = todayIn(subject.timeZone, now);
    await setOverride(staff, subject, { accountId: subject.id, grade: "green", reason: "x", expiresOn: today }, now);
    await recomputeHealth({ accountIds: [subject.id], now });
    await recomputeHealth({ accountIds: [subject.id], now: new Date(now.getTime() + DAY_MS) });
    const rows = await db.select().from(healthSnapshots).where(eq(healthSnapshots.accountId, subject.id));
    expect(rows).toHaveLength(2);
    expect((await overridesOf(subject.id))[0]!.endedAt).toBeNull();
  });

  it("allows today up to 180 days ahead and refuses the past or beyond, writing nothing", async () => {
    const subject = await createAccount({ timeZone: "America/Los_Angeles" });
    const now = new Date();
    const today = todayIn(subject.timeZone, now);
    const input = (expiresOn: string) => ({ accountId: subject.id, grade: "yellow" as const, reason: "r", expiresOn });
    expect(await setOverride(staff, subject, input(addDays(today, -1)), now)).toEqual({
      ok: false,
      error: "expiry_past",
      field: "expiresOn",
    });
    expect(await setOverride(staff, subject, input(addDays(today, 181)), now)).toEqual({
      ok: false,
      error: "expiry_too_far",
      field: "expiresOn",
    });
    expect(await overridesOf(subject.id)).toHaveLength(0);
    expect((await setOverride(staff, subject, input(addDays(today, 180)), now)).ok).toBe(true);
    expect((await setOverride(staff, subject, input(today), now)).ok).toBe(true);
  });

  it("ends at its expiry by the calendar alone, kept in the history as expired", async () => {
    const subject = await createAccount();
    const now = new Date();
    const today = todayIn(subject.timeZone, now);
    await setOverride(
      staff,
      subject,
      { accountId: subject.id, grade: "red", reason: "Renewal risk", expiresOn: addDays(today, 3) },
      now,
    );
    expect(await activeOverride(subject, new Date(now.getTime() + 3 * DAY_MS))).not.toBeNull();
    const later = new Date(now.getTime() + 5 * DAY_MS);
    expect(await activeOverride(subject, later)).toBeNull();
    expect((await getHealthBadge(subject, later)).override).toBeNull();
    const history = await listOverrides(subject, later);
    expect(history).toMatchObject([{ grade: "red", reason: "Renewal risk", state: "expired", endedAt: null }]);
  });

  it("replacing or ending early fills ended_at and is logged; nothing is deleted", async () => {
    const subject = await createAccount();
    const now = new Date();
    const today = todayIn(subject.timeZone, now);
    const first = await setOverride(
      staff,
      subject,
      { accountId: subject.id, grade: "red", reason: "one", expiresOn: addDays(today, 10) },
      now,
    );
    const second = await setOverride(
      staff,
      subject,
      { accountId: subject.id, grade: "green", reason: "two", expiresOn: addDays(today, 10) },
      new Date(now.getTime() + 1000),
    );
    if (!first.ok || !second.ok) throw new Error("both should be set");
    expect((await activeOverride(subject))!.id).toBe(second.id);
    expect(await endOverride(staff, subject, second.id)).toEqual({ ok: true, id: second.id });
    expect(await activeOverride(subject)).toBeNull();
    // Ending twice, or another account's, is not found.
    expect(await endOverride(staff, subject, second.id)).toEqual({ ok: false, error: "unknown_override" });
    expect(await endOverride(staff, other, first.id)).toEqual({ ok: false, error: "unknown_override" });
    const rows = await overridesOf(subject.id);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.endedAt !== null && row.endedById === csm.id)).toBe(true);
    const logged = await db
      .select({ action: activity.action, subjectId: activity.subjectId, details: activity.details })
      .from(activity)
      .where(and(eq(activity.accountId, subject.id), eq(activity.action, "health.override_ended")));
    expect(logged).toHaveLength(2);
    expect(logged).toContainEqual({
      action: "health.override_ended",
      subjectId: first.id,
      details: { replacedBy: second.id },
    });
    expect(logged).toContainEqual({ action: "health.override_ended", subjectId: second.id, details: { early: true } });
  });
});

describe("the Health tab's override routes", () => {
  it("refuses an override without a reason or with a bad expiry with 400 and a field message, writing nothing", async () => {
    const today = todayIn(account.timeZone);
    const noReason = (await action({
      request: await post(csm.id, account.id, {
        intent: "override",
        accountId: account.id,
        grade: "red",
        reason: "  ",
        expiresOn: addDays(today, 5),
      }),
      params: { accountId: account.id },
      context,
    })) as unknown as Answer;
    expect(noReason.init.status).toBe(400);
    expect(noReason.data.form.error).toEqual({ reason: ["health:errors.overrideReason"] });
    const tooFar = (await action({
      request: await post(csm.id, account.id, {
        intent: "override",
        accountId: account.id,
        grade: "red",
        reason: "Why",
        expiresOn: addDays(today, 200),
      }),
      params: { accountId: account.id },
      context,
    })) as unknown as Answer;
    expect(tooFar.init.status).toBe(400);
    expect(tooFar.data.form.error).toEqual({ expiresOn: ["health:errors.expiry_too_far"] });
    const notADate = (await action({
      request: await post(csm.id, account.id, {
        intent: "override",
        accountId: account.id,
        grade: "red",
        reason: "Why",
        expiresOn: "2026-02-30",
      }),
      params: { accountId: account.id },
      context,
    })) as unknown as Answer;
    expect(notADate.init.status).toBe(400);
    expect(await overridesOf(account.id)).toHaveLength(0);
  });

  it("answers 404 for ending another account's override, and a customer never reaches overrides", async () => {
    const otherOverride = await setOverride(staff, other, {
      accountId: other.id,
      grade: "red",
      reason: "theirs",
      expiresOn: todayIn(other.timeZone),
    });
    if (!otherOverride.ok) throw new Error("expected ok");
    const response = await thrownResponse(
      action({
        request: await post(csm.id, account.id, { intent: "endOverride", overrideId: otherOverride.id }),
        params: { accountId: account.id },
        context,
      }),
    );
    expect(response.status).toBe(404);
    expect((await activeOverride(other))!.id).toBe(otherOverride.id);
    const customer = await thrownResponse(
      loader({
        request: await signedInRequest(champion.id, `http://localhost/accounts/${account.id}/health`),
        params: { accountId: account.id },
        context,
      }),
    );
    expect(customer.status).toBe(404);
  });

  it("sets an override through the form and redirects to the tab", async () => {
    const today = todayIn(account.timeZone);
    const response = await action({
      request: await post(csm.id, account.id, {
        intent: "override",
        accountId: account.id,
        grade: "yellow",
        reason: "Exec sponsor changed",
        expiresOn: addDays(today, 30),
      }),
      params: { accountId: account.id },
      context,
    });
    expect((response as Response).status).toBe(302);
    expect(await activeOverride(account)).toMatchObject({ grade: "yellow", reason: "Exec sponsor changed" });
  });
});
