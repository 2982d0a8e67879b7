import { eq } from "drizzle-orm";
import type { Transaction } from "../client.server";
import {
  communityFollows,
  communityProfiles,
  communityReplies,
  communitySpaces,
  communityTopics,
  communityVotes,
  notifications,
} from "../schema";
import { defaultDisplayName, handleFromName } from "../../app/domain/community/rules";
import { recordEvent } from "../../app/domain/events/record.server";
import { newId } from "../../app/lib/ids.server";
import { MINUTE_MS, HOUR_MS } from "../../app/lib/time";

export interface DemoCommunityPerson {
  id: string;
  name: string;
  email: string;
  title: string;
  staff: boolean;
  accountId: string | null;
  /** For a name the handle can't be made of (Chinese characters): handleFromName would give "member". */
  handle?: string;
}

const SPACES = [
  {
    key: "start",
    slug: "getting-started",
    name: "Getting started",
    description: "Connecting data, first dashboards, inviting your team.",
    customersMayPost: true,
    articles: false,
    firstPostReview: false,
  },
  {
    key: "reporting",
    slug: "reporting",
    name: "Reporting",
    description: "Dashboards, scheduled reports, filters and exports.",
    customersMayPost: true,
    articles: false,
    firstPostReview: false,
  },
  {
    key: "admin",
    slug: "admin-security",
    name: "Admin & security",
    description: "SSO, roles, audit and data governance.",
    customersMayPost: true,
    articles: false,
    firstPostReview: true,
  },
  {
    key: "practices",
    slug: "best-practices",
    name: "Best practices",
    description: "Articles by the Lumen team on practices that work.",
    customersMayPost: false,
    articles: true,
    firstPostReview: false,
  },
  {
    key: "news",
    slug: "announcements",
    name: "Announcements",
    description: "Product news from Lumen Analytics. Read-only.",
    customersMayPost: false,
    articles: false,
    firstPostReview: false,
  },
] as const;

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * MINUTE_MS);
const daysAgo = (days: number, hours = 0) => minutesAgo(days * 24 * 60 + hours * 60);

/**
 * The community of the demo: five spaces, a profile per person (Priyanka shows her company, the
 * others don't), and topics between the three customers and the Lumen team — answered, unanswered,
 * an article and an announcement.
 */
export async function seedDemoCommunity(tx: Transaction, people: Record<string, DemoCommunityPerson>) {
  const spaceIds: Record<string, string> = {};
  await tx.insert(communitySpaces).values(
    SPACES.map(({ key, ...space }, index) => {
      spaceIds[key] = newId();
      return { id: spaceIds[key]!, position: (index + 1) * 10, ...space };
    }),
  );

  const handles = new Set<string>();
  await tx.insert(communityProfiles).values(
    Object.values(people).map((person) => {
      const base = person.handle ?? handleFromName(person.name);
      let handle = base;
      for (let n = 2; handles.has(handle); n += 1) handle = `${base}${n}`;
      handles.add(handle);
      return {
        userId: person.id,
        handle,
        displayName: person.staff ? person.name : defaultDisplayName(person.name),
        title: person.title,
        showCompany: person.email === "priyanka@orbitretail.example",
      };
    }),
  );

  const who = (email: string) => people[email]!.id;
  const topics: {
    key: string;
    space: string;
    author: string;
    kind: "question" | "discussion" | "article";
    title: string;
    body: string;
    tags: string[];
    pinned?: boolean;
    at: Date;
  }[] = [
    {
      key: "welcome",
      space: "news",
      author: "jordan@lumen-analytics.example",
      kind: "discussion",
      title: "Welcome to the Lumen community",
      body: "This is where Lumen customers ask, answer and share what works.\n\n- Ask in **Getting started** or **Reporting**\n- Read the team's articles in **Best practices**\n- Set how you appear in your community profile: by default others see only your display name.",
      tags: ["welcome"],
      pinned: true,
      at: daysAgo(30),
    },
    {
      key: "closeArticle",
      space: "practices",
      author: "priya@lumen-analytics.example",
      kind: "article",
      title: "Five habits of teams that close the month in two days",
      body: "Teams that close fast share a few habits:\n\n1. **One source of truth**: the warehouse, not spreadsheets.\n2. **Scheduled reports** land before the close meeting, not after.\n3. **Owners per metric**, named on the dashboard.\n4. **Variance alerts** instead of manual checks.\n5. A **15-minute review** of the close dashboard every Monday.\n\n```sql\nselect region, sum(amount) from ledger where period = current_period group by region;\n```",
      tags: ["finance", "dashboards"],
      pinned: true,
      at: daysAgo(20),
    },
    {
      key: "snowflake",
      space: "start",
      author: "tom@northwind.example",
      kind: "question",
      title: "How do we connect Snowflake with a read-only user?",
      body: "We'd like Lumen to read from our Snowflake warehouse without write access. Which grants does the Lumen user need?",
      tags: ["snowflake", "connectors"],
      at: daysAgo(6),
    },
    {
      key: "regional",
      space: "reporting",
      author: "chloe@orbitretail.example",
      kind: "question",
      title: "Scheduling a weekly report per region: one schedule or many?",
      body: "We have 14 regions. Is it better to make one scheduled report with a region filter per recipient, or one schedule per region?",
      tags: ["scheduling", "reports"],
      at: daysAgo(4),
    },
    {
      key: "defaultFilter",
      space: "reporting",
      author: "grace@helixhealth.example",
      kind: "question",
      title: "Can a dashboard filter default to the viewer's own department?",
      body: "Our quality dashboard is shared across departments. Can the department filter start on the viewer's own department?",
      tags: ["filters", "dashboards"],
      at: daysAgo(1),
    },
    {
      key: "regionRollup",
      space: "reporting",
      author: "wangfang@orbitretail.example",
      kind: "question",
      title: "门店业绩看板能否按大区汇总？",
      body: "我们在华东、华南和华北共有 60 多家门店。门店业绩看板目前按门店逐一显示，有没有办法按大区汇总，同时保留下钻到单个门店的能力？\n\n另外，大区经理只应看到自己大区的门店，这个权限应该在看板上设置，还是在数据源上设置？",
      tags: ["dashboards", "regions"],
      at: daysAgo(2),
    },
    {
      key: "storeRollout",
      space: "start",
      author: "wangfang@orbitretail.example",
      kind: "discussion",
      title: "分享：我们如何在两周内让 40 位门店经理用上自助分析",
      body: "上线后我们在华东区做了一次推广，两周内 40 位门店经理都开始每周查看看板。几点经验供参考：\n\n1. **先给一个看板**：只推一张“本周门店业绩”，不要一开始就给全部报表。\n2. **每周一早上定时发送**，邮件里直接放链接。\n3. **每个大区指定一位看板负责人**，门店有问题先找他。\n4. 完成“Dashboards in a day”课程的店长，在周会上点名表扬。\n\n大家还有什么提高使用率的好办法？",
      tags: ["adoption", "training"],
      at: daysAgo(5),
    },
    {
      key: "okta",
      space: "admin",
      author: "owen@helixhealth.example",
      kind: "discussion",
      title: "Mapping Okta groups to Lumen roles",
      body: "We map Okta groups to Lumen roles with one group per role. How do others keep this tidy as teams grow?",
      tags: ["sso", "okta"],
      at: daysAgo(3),
    },
  ];
  const topicIds: Record<string, string> = {};
  for (const topic of topics) {
    topicIds[topic.key] = newId();
    await tx.insert(communityTopics).values({
      id: topicIds[topic.key]!,
      spaceId: spaceIds[topic.space]!,
      authorId: who(topic.author),
      kind: topic.kind,
      title: topic.title,
      body: topic.body,
      tags: topic.tags,
      pinned: topic.pinned ?? false,
      createdAt: topic.at,
      updatedAt: topic.at,
      lastActivityAt: topic.at,
    });
  }

  const replies: {
    key: string;
    topic: string;
    author: string;
    body: string;
    hoursLater: number;
    official?: boolean;
  }[] = [
    {
      key: "snowflakeAnswer",
      topic: "snowflake",
      author: "priyanka@orbitretail.example",
      body: "We did this last quarter. Create a role with `USAGE` on the warehouse, database and schema, and `SELECT` on future tables:\n\n```sql\ngrant usage on warehouse reporting_wh to role lumen_reader;\ngrant select on future tables in schema analytics.public to role lumen_reader;\n```\n\nThen assign the role to the Lumen user. Nothing else is needed.",
      hoursLater: 5,
    },
    {
      key: "snowflakeCsm",
      topic: "snowflake",
      author: "marcus@lumen-analytics.example",
      body: "That's exactly right. The connector guide has the same grants, plus key-pair authentication if you prefer it to a password.",
      hoursLater: 8,
    },
    {
      key: "regionalAisha",
      topic: "regional",
      author: "aisha@northwind.example",
      body: "We use one schedule per region: each region manager can change their own time without touching the others.",
      hoursLater: 3,
    },
    {
      key: "regionalOfficial",
      topic: "regional",
      author: "sofia@lumen-analytics.example",
      body: "Both work. With more than ten regions, one schedule with **per-recipient filters** is easier to maintain: add a region once and everyone gets theirs.",
      hoursLater: 6,
      official: true,
    },
    {
      key: "oktaKenji",
      topic: "okta",
      author: "kenji@orbitretail.example",
      body: "We name groups `lumen-<role>-<department>` and review them every quarter with IT. It keeps audits quick.",
      hoursLater: 10,
    },
  ];
  const replyIds: Record<string, string> = {};
  for (const reply of replies) {
    const topic = topics.find((candidate) => candidate.key === reply.topic)!;
    const at = new Date(topic.at.getTime() + reply.hoursLater * HOUR_MS);
    replyIds[reply.key] = newId();
    await tx.insert(communityReplies).values({
      id: replyIds[reply.key]!,
      topicId: topicIds[reply.topic]!,
      authorId: who(reply.author),
      body: reply.body,
      official: reply.official ?? false,
      createdAt: at,
      updatedAt: at,
    });
    await tx.update(communityTopics).set({ lastActivityAt: at }).where(eqId(topicIds[reply.topic]!));
  }

  // Tom accepted Priyanka's answer and upvoted it; Chloe upvoted Sofia's official answer.
  await tx.update(communityTopics).set({ acceptedReplyId: replyIds.snowflakeAnswer! }).where(eqId(topicIds.snowflake!));
  await tx.insert(communityVotes).values([
    { postId: replyIds.snowflakeAnswer!, postType: "reply", userId: who("tom@northwind.example") },
    { postId: replyIds.snowflakeAnswer!, postType: "reply", userId: who("hannah@northwind.example") },
    { postId: replyIds.regionalOfficial!, postType: "reply", userId: who("chloe@orbitretail.example") },
    { postId: topicIds.closeArticle!, postType: "topic", userId: who("kenji@orbitretail.example") },
  ]);
  const priyanka = people["priyanka@orbitretail.example"]!;
  const payload = { replyId: replyIds.snowflakeAnswer!, topicId: topicIds.snowflake!, authorId: priyanka.id };
  await recordEvent(tx, {
    type: "answer.accepted",
    accountId: priyanka.accountId,
    actorId: who("tom@northwind.example"),
    subjectId: payload.replyId,
    payload,
    occurredAt: daysAgo(5),
  });
  await recordEvent(tx, {
    type: "reply.upvoted",
    accountId: priyanka.accountId,
    actorId: who("tom@northwind.example"),
    subjectId: payload.replyId,
    payload,
    occurredAt: daysAgo(5),
  });
  await recordEvent(tx, {
    type: "reply.upvoted",
    accountId: priyanka.accountId,
    actorId: who("hannah@northwind.example"),
    subjectId: payload.replyId,
    payload,
    occurredAt: daysAgo(4),
  });
  await tx.insert(notifications).values({
    id: newId(),
    userId: priyanka.id,
    type: "accepted",
    actorId: who("tom@northwind.example"),
    topicId: topicIds.snowflake!,
    replyId: payload.replyId,
    readAt: daysAgo(4),
    createdAt: daysAgo(5),
  });

  const follows = new Set<string>();
  for (const topic of topics) follows.add(`${topicIds[topic.key]}|${who(topic.author)}`);
  for (const reply of replies) follows.add(`${topicIds[reply.topic]}|${who(reply.author)}`);
  await tx
    .insert(communityFollows)
    .values([...follows].map((pair) => ({ topicId: pair.split("|")[0]!, userId: pair.split("|")[1]! })));
}

function eqId(id: string) {
  return eq(communityTopics.id, id);
}
