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
 */
export async function sendMail(mail: Mail): Promise<void> {
  if (smtpUrl) {
    transport ??= nodemailer.createTransport(smtpUrl);
    await transport.sendMail({ from: mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
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
