import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~db/client.server";
import { actorOf, createAccount, createCustomer, createStaff, signedInRequest } from "~db/seed/factories";
import { countJobs, listFailedJobs, retryFailedJob } from "~/domain/jobs/admin.server";
import { QUEUES } from "~/domain/jobs/queues";
import { type JobRunner, startJobRunner } from "~/domain/jobs/runner.server";
import { playbookReminderMail } from "~/domain/mail/messages.server";
import { type Mail, queueMail } from "~/domain/mail/outbox.server";
import { createInvitation } from "~/domain/people/invitations.server";
import { action as jobsAction, loader as jobsLoader } from "~/routes/jobs";
import { lastMailTo, mailsTo } from "../support/outbox";
import { thrownResponse } from "../support/responses";

/**
 * The mail job against a real SMTP server on this machine (smtp-server): what it accepts is
 * recorded; it can refuse the next attempts at MAIL FROM (a 451: "try again later") and always
 * refuses nobody-* recipients (550: no such mailbox).
 */
const received: { to: string; raw: string }[] = [];
let refuseNextAttempts = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onMailFrom(_address, _session, callback) {
    if (refuseNextAttempts > 0) {
      refuseNextAttempts -= 1;
      return callback(Object.assign(new Error("4.3.0 Mail server busy, try again later"), { responseCode: 451 }));
    }
    callback();
  },
  onRcptTo(address, _session, callback) {
    if (address.address.startsWith("nobody-")) {
      return callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      for (const rcpt of session.envelope.rcptTo)
        received.push({ to: rcpt.address, raw: Buffer.concat(chunks).toString() });
      callback();
    });
  },
});
let transport: nodemailer.Transporter;
const runners: JobRunner[] = [];
const quiet = { log: () => {}, error: () => {} };
const context = { clientIp: "127.0.0.1" };

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
});

afterEach(async () => {
  refuseNextAttempts = 0;
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

afterAll(async () => {
  transport.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function runner(options: { retryDelaySeconds?: number; retryLimit?: number } = {}) {
  const started = await startJobRunner({
    url: process.env.DATABASE_URL!,
    schedules: false,
    transport,
    pollingIntervalSeconds: 0.5,
    log: quiet,
  });
  runners.push(started);
  // Tests can't wait out the real backoff (30 s and up): retries come after a second instead.
  if (options.retryDelaySeconds !== undefined || options.retryLimit !== undefined) {
    await started.boss.updateQueue(QUEUES.sendMail, {
      retryBackoff: false,
      ...(options.retryDelaySeconds === undefined ? {} : { retryDelay: options.retryDelaySeconds }),
      ...(options.retryLimit === undefined ? {} : { retryLimit: options.retryLimit }),
    } as Parameters<typeof started.boss.updateQueue>[1]);
  }
  return started;
}

const address = (prefix = "person") => `${prefix}-${randomBytes(5).toString("hex")}@example.com`;
const mail = (to: string, extra: Partial<Mail> = {}): Mail => ({
  to,
  subject: `Hello ${to}`,
  text: `Hello,\n\nA link: https://tandem.test/x\n`,
  locale: "en",
  kind: "security",
  ...extra,
});
const receivedBy = (to: string) => received.filter((message) => message.to === to);
const until = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 20_000, interval: 100 });

async function mailJobCount() {
  const [row] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job where name = ${QUEUES.sendMail}`,
  );
  return row!.n;
}

describe("mail in the transaction of its change", () => {
  it("a change that rolls back leaves neither its mail nor its job", async () => {
    const admin = await createStaff("admin");
    const account = await createAccount({ licensedSeats: 5 });
    const email = address("rolled-back");
    const jobsBefore = await mailJobCount();
    await expect(
      db.transaction(async (tx) => {
        const result = await createInvitation(tx, {
          actor: actorOf(admin),
          email,
          target: { kind: "account", accountId: account.id, accountRole: "member" },
          origin: "http://localhost",
        });
        expect(result.ok).toBe(true);
        throw new Error("something later in the same change failed");
      }),
    ).rejects.toThrow("something later");
    expect(await mailsTo(email)).toEqual([]);
    expect(await mailJobCount()).toBe(jobsBefore);
  });

  it("a change that commits has its mail queued with an HTML part, and its job", async () => {
    const email = address("committed");
    const jobsBefore = await mailJobCount();
    await db.transaction((tx) => queueMail(tx, mail(email)));
    const message = await lastMailTo(email);
    expect(message).toMatchObject({ status: "queued", attempts: 0, sentAt: null });
    expect(message.html).toContain('<html lang="en">');
    expect(message.html).toContain('<a href="https://tandem.test/x"');
    expect(await mailJobCount()).toBe(jobsBefore + 1);
  });
});

describe("the mail job", () => {
  it("with two workers on one database, sends each email exactly once", async () => {
    await Promise.all([runner(), runner()]);
    const recipients = Array.from({ length: 12 }, () => address("twice"));
    await db.transaction(async (tx) => {
      for (const to of recipients) await queueMail(tx, mail(to));
    });
    await until(async () => {
      for (const to of recipients) expect((await lastMailTo(to)).status).toBe("sent");
    });
    for (const to of recipients) {
      expect(receivedBy(to)).toHaveLength(1);
      expect(await lastMailTo(to)).toMatchObject({ attempts: 1, transport: "smtp" });
    }
  });

  it("survives a restart: a job queued while no worker runs is sent by the next one", async () => {
    const first = await runner();
    await first.boss.offWork(QUEUES.sendMail);
    const to = address("restart");
    await db.transaction((tx) => queueMail(tx, mail(to)));
    await first.stop();
    expect((await lastMailTo(to)).status).toBe("queued");
    expect(receivedBy(to)).toHaveLength(0);

    await runner();
    await until(async () => expect((await lastMailTo(to)).status).toBe("sent"));
    expect(receivedBy(to)).toHaveLength(1);
  });

  it("retries after the SMTP server refuses (451), then sends; HTML part and List-Unsubscribe go out", async () => {
    await runner({ retryDelaySeconds: 1 });
    refuseNextAttempts = 1;
    const to = address("retry");
    await db.transaction((tx) => queueMail(tx, mail(to, { unsubscribeUrl: "https://tandem.test/community/profile" })));
    await until(async () => expect((await lastMailTo(to)).status).toBe("sent"));
    expect(await lastMailTo(to)).toMatchObject({ attempts: 2, lastError: null });
    const [delivered] = receivedBy(to);
    expect(delivered?.raw).toContain("List-Unsubscribe: <https://tandem.test/community/profile>");
    expect(delivered?.raw).toContain("Content-Type: text/html");
    expect(delivered?.raw).toContain("Content-Type: text/plain");
  });

  it("optional mail goes out with its one-click List-Unsubscribe and List-Unsubscribe-Post (RFC 8058)", async () => {
    await runner();
    const account = await createAccount();
    const person = await createCustomer(account.id, "member", { email: address("optional") });
    const reminder = playbookReminderMail(person.email, "en", {
      name: person.name,
      reason: "Send the export",
      account: account.name,
      link: "https://tandem.test/x",
      recipientId: person.id,
    });
    await db.transaction((tx) => queueMail(tx, reminder));
    await until(async () => expect((await lastMailTo(person.email)).status).toBe("sent"));
    const raw = receivedBy(person.email)[0]!.raw.replace(/\r?\n[ \t]+/g, " ");
    expect(raw).toMatch(/List-Unsubscribe: <https?:\/\/[^>]+\/unsubscribe\?token=[^>]+>/);
    expect(raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  });

  it("a refused recipient fails with the server's reason and the others are sent", async () => {
    await runner();
    const refused = address("nobody");
    const others = [address("fine"), address("fine")];
    await db.transaction(async (tx) => {
      await queueMail(tx, mail(others[0]!));
      await queueMail(tx, mail(refused));
      await queueMail(tx, mail(others[1]!));
    });
    await until(async () => {
      expect((await lastMailTo(refused)).status).toBe("failed");
      for (const to of others) expect((await lastMailTo(to)).status).toBe("sent");
    });
    const failed = await lastMailTo(refused);
    expect(failed.lastError).toContain("No such user");
    expect(failed.attempts).toBe(1);
    expect(receivedBy(refused)).toHaveLength(0);
  });

  it("marks the email failed when its retries run out; the job shows on the Jobs page and Retry sends it", async () => {
    await runner({ retryDelaySeconds: 1, retryLimit: 1 });
    refuseNextAttempts = 2;
    const to = address("exhausted");
    await db.transaction((tx) => queueMail(tx, mail(to)));
    await until(async () => expect((await lastMailTo(to)).status).toBe("failed"));
    expect((await lastMailTo(to)).lastError).toContain("try again later");

    let failedJob: Awaited<ReturnType<typeof listFailedJobs>>[number] | undefined;
    await until(async () => {
      failedJob = (await listFailedJobs()).find((job) => job.queue === QUEUES.sendMail);
      expect(failedJob?.error).toContain("try again later");
    });
    const counts = await countJobs();
    expect(counts.find((row) => row.queue === QUEUES.sendMail)?.failed).toBeGreaterThan(0);

    expect(await retryFailedJob(failedJob!.id)).toEqual({ ok: true });
    await until(async () => expect((await lastMailTo(to)).status).toBe("sent"));
    expect(receivedBy(to)).toHaveLength(1);
    // Once retried the job is no longer failed: a second retry of it changes nothing.
    expect(await retryFailedJob(failedJob!.id)).toEqual({ ok: false, error: "not_found" });
  });
});

describe("the Jobs page", () => {
  it("is the admins' only: anyone else gets 404", async () => {
    for (const role of ["csm", "marketing"] as const) {
      const request = await signedInRequest((await createStaff(role)).id, "http://localhost/jobs");
      expect((await thrownResponse(jobsLoader({ request, params: {}, context }))).status).toBe(404);
    }
    const admin = await createStaff("admin");
    const page = await jobsLoader({
      request: await signedInRequest(admin.id, "http://localhost/jobs"),
      params: {},
      context,
    });
    expect(page.counts.map((row) => row.queue)).toEqual([
      QUEUES.sendMail,
      QUEUES.overdueTasks,
      QUEUES.playbooksAdvance,
      QUEUES.weeklyDigest,
      QUEUES.telemetryRetention,
      QUEUES.healthRecompute,
      QUEUES.deadLetters,
    ]);
  });

  it("refuses to retry a forged or unknown job id with a 4xx, changing nothing", async () => {
    const admin = await createStaff("admin");
    const cases = [
      ["forged", 404],
      ["00000000-0000-4000-8000-000000000000", 404],
      ["", 400],
    ] as const;
    for (const [jobId, expected] of cases) {
      const request = await signedInRequest(admin.id, "http://localhost/jobs", {
        method: "POST",
        body: new URLSearchParams({ intent: "retry", jobId }),
      });
      const answer = await jobsAction({ request, params: {}, context });
      const status = answer instanceof Response ? answer.status : (answer as { init?: ResponseInit }).init?.status;
      expect(status).toBe(expected);
    }
  });
});
