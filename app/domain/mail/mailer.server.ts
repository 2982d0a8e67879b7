import { desc } from "drizzle-orm";
import nodemailer from "nodemailer";
import { db } from "~db/client.server";
import { outboxMessages } from "~db/schema";
import { newId } from "~/lib/ids.server";
import { mailFrom, smtpUrl } from "~/lib/env.server";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transport: nodemailer.Transporter | undefined;

/**
 * Sends through SMTP when SMTP_URL is set. Otherwise the message goes to the dev outbox: printed on
 * the console and readable by admins at /outbox, so a newcomer (and the e2e tests) can follow links.
 * Call it after the transaction that caused the mail has committed.
 *
 * An SMTP server that is down or refuses the message doesn't fail the request that sent it (the
 * change that caused the mail is already committed, and a sign-in page must not answer 500): the
 * failure is logged and the message is still kept in outbox_messages.
 */
export async function sendMail(mail: Mail): Promise<void> {
  if (smtpUrl) {
    try {
      transport ??= nodemailer.createTransport(smtpUrl);
      await transport.sendMail({ from: mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
    } catch (error) {
      console.error(`Sending mail "${mail.subject}" failed; it is kept in outbox_messages but not delivered.`, error);
    }
  } else {
    console.log(`\n[outbox] To: ${mail.to}\n[outbox] Subject: ${mail.subject}\n${mail.text}\n`);
  }
  await db.insert(outboxMessages).values({ id: newId(), ...mail, transport: smtpUrl ? "smtp" : "outbox" });
}

export function isOutboxMode(): boolean {
  return !smtpUrl;
}

export async function listOutbox(limit = 100) {
  return db
    .select({
      id: outboxMessages.id,
      to: outboxMessages.to,
      subject: outboxMessages.subject,
      text: outboxMessages.text,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(limit);
}
