import { sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { mailDigests } from "~db/schema";
import { openAsksForPeople } from "~/domain/advocacy/asks.server";
import { planDigestInputs } from "~/domain/plans/digest-inputs.server";
import { trainingDigestInputs } from "~/domain/training/digest-inputs.server";
import { type Locale, supportedLocales } from "~/i18n/locales";
import { appOrigin } from "~/lib/http.server";
import { DEFAULT_DIGEST, type DigestContent, hasSomethingToSay } from "./digest";
import { markDigestLinesSent, pendingDigestLines } from "./digest-lines.server";
import { weeklyDigestMail } from "./messages.server";
import { type Mail, queueMails } from "./outbox.server";

/** People per round: each round is a few batched queries and one short transaction per person. */
const BATCH = 500;

interface DuePerson {
  id: string;
  email: string;
  name: string;
  locale: string;
  accountId: string;
  accountName: string;
  /** Their calendar date now, and the Monday of their week (the idempotence key). */
  today: string;
  weekStart: string;
}

/**
 * The customer people whose digest is due at `now`: it is their chosen weekday in their own time
 * zone and their chosen hour has come (a later hour of that day also counts, so a missed run or a
 * clock change that skips the hour still sends it), they want it, and no digest was decided for
 * them this week (their Monday, in their zone). Read in SQL so 10,000s of people are one query.
 */
export async function listDueDigests(now: Date, limit = BATCH): Promise<DuePerson[]> {
  const local = sql`(${now.toISOString()}::timestamptz at time zone u.time_zone)`;
  const rows = await db.execute<{
    id: string;
    email: string;
    name: string;
    locale: string;
    account_id: string;
    account_name: string;
    today: string;
    week_start: string;
  }>(sql`
    select u.id, u.email, u.name, u.locale, u.account_id, a.name as account_name,
           ${local}::date::text as today, date_trunc('week', ${local})::date::text as week_start
    from users u
    join accounts a on a.id = u.account_id
    left join notification_preferences p on p.user_id = u.id
    where u.account_id is not null and u.staff_role is null and u.deactivated_at is null
      and coalesce(p.email_digest, true)
      and extract(isodow from ${local}) = coalesce(p.digest_day, ${DEFAULT_DIGEST.day})
      and extract(hour from ${local}) >= coalesce(p.digest_hour, ${DEFAULT_DIGEST.hour})
      and not exists (
        select 1 from ${mailDigests} d where d.user_id = u.id and d.week_start = date_trunc('week', ${local})::date
      )
    order by u.id
    limit ${limit}`);
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    accountId: row.account_id,
    accountName: row.account_name,
    today: row.today,
    weekStart: row.week_start,
  }));
}

function localeOf(value: string): Locale {
  return (supportedLocales as readonly string[]).includes(value) ? (value as Locale) : "en";
}

/** Each person's digest content, from plans, training, advocacy and the lines kept for it (a fixed number of queries per batch). */
async function gatherDigests(people: readonly DuePerson[], now: Date): Promise<Map<string, DigestContent>> {
  const [planInputs, training, asks, lines] = await Promise.all([
    planDigestInputs(people.map((p) => ({ userId: p.id, accountId: p.accountId, today: p.today }))),
    trainingDigestInputs(people.map((p) => ({ userId: p.id, locale: localeOf(p.locale) }))),
    openAsksForPeople(
      people.map((p) => ({ userId: p.id, accountId: p.accountId })),
      now,
    ),
    pendingDigestLines(
      db,
      people.map((p) => p.id),
      now,
    ),
  ]);
  const result = new Map<string, DigestContent>();
  for (const person of people) {
    const plan = planInputs.get(person.id);
    result.set(person.id, {
      name: person.name,
      accountId: person.accountId,
      accountName: person.accountName,
      openTasks: plan?.openTasks ?? 0,
      overdue: plan?.overdue ?? [],
      dueThisWeek: plan?.dueThisWeek ?? [],
      plan: plan?.plan ?? null,
      training: training.get(person.id) ?? [],
      asks: asks.get(person.id) ?? [],
      lines: lines.get(person.id) ?? [],
    });
  }
  return result;
}

/**
 * The hourly digest job: for every person whose digest is due, records this week as decided and,
 * when there is something to say, queues the mail — a batch of people in one transaction, so the
 * rows and the mails commit together, in a fixed number of statements. The row's primary key
 * (person, week) makes it exactly once: a second worker or a re-run finds the rows (or waits on the
 * first one's inserts, taken in the same id order, so they never deadlock) and sends nothing.
 */
export async function sendWeeklyDigests(now = new Date()): Promise<{ queued: number; nothingToSay: number }> {
  let queued = 0;
  let nothingToSay = 0;
  const origin = appOrigin();
  for (;;) {
    const people = await listDueDigests(now);
    if (people.length === 0) break;
    const contents = await gatherDigests(people, now);
    // Worded before the transaction: a digest that can't be written is logged and left for the next run.
    const mails = new Map<string, Mail>();
    for (const person of people) {
      const content = contents.get(person.id)!;
      if (!hasSomethingToSay(content)) continue;
      try {
        mails.set(
          person.id,
          weeklyDigestMail(person.email, person.locale, { recipientId: person.id, origin, content }),
        );
      } catch (error) {
        console.error(`[digest] ${person.id}: could not write the digest`, error);
      }
    }
    const deciding = people.filter((person) => mails.has(person.id) || !hasSomethingToSay(contents.get(person.id)!));
    await db.transaction(async (tx) => {
      const claimed = new Set(
        deciding.length === 0
          ? []
          : (
              await tx
                .insert(mailDigests)
                .values(
                  deciding.map((person) => ({
                    userId: person.id,
                    accountId: person.accountId,
                    weekStart: person.weekStart,
                  })),
                )
                .onConflictDoNothing()
                .returning({ userId: mailDigests.userId })
            ).map((row) => row.userId),
      );
      const sending = deciding.filter((person) => claimed.has(person.id) && mails.has(person.id));
      nothingToSay += claimed.size - sending.length;
      const ids = await queueMails(
        tx,
        sending.map((person) => mails.get(person.id)!),
        now,
      );
      const sent = sending.flatMap((person, index) => {
        const messageId = ids[index];
        return messageId ? [{ person, messageId }] : [];
      });
      if (sent.length === 0) return;
      const rows = sent.map(({ person, messageId }) => ({
        user_id: person.id,
        week_start: person.weekStart,
        message_id: messageId,
      }));
      await tx.execute(sql`
        update ${mailDigests} d set message_id = v.message_id
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(user_id text, week_start date, message_id text)
        where d.user_id = v.user_id and d.week_start = v.week_start`);
      await markDigestLinesSent(
        tx,
        sent.flatMap(({ person }) =>
          contents.get(person.id)!.lines.map((line) => ({ lineId: line.id, weekStart: person.weekStart })),
        ),
      );
      queued += sent.length;
    });
    if (people.length < BATCH) break;
  }
  return { queued, nothingToSay };
}
