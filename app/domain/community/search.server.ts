import { sql, type SQL } from "drizzle-orm";
import { db } from "~db/client.server";
import type { Actor } from "~/domain/auth/actor";
import { cjkHeadline, cjkSimilarTerms, cjkTerms, containsPattern, hasCjk } from "./cjk-search";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, highlightSnippet, similarQuery } from "./rules";
import type { SearchInput } from "./schemas";

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

type TopicRow = {
  id: string;
  kind: "question" | "discussion" | "article";
  title: string;
  tags: string[];
  pinned: boolean;
  locked: boolean;
  status: "visible" | "pending" | "hidden";
  answered: boolean;
  replies: number;
  votes: number;
  space_name: string;
  space_slug: string;
  author_name: string;
  author_is_team: boolean;
  last_activity_at: Date;
  headline: string | null;
};

/** Words in CJK scripts aren't segmented by the english parser: match each run as a substring. */
function cjkMatch(terms: string[]) {
  const patterns = terms.map(containsPattern);
  const all = (column: SQL) =>
    sql.join(
      patterns.map((pattern) => sql`${column} ilike ${pattern}`),
      sql` and `,
    );
  const inTopic = sql.join(
    patterns.map((pattern) => sql`(t.title ilike ${pattern} or t.body ilike ${pattern})`),
    sql` and `,
  );
  // Title matches weigh most, then body, then a reply (0.6 of a topic match, as on the english path).
  const score = (column: SQL) =>
    sql.join(
      patterns.map((pattern) => sql`(${column} ilike ${pattern})::int`),
      sql` + `,
    );
  const rank = sql`case when ${inTopic} then (${score(sql`t.title`)}) * 1.0 + (${score(sql`t.body`)}) * 0.4
                        else coalesce(best.rank, 0) * 0.6 end`;
  const bestReply = sql`left join lateral (
      select r.body, 0.4 * ${terms.length} as rank from community_replies r
       where r.topic_id = t.id and r.status = 'visible' and ${all(sql`r.body`)}
       order by r.created_at limit 1) best on true`;
  return { inTopic, rank, bestReply };
}

/**
 * Topics for the community's list: visible topics (and the person's own pending ones), filtered
 * by space, tag and answered/unanswered. With a query, full-text search over topics and their
 * visible replies, ranked (title > body > replies) with a highlighted snippet; the query goes
 * through websearch_to_tsquery, so quotes, operators and stray symbols never cause an error. A
 * query with Chinese, Japanese or Korean characters is matched by substring instead (cjk-search.ts).
 * Without one, pinned first, then the most recently active.
 */
export async function listTopics(actor: Actor, filters: SearchInput, limit = 40) {
  const where: SQL[] = [sql`(t.status = 'visible' or (t.status = 'pending' and t.author_id = ${actor.id}))`];
  if (filters.space) where.push(sql`s.slug = ${filters.space}`);
  if (filters.tag) where.push(sql`${filters.tag} = any(t.tags)`);
  const answered = sql`(t.accepted_reply_id is not null or exists (select 1 from community_replies o where o.topic_id = t.id and o.official and o.status = 'visible'))`;
  if (filters.status === "answered") where.push(sql`t.kind = 'question' and ${answered}`);
  if (filters.status === "unanswered") where.push(sql`t.kind = 'question' and not ${answered}`);

  // PostgreSQL refuses NUL in text; dropping it keeps a pasted control character from becoming a 500.
  const q = filters.q.replaceAll("\u0000", "").trim();
  const terms = hasCjk(q) ? cjkTerms(q) : [];
  const cjk = terms.length > 0 ? cjkMatch(terms) : null;
  const searching = q.length > 0;
  const query = sql`websearch_to_tsquery('english', ${q})`;
  if (cjk) where.push(sql`(${cjk.inTopic} or best.body is not null)`);
  else if (searching) where.push(sql`(t.search @@ ${query} or best.body is not null)`);

  const rows = await db.execute<TopicRow & { rank: number }>(sql`
    select t.id, t.kind, t.title, t.tags, t.pinned, t.locked, t.status, t.last_activity_at,
           ${answered} as answered,
           (select count(*)::int from community_replies r where r.topic_id = t.id and r.status = 'visible') as replies,
           (select count(*)::int from community_votes v where v.post_id = t.id) as votes,
           s.name as space_name, s.slug as space_slug,
           coalesce(p.display_name, split_part(u.name, ' ', 1)) as author_name,
           u.staff_role is not null as author_is_team,
           ${
             cjk
               ? sql`${cjk.rank} as rank, case when ${cjk.inTopic} then t.body else best.body end as headline`
               : searching
                 ? sql`greatest(ts_rank(t.search, ${query}), coalesce(best.rank, 0) * 0.6) as rank,
                     case when t.search @@ ${query} then ts_headline('english', t.body, ${query}, ${HEADLINE_OPTIONS})
                          else ts_headline('english', best.body, ${query}, ${HEADLINE_OPTIONS}) end as headline`
                 : sql`0 as rank, null as headline`
           }
      from community_topics t
      join community_spaces s on s.id = t.space_id
      join users u on u.id = t.author_id
      left join community_profiles p on p.user_id = u.id
      ${
        cjk
          ? cjk.bestReply
          : searching
            ? sql`left join lateral (
              select r.body, ts_rank(r.search, ${query}) as rank from community_replies r
               where r.topic_id = t.id and r.status = 'visible' and r.search @@ ${query}
               order by rank desc limit 1) best on true`
            : sql``
      }
     where ${sql.join(where, sql` and `)}
     order by ${searching ? sql`rank desc, t.last_activity_at desc` : sql`t.pinned desc, t.last_activity_at desc`}
     limit ${limit}`);

  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    tags: row.tags,
    pinned: row.pinned,
    locked: row.locked,
    pending: row.status === "pending",
    answered: row.answered,
    replies: Number(row.replies),
    votes: Number(row.votes),
    space: { name: row.space_name, slug: row.space_slug },
    author: { name: row.author_name, isTeam: row.author_is_team },
    lastActivityAt: new Date(row.last_activity_at).toISOString(),
    snippetHtml: row.headline ? highlightSnippet(cjk ? cjkHeadline(row.headline, terms) : row.headline) : null,
  }));
}

/** Visible questions and discussions whose titles share words with a title being typed. */
export async function similarTopics(title: string, limit = 5) {
  if (hasCjk(title)) return similarCjkTopics(title, limit);
  const query = similarQuery(title);
  if (!query) return [];
  const rows = await db.execute<{ id: string; title: string; answered: boolean }>(sql`
    select t.id, t.title, t.accepted_reply_id is not null as answered
      from community_topics t, to_tsquery('english', ${query}) q
     where t.status = 'visible' and t.search @@ q
     order by ts_rank(setweight(to_tsvector('english', t.title), 'A'), q) desc, ts_rank(t.search, q) desc
     limit ${limit}`);
  return rows.map((row) => ({ id: row.id, title: row.title, answered: row.answered }));
}

/** Titles sharing the most character pairs (or other words) with a CJK title being typed. */
async function similarCjkTopics(title: string, limit: number) {
  const patterns = cjkSimilarTerms(title).map(containsPattern);
  if (patterns.length === 0) return [];
  const shared = sql.join(
    patterns.map((pattern) => sql`(t.title ilike ${pattern})::int`),
    sql` + `,
  );
  const rows = await db.execute<{ id: string; title: string; answered: boolean }>(sql`
    select t.id, t.title, t.accepted_reply_id is not null as answered
      from community_topics t
     where t.status = 'visible'
       and (${sql.join(
         patterns.map((pattern) => sql`t.title ilike ${pattern}`),
         sql` or `,
       )})
     order by ${shared} desc, t.last_activity_at desc
     limit ${limit}`);
  return rows.map((row) => ({ id: row.id, title: row.title, answered: row.answered }));
}

/** Distinct tags in use, most used first, for the tag filter. */
export async function listTags(limit = 30) {
  const rows = await db.execute<{ tag: string }>(sql`
    select tag from community_topics, unnest(tags) as tag where status = 'visible'
     group by tag order by count(*) desc, tag limit ${limit}`);
  return rows.map((row) => row.tag);
}
