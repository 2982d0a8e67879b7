import { and, eq, sql } from "drizzle-orm";
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
import { queueMail } from "./outbox.server";

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
export async function gatherDigests(people: readonly DuePerson[], now: Date): Promise<Map<string, DigestContent>> {
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
 * when there is something to say, queues the mail — in one transaction per person, so the row and
 * the mail commit together. The row's primary key (person, week) makes it exactly once: a second
 * worker or a re-run finds the row (or waits on the first one's insert) and sends nothing.
 */
export async function sendWeeklyDigests(now = new Date()): Promise<{ queued: number; nothingToSay: number }> {
  let queued = 0;
  let nothingToSay = 0;
  const origin = appOrigin();
  for (;;) {
    const people = await listDueDigests(now);
    if (people.length === 0) break;
    const contents = await gatherDigests(people, now);
    for (const person of people) {
      const content = contents.get(person.id)!;
      await db.transaction(async (tx) => {
        const [claimed] = await tx
          .insert(mailDigests)
          .values({ userId: person.id, accountId: person.accountId, weekStart: person.weekStart })
          .onConflictDoNothing()
          .returning({ userId: mailDigests.userId });
        if (!claimed) return;
        if (!hasSomethingToSay(content)) {
          nothingToSay += 1;
          return;
        }
        const mail = weeklyDigestMail(person.email, person.locale, { recipientId: person.id, origin, content });
        const messageId = await queueMail(tx, mail, now);
        if (!messageId) return;
        await tx
          .update(mailDigests)
          .set({ messageId })
          .where(and(eq(mailDigests.userId, person.id), eq(mailDigests.weekStart, person.weekStart)));
        await markDigestLinesSent(
          tx,
          person.id,
          content.lines.map((line) => line.id),
          person.weekStart,
        );
        queued += 1;
      });
    }
    if (people.length < BATCH) break;
  }
  return { queued, nothingToSay };
}
