import { eq, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "~db/client.server";
import { outboxMessages } from "~db/schema";
import { mailFrom, smtpUrl } from "~/lib/env.server";
import { isOptionalKind, getNotificationPreferences } from "./preferences.server";
import { classifyDeliveryError } from "./smtp-errors";
import { listUnsubscribeHeaders } from "./unsubscribe-headers";

let transport: Transporter | undefined;

/**
 * The SMTP transport when SMTP_URL is set; null means the dev outbox. Its timeouts stay well under
 * the mail queue's job expiry (5 minutes): a hung server must fail the attempt, not outlive it while
 * a retry sends the same email again.
 */
export function smtpTransport(): Transporter | null {
  if (!smtpUrl) return null;
  transport ??= nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return transport;
}

/** Thrown to have pg-boss retry a delivery later (with backoff); the reason is already on the row. */
class DeliveryDeferred extends Error {
  constructor(reason: string) {
    super(`Mail not delivered yet: ${reason}`);
    this.name = "DeliveryDeferred";
  }
}

/**
 * The mail job: delivers one outbox message. A message already sent is skipped, so a job run twice
 * sends nothing twice. Without a transport (no SMTP_URL) the dev outbox delivers by printing it.
 *
 * A recipient refused for good marks the message `failed` with the server's reason and the job
 * completes (trying again can't help). Anything else — SMTP down, a 4xx — records the reason and
 * throws, so pg-boss tries again with backoff; on the final attempt the message is `failed`.
 */
export async function deliverOutboxMessage(
  messageId: string,
  options: { transport: Transporter | null; finalAttempt: boolean },
): Promise<"sent" | "failed" | "skipped"> {
  const [message] = await db
    .update(outboxMessages)
    .set({ attempts: sql`${outboxMessages.attempts} + 1` })
    .where(sql`${outboxMessages.id} = ${messageId} and ${outboxMessages.status} not in ('sent', 'skipped')`)
    .returning();
  if (!message) return "skipped";

  // The preference is read again now: mail held by quiet hours (or a retry) may go out hours after
  // it was queued, and a person who turned the kind off in between must not get it.
  const kind = message.kind ?? undefined;
  if (message.recipientId && isOptionalKind(kind)) {
    const prefs = await getNotificationPreferences(message.recipientId);
    if (!prefs.email[kind]) {
      await db
        .update(outboxMessages)
        .set({ status: "skipped", lastError: `The recipient turned off ${kind} emails before it was sent.` })
        .where(eq(outboxMessages.id, messageId));
      return "skipped";
    }
  }

  try {
    if (options.transport) {
      await options.transport.sendMail({
        from: mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? undefined,
        headers: listUnsubscribeHeaders(message.unsubscribeUrl),
      });
    } else {
      console.log(`\n[outbox] To: ${message.to}\n[outbox] Subject: ${message.subject}\n${message.text}\n`);
    }
  } catch (error) {
    const failure = classifyDeliveryError(error);
    const final = failure.permanent || options.finalAttempt;
    await db
      .update(outboxMessages)
      .set({ status: final ? "failed" : "queued", lastError: failure.reason })
      .where(eq(outboxMessages.id, messageId));
    if (failure.permanent) return "failed";
    throw new DeliveryDeferred(failure.reason);
  }
  await db
    .update(outboxMessages)
    .set({ status: "sent", sentAt: new Date(), lastError: null, transport: options.transport ? "smtp" : "outbox" })
    .where(eq(outboxMessages.id, messageId));
  return "sent";
}
