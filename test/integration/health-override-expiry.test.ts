import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { activity, healthOverrides } from "~db/schema";
import { actorOf, createAccount, createStaff } from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import { endOverride, recordExpiredOverrides, setOverride } from "~/domain/health/overrides.server";

const expiredEntries = (accountId: string) =>
  db
    .select()
    .from(activity)
    .where(eq(activity.accountId, accountId))
    .then((rows) => rows.filter((row) => row.action === "health.override_expired"));

describe("an override running out", () => {
  it("is logged once, after its last day in the account's time zone, dated at the end of that day", async () => {
    const csm = actorOf(await createStaff("csm")) as StaffActor;
    // Auckland is 13 hours ahead of UTC in December: its 10 December ends at 11:00 UTC that day.
    const account = await createAccount({ timeZone: "Pacific/Auckland" });
    const scope = { id: account.id, timeZone: account.timeZone };
    const set = await setOverride(
      csm,
      scope,
      { accountId: account.id, grade: "green", reason: "Exec sponsor renewed verbally", expiresOn: "2026-12-10" },
      new Date("2026-12-01T00:00:00Z"),
    );
    expect(set.ok).toBe(true);

    expect(await recordExpiredOverrides(new Date("2026-12-10T10:59:00Z"))).toBe(0);
    expect(await expiredEntries(account.id)).toHaveLength(0);

    expect(await recordExpiredOverrides(new Date("2026-12-10T11:01:00Z"))).toBeGreaterThanOrEqual(1);
    const [entry] = await expiredEntries(account.id);
    expect(entry).toMatchObject({
      actorId: null,
      subjectType: "health_override",
      details: { grade: "green", expiresOn: "2026-12-10" },
    });
    expect(entry!.createdAt.toISOString()).toBe("2026-12-10T11:00:00.000Z");

    // Again (the next night, or a second worker): nothing new. The override itself is unchanged.
    await recordExpiredOverrides(new Date("2026-12-11T11:01:00Z"));
    expect(await expiredEntries(account.id)).toHaveLength(1);
    const [row] = await db.select().from(healthOverrides).where(eq(healthOverrides.accountId, account.id));
    expect(row!.endedAt).toBeNull();
  });

  it("leaves out overrides ended by hand and those still counting", async () => {
    const csm = actorOf(await createStaff("csm")) as StaffActor;
    const ended = await createAccount({ timeZone: "UTC" });
    const active = await createAccount({ timeZone: "UTC" });
    const now = new Date("2026-12-01T09:00:00Z");
    const input = (accountId: string, expiresOn: string) => ({
      accountId,
      grade: "red" as const,
      reason: "x",
      expiresOn,
    });
    const first = await setOverride(csm, { id: ended.id, timeZone: "UTC" }, input(ended.id, "2026-12-05"), now);
    if (!first.ok) throw new Error(first.error);
    await endOverride(csm, { id: ended.id, timeZone: "UTC" }, first.id, now);
    await setOverride(csm, { id: active.id, timeZone: "UTC" }, input(active.id, "2026-12-20"), now);

    await recordExpiredOverrides(new Date("2026-12-10T00:00:00Z"));
    expect(await expiredEntries(ended.id)).toHaveLength(0);
    expect(await expiredEntries(active.id)).toHaveLength(0);
  });
});
