import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import type { User } from "~db/schema";
import { actorOf, createAccount, createCustomer, createStaff, signedInRequest } from "~db/seed/factories";
import {
  magicLinkMail,
  passwordResetMail,
  playbookChampionMail,
  playbookReminderMail,
} from "~/domain/mail/messages.server";
import { deliverOutboxMessage } from "~/domain/mail/delivery.server";
import { queueMail } from "~/domain/mail/outbox.server";
import { getNotificationPreferences, saveNotificationPreferences } from "~/domain/mail/preferences.server";
import { action, loader } from "~/routes/settings_.notifications";
import { mailsTo } from "../support/outbox";

const context = { clientIp: "127.0.0.1" };
let accountId: string;
beforeAll(async () => {
  accountId = (await createAccount()).id;
});

const ALL_ON = { reminders: true, champion: true, community: true, digest: true };
const reminder = (person: User) =>
  playbookReminderMail(person.email, person.locale, {
    name: person.name,
    reason: "Send the export",
    account: "Acme",
    link: "http://tandem.test/x",
    recipientId: person.id,
  });

async function jobStartAfter(messageId: string): Promise<Date> {
  const rows = await db.execute<{ start_after: Date }>(
    sql`select start_after from pgboss.job where name = 'mail-send' and data->>'messageId' = ${messageId}`,
  );
  return new Date(rows[0]!.start_after);
}

async function person(overrides: Parameters<typeof createCustomer>[2] = {}) {
  return createCustomer(accountId, "member", overrides);
}

describe("notification preferences", () => {
  it("defaults to every kind on and no quiet hours", async () => {
    const someone = await person();
    const prefs = await getNotificationPreferences(someone.id);
    expect(prefs.email).toMatchObject(ALL_ON);
    expect(prefs.quietHours).toBeNull();
    const id = await db.transaction((tx) => queueMail(tx, reminder(someone)));
    expect(id).not.toBeNull();
    const [row] = await mailsTo(someone.email);
    expect(row?.sendAfter).toBeNull();
    expect(row?.kind).toBe("reminders");
  });

  it("an opted-out kind is not sent; the other kinds still are", async () => {
    const someone = await person();
    await saveNotificationPreferences(actorOf(someone), {
      email: { ...ALL_ON, reminders: false },
      quietHours: null,
      timeZone: "UTC",
    });
    const jobs = async () =>
      (await db.execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'mail-send'`))[0]!.n;
    const before = await jobs();
    expect(await db.transaction((tx) => queueMail(tx, reminder(someone)))).toBeNull();
    expect(await mailsTo(someone.email)).toHaveLength(0);
    expect(await jobs()).toBe(before);
    const champion = playbookChampionMail(someone.email, "en", {
      name: someone.name,
      reason: "x",
      account: "Acme",
      link: "http://tandem.test/y",
      recipientId: someone.id,
    });
    expect(await db.transaction((tx) => queueMail(tx, champion))).not.toBeNull();
  });

  it("security mail ignores preferences and quiet hours", async () => {
    const someone = await person({ timeZone: "Asia/Shanghai" });
    await saveNotificationPreferences(actorOf(someone), {
      email: { reminders: false, champion: false, community: false, digest: false },
      quietHours: { startMinute: 0, endMinute: 1439 },
      timeZone: "Asia/Shanghai",
    });
    const mails = [
      { ...magicLinkMail(someone.email, "http://tandem.test/l", "en", 15), recipientId: someone.id },
      { ...passwordResetMail(someone.email, "http://tandem.test/r", "en", 30), recipientId: someone.id },
    ];
    for (const mail of mails) expect(await db.transaction((tx) => queueMail(tx, mail))).not.toBeNull();
    const rows = await mailsTo(someone.email);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.sendAfter === null && row.kind === "security")).toBe(true);
  });

  it("defers mail in quiet hours to their end in the person's zone, job and row alike", async () => {
    const someone = await person();
    await saveNotificationPreferences(actorOf(someone), {
      email: ALL_ON,
      quietHours: { startMinute: 20 * 60, endMinute: 8 * 60 },
      timeZone: "America/New_York",
    });
    // 22:00 EST on 7 March 2026; the clocks go forward that night, so 08:00 EDT is 12:00 UTC.
    const now = new Date("2026-03-08T03:00:00Z");
    const id = await db.transaction((tx) => queueMail(tx, reminder(someone), now));
    const [row] = await mailsTo(someone.email);
    expect(row?.sendAfter?.toISOString()).toBe("2026-03-08T12:00:00.000Z");
    expect((await jobStartAfter(id!)).toISOString()).toBe("2026-03-08T12:00:00.000Z");
    // Outside the window it goes at once.
    const noon = new Date("2026-03-09T16:00:00Z");
    await db.transaction((tx) => queueMail(tx, reminder(someone), noon));
    const [latest] = await mailsTo(someone.email);
    expect(latest?.sendAfter).toBeNull();
  });

  it("reads quiet hours in the person's own zone, not the server's or the account's", async () => {
    const shanghai = await person();
    await saveNotificationPreferences(actorOf(shanghai), {
      email: ALL_ON,
      quietHours: { startMinute: 21 * 60, endMinute: 7 * 60 + 30 },
      timeZone: "Asia/Shanghai",
    });
    // 14:00 UTC = 22:00 in Shanghai: waits until 07:30 there (23:30 UTC).
    await db.transaction((tx) => queueMail(tx, reminder(shanghai), new Date("2026-06-01T14:00:00Z")));
    const [row] = await mailsTo(shanghai.email);
    expect(row?.sendAfter?.toISOString()).toBe("2026-06-01T23:30:00.000Z");
  });
});

describe("sending deferred mail", () => {
  const quietNight = { startMinute: 20 * 60, endMinute: 8 * 60 };
  const lateEvening = new Date("2026-03-10T22:00:00Z");

  it("a deferred mail whose kind the person turned off meanwhile is skipped, not sent", async () => {
    const someone = await person();
    await saveNotificationPreferences(actorOf(someone), { email: ALL_ON, quietHours: quietNight, timeZone: "UTC" });
    const id = await db.transaction((tx) => queueMail(tx, reminder(someone), lateEvening));
    expect((await mailsTo(someone.email))[0]?.sendAfter).not.toBeNull();
    await saveNotificationPreferences(actorOf(someone), {
      email: { ...ALL_ON, reminders: false },
      quietHours: quietNight,
      timeZone: "UTC",
    });
    expect(await deliverOutboxMessage(id!, { transport: null, finalAttempt: false })).toBe("skipped");
    const [row] = await mailsTo(someone.email);
    expect(row).toMatchObject({ status: "skipped", sentAt: null });
    expect(row?.lastError).toContain("reminders");
    // A second run of the job (a retry) leaves it skipped.
    expect(await deliverOutboxMessage(id!, { transport: null, finalAttempt: true })).toBe("skipped");
    expect((await mailsTo(someone.email))[0]?.status).toBe("skipped");
  });

  it("a deferred mail whose kind is still on is sent; security mail is never re-checked", async () => {
    const someone = await person();
    await saveNotificationPreferences(actorOf(someone), { email: ALL_ON, quietHours: quietNight, timeZone: "UTC" });
    const id = await db.transaction((tx) => queueMail(tx, reminder(someone), lateEvening));
    expect(await deliverOutboxMessage(id!, { transport: null, finalAttempt: false })).toBe("sent");
    await saveNotificationPreferences(actorOf(someone), {
      email: { reminders: false, champion: false, community: false, digest: false },
      quietHours: null,
      timeZone: "UTC",
    });
    const link = { ...magicLinkMail(someone.email, "http://tandem.test/l", "en", 15), recipientId: someone.id };
    const linkId = await db.transaction((tx) => queueMail(tx, link));
    expect(await deliverOutboxMessage(linkId!, { transport: null, finalAttempt: false })).toBe("sent");
  });
});

describe("/settings/notifications", () => {
  const form = (fields: Record<string, string>) => {
    const body = new URLSearchParams(fields);
    return { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } };
  };

  it("saves kinds, quiet hours and the time zone", async () => {
    const staff = await createStaff("csm");
    const request = await signedInRequest(
      staff.id,
      "http://localhost/settings/notifications",
      form({
        channel_task_due: "app_email",
        channel_community: "app",
        channel_task_assigned: "email",
        channel_case_study_review: "off",
        digest: "on",
        quietHours: "on",
        quietStart: "21:30",
        quietEnd: "07:00",
        timeZone: "Europe/Berlin",
      }),
    );
    const response = await action({ request, params: {}, context });
    expect((response as Response).status).toBe(302);
    const prefs = await getNotificationPreferences(staff.id);
    expect(prefs.email).toMatchObject({
      reminders: true,
      champion: false,
      community: false,
      digest: true,
      task_assigned: true,
      case_study_review: false,
    });
    expect(prefs.channels).toEqual({
      task_assigned: "email",
      task_comment: "app",
      task_due: "app_email",
      signoff_waiting: "app",
      ask_waiting: "app",
      case_study_review: "off",
      community: "app",
    });
    expect(prefs.quietHours).toEqual({ startMinute: 21 * 60 + 30, endMinute: 7 * 60 });
    expect(prefs.timeZone).toBe("Europe/Berlin");
    const page = await loader({
      request: await signedInRequest(staff.id, "http://localhost/settings/notifications"),
      params: {},
      context,
    });
    expect(page.quietHours).toEqual({ start: "21:30", end: "07:00" });
    expect(page.channels.task_assigned).toBe("email");
  });

  it("refuses quiet hours that aren't times, or that start and end together, and changes nothing", async () => {
    const someone = await person();
    for (const [fields, field, message] of [
      [{ quietStart: "25:00", quietEnd: "08:00" }, "quietStart", "settings:notifications.errors.time"],
      [{ quietStart: "8pm", quietEnd: "08:00" }, "quietStart", "settings:notifications.errors.time"],
      [{ quietStart: "08:00", quietEnd: "08:00" }, "quietEnd", "settings:notifications.errors.sameTimes"],
      [
        { quietStart: "20:00", quietEnd: "08:00", timeZone: "Mars/Olympus" },
        "timeZone",
        "settings:notifications.errors.timeZone",
      ],
    ] as const) {
      const request = await signedInRequest(
        someone.id,
        "http://localhost/settings/notifications",
        form({ reminders: "on", quietHours: "on", timeZone: "UTC", ...fields }),
      );
      const answer = (await action({ request, params: {}, context })) as unknown as {
        init: { status: number };
        data: { form: { error: Record<string, string[]> } };
      };
      expect(answer.init.status).toBe(400);
      expect(answer.data.form.error[field]).toEqual([message]);
    }
    const prefs = await getNotificationPreferences(someone.id);
    expect(prefs.email).toMatchObject(ALL_ON);
    expect(prefs.quietHours).toBeNull();
  });

  it("refuses a channel a kind doesn't offer (community mail only in the digest), and changes nothing", async () => {
    const someone = await person();
    const request = await signedInRequest(
      someone.id,
      "http://localhost/settings/notifications",
      form({ channel_community: "digest", channel_task_assigned: "off", timeZone: "UTC" }),
    );
    const answer = (await action({ request, params: {}, context })) as unknown as {
      init: { status: number };
      data: { form: { error: Record<string, string[]> } };
    };
    expect(answer.init.status).toBe(400);
    expect(answer.data.form.error.channel_community).toEqual(["settings:notifications.errors.channel"]);
    expect((await getNotificationPreferences(someone.id)).channels.task_assigned).toBe("app");
  });

  it("quiet hours off ignores the times", async () => {
    const someone = await person();
    const request = await signedInRequest(
      someone.id,
      "http://localhost/settings/notifications",
      form({ reminders: "on", quietStart: "nonsense", timeZone: "UTC" }),
    );
    expect(((await action({ request, params: {}, context })) as Response).status).toBe(302);
    expect((await getNotificationPreferences(someone.id)).quietHours).toBeNull();
  });
});
