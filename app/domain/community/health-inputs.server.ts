import { inArray, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { DAY_MS } from "~/lib/time";

export interface CommunityFigures {
  hasPosted: boolean;
  questions: number;
  answers: number;
  accepted: number;
}

/**
 * What each account's people did in the community for the health score: ever posted at all, and
 * in the last 90 days their visible questions, replies and replies accepted as the answer. One query.
 */
export async function communityInputsForAccounts(
  accountIds: readonly string[],
  now = new Date(),
): Promise<Map<string, CommunityFigures>> {
  const result = new Map<string, CommunityFigures>();
  if (accountIds.length === 0) return result;
  const since = new Date(now.getTime() - 90 * DAY_MS).toISOString();
  const rows = await db.execute<{
    account_id: string;
    posted: boolean;
    questions: number;
    answers: number;
    accepted: number;
  }>(sql`
    with people as (select id, account_id from users where ${inArray(sql.raw("account_id"), [...accountIds])}),
    topics as (
      select p.account_id,
        count(*) filter (where t.kind = 'question' and t.status = 'visible' and t.created_at >= ${since}::timestamptz)::int as questions
      from community_topics t join people p on p.id = t.author_id group by p.account_id
    ),
    replies as (
      select p.account_id,
        count(*) filter (where r.status = 'visible' and r.created_at >= ${since}::timestamptz)::int as answers,
        count(*) filter (where r.status = 'visible' and r.created_at >= ${since}::timestamptz
          and exists (select 1 from community_topics a where a.accepted_reply_id = r.id))::int as accepted
      from community_replies r join people p on p.id = r.author_id group by p.account_id
    )
    select coalesce(t.account_id, r.account_id) as account_id, true as posted,
      coalesce(t.questions, 0) as questions, coalesce(r.answers, 0) as answers, coalesce(r.accepted, 0) as accepted
    from topics t full join replies r on r.account_id = t.account_id`);
  for (const row of rows) {
    result.set(row.account_id, {
      hasPosted: row.posted,
      questions: row.questions,
      answers: row.answers,
      accepted: row.accepted,
    });
  }
  return result;
}
