import { sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { type MailKind, outboxMessages } from "~db/schema";
import { serverT } from "~/i18n";
import { enqueueMany } from "~/domain/jobs/enqueue.server";
import { QUEUES } from "~/domain/jobs/queues";
import { newId } from "~/lib/ids.server";
import { type SortPart, keysetCondition, keysetOrder } from "~/lib/keyset.server";
import { PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import { smtpUrl, vendorName } from "~/lib/env.server";
import { renderMailHtml } from "./html";
import { appOrigin } from "~/lib/http.server";
import { type MailSchedule, isOptionalKind, mailSchedules, scheduleKey } from "./preferences.server";
import { unsubscribeLink, unsubscribeSigningKey } from "./unsubscribe-token.server";

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
  const [id] = await queueMails(tx, [mail], now);
  return id ?? null;
}

/**
 * `queueMail` for many emails in a fixed number of statements (a job's batch): answers each mail's
 * outbox id, or null where the person turned its kind off. `schedules` (from `mailSchedules`) spares
 * reading the preferences again when the caller read them to decide.
 */
export async function queueMails(
  tx: Executor,
  mails: readonly Mail[],
  now = new Date(),
  schedules?: ReadonlyMap<string, MailSchedule>,
): Promise<(string | null)[]> {
  if (mails.length === 0) return [];
  const known =
    schedules ??
    (await mailSchedules(
      tx,
      mails.flatMap((mail) => (mail.recipientId ? [{ recipientId: mail.recipientId, kind: mail.kind }] : [])),
      now,
    ));
  // A person who turned this kind off gets nothing; in their quiet hours it waits, never dropped.
  const scheduleOf = (mail: Mail): MailSchedule =>
    mail.recipientId ? (known.get(scheduleKey(mail.recipientId, mail.kind)) ?? null) : { sendAfter: null };
  const needsKey = mails.some((mail) => mail.recipientId && isOptionalKind(mail.kind) && scheduleOf(mail));
  const key = needsKey ? await unsubscribeSigningKey(tx) : null;
  const rows: (typeof outboxMessages.$inferInsert)[] = [];
  const ids = mails.map((mail) => {
    const schedule = scheduleOf(mail);
    if (!schedule) return null;
    const t = serverT(mail.locale);
    const id = newId();
    // Optional mail to a known person gets their signed one-click link for this kind: in the footer,
    // at the end of the text, and as List-Unsubscribe.
    const oneClick =
      key && mail.recipientId && isOptionalKind(mail.kind)
        ? unsubscribeLink(key, appOrigin(), { userId: mail.recipientId, kind: mail.kind }, now)
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
    rows.push({
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
    return id;
  });
  if (rows.length === 0) return ids;
  await tx.insert(outboxMessages).values(rows);
  // The key keeps a message to one delivery at a time, should a retry and a stuck attempt overlap.
  await enqueueMany(
    tx,
    QUEUES.sendMail,
    rows.map((row) => ({
      data: { messageId: row.id },
      options: { singletonKey: row.id, ...(row.sendAfter ? { startAfter: row.sendAfter } : {}) },
    })),
  );
  return ids;
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
