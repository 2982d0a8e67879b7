import { sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { type MailKind, outboxMessages } from "~db/schema";
import { serverT } from "~/i18n";
import { enqueue } from "~/domain/jobs/enqueue.server";
import { QUEUES } from "~/domain/jobs/queues";
import { newId } from "~/lib/ids.server";
import { type SortPart, keysetCondition, keysetOrder } from "~/lib/keyset.server";
import { PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { smtpUrl, vendorName } from "~/lib/env.server";
import { renderMailHtml } from "./html";
import { appOrigin } from "~/lib/http.server";
import { isOptionalKind, mailSchedule } from "./preferences.server";
import { unsubscribeUrl } from "./unsubscribe-token.server";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The recipient's locale: the HTML part's language and footer. */
  locale: string;
  /**
   * Only on optional mail (community notifications — see messages.server.ts): where the person
   * turns it off. Sent as `List-Unsubscribe` and linked in the footer.
   */
  unsubscribeUrl?: string;
  /** What the email is (see MAIL_KINDS): security mail ignores preferences, optional kinds follow them. */
  kind: MailKind;
  /** The person it is for, when they have an account: whose preferences and quiet hours apply. */
  recipientId?: string;
}

/**
 * Writes an email to the outbox (status `queued`) and queues the job that sends it, both inside
 * the caller's transaction: a change that rolls back leaves no mail, and one that commits can't
 * lose its mail to a crash or an SMTP outage (the job retries). Nothing is sent before commit.
 */
export async function queueMail(tx: Executor, mail: Mail, now = new Date()): Promise<string | null> {
  // A person who turned this kind off gets nothing; in their quiet hours it waits, never dropped.
  const schedule = mail.recipientId ? await mailSchedule(tx, mail.recipientId, mail.kind, now) : { sendAfter: null };
  if (!schedule) return null;
  const t = serverT(mail.locale);
  const id = newId();
  // Optional mail to a known person gets their signed one-click link for this kind: in the footer,
  // at the end of the text, and as List-Unsubscribe.
  const oneClick =
    mail.recipientId && isOptionalKind(mail.kind)
      ? await unsubscribeUrl(tx, appOrigin(), { userId: mail.recipientId, kind: mail.kind }, now)
      : undefined;
  const listUnsubscribe = oneClick ?? mail.unsubscribeUrl;
  const text = oneClick
    ? `${mail.text.trimEnd()}\n\n${t("mail:unsubscribe.textLine", { kind: t(`mail:unsubscribe.kinds.${mail.kind as "digest"}`), link: oneClick })}\n`
    : mail.text;
  const html = renderMailHtml({
    lang: mail.locale,
    subject: mail.subject,
    text: mail.text,
    vendorName,
    footer: t("mail:html.footer", { vendor: vendorName }),
    unsubscribe: listUnsubscribe
      ? { url: listUnsubscribe, label: t(oneClick ? "mail:html.unsubscribeOneClick" : "mail:html.unsubscribe") }
      : undefined,
  });
  await tx.insert(outboxMessages).values({
    id,
    to: mail.to,
    subject: mail.subject,
    text,
    html,
    unsubscribeUrl: listUnsubscribe ?? null,
    kind: mail.kind,
    recipientId: mail.recipientId ?? null,
    sendAfter: schedule.sendAfter,
    status: "queued",
  });
  // The key keeps a message to one delivery at a time, should a retry and a stuck attempt overlap.
  await enqueue(
    tx,
    QUEUES.sendMail,
    { messageId: id },
    { singletonKey: id, ...(schedule.sendAfter ? { startAfter: schedule.sendAfter } : {}) },
  );
  return id;
}

export function isOutboxMode(): boolean {
  return !smtpUrl;
}

/** The newest messages for the /outbox page, with how their delivery went. */
const OUTBOX_ORDER: SortPart[] = [
  { expr: outboxMessages.createdAt, descending: true },
  { expr: outboxMessages.id, descending: true },
];

/** One page of the outbox, newest first; the cursor keeps created_at as PostgreSQL's text (microseconds). */
export async function listOutbox(rawCursor?: string | null, pageSize = PAGE_SIZE) {
  const fingerprint = filterFingerprint({ list: "outbox" });
  const cursor = decodeCursor(rawCursor, fingerprint, OUTBOX_ORDER.length);
  const rows = await db
    .select({
      id: outboxMessages.id,
      to: outboxMessages.to,
      subject: outboxMessages.subject,
      text: outboxMessages.text,
      status: outboxMessages.status,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      createdAt: outboxMessages.createdAt,
      createdAtKey: sql<string>`${outboxMessages.createdAt}::text`,
      sentAt: outboxMessages.sentAt,
    })
    .from(outboxMessages)
    .where(keysetCondition(OUTBOX_ORDER, cursor))
    .orderBy(...keysetOrder(OUTBOX_ORDER, cursor))
    .limit(pageSize + 1);
  const { rows: shown, page } = pageFromRows(rows, {
    cursor,
    pageSize,
    fingerprint,
    keyOf: (row) => [row.createdAtKey, row.id],
  });
  return { page, messages: shown.map(({ createdAtKey: _key, ...row }) => row) };
}
