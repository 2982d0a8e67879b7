import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { db } from "~db/client.server";
import { communitySpaces, communityTopics } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { newId } from "~/lib/ids.server";
import { canManageSpaces } from "./permissions";
import type { SpaceInput } from "./schemas";

// Built without a connection, so importing this module never needs the database.
const visibleTopics = new QueryBuilder()
  .select({ spaceId: communityTopics.spaceId, n: count().as("visible_topics") })
  .from(communityTopics)
  .where(eq(communityTopics.status, "visible"))
  .groupBy(communityTopics.spaceId)
  .as("visible_topics");

/**
 * Every space in order, with its number of visible topics. (A joined aggregate: in a correlated
 * subquery drizzle leaves column names unqualified, and `id` then meant the topic's own id.)
 */
export async function listSpaces() {
  return db
    .select({
      id: communitySpaces.id,
      slug: communitySpaces.slug,
      name: communitySpaces.name,
      description: communitySpaces.description,
      position: communitySpaces.position,
      customersMayPost: communitySpaces.customersMayPost,
      articles: communitySpaces.articles,
      firstPostReview: communitySpaces.firstPostReview,
      topicCount: sql<number>`coalesce(${visibleTopics.n}, 0)`.mapWith(Number),
    })
    .from(communitySpaces)
    .leftJoin(visibleTopics, eq(visibleTopics.spaceId, communitySpaces.id))
    .orderBy(asc(communitySpaces.position), asc(communitySpaces.name));
}

type SpaceResult = { ok: true; id: string } | { ok: false; error: "forbidden" | "slug_taken" | "not_found" };

export async function saveSpace(actor: Actor, input: SpaceInput, spaceId?: string): Promise<SpaceResult> {
  if (!canManageSpaces(actor)) return { ok: false, error: "forbidden" };
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: communitySpaces.id })
      .from(communitySpaces)
      .where(and(eq(communitySpaces.slug, input.slug), spaceId ? ne(communitySpaces.id, spaceId) : undefined));
    if (clash) return { ok: false as const, error: "slug_taken" as const };
    let id = spaceId;
    if (spaceId) {
      const [before] = await tx.select().from(communitySpaces).where(eq(communitySpaces.id, spaceId)).for("update");
      if (!before) return { ok: false as const, error: "not_found" as const };
      await tx.update(communitySpaces).set(input).where(eq(communitySpaces.id, spaceId));
      await recordActivity(tx, {
        accountId: null,
        actorId: actor.id,
        action: "community.space.updated",
        subjectType: "community_space",
        subjectId: spaceId,
        details: {
          from: { name: before.name, position: before.position },
          to: { name: input.name, position: input.position },
        },
      });
    } else {
      id = newId();
      await tx.insert(communitySpaces).values({ id, ...input });
      await recordActivity(tx, {
        accountId: null,
        actorId: actor.id,
        action: "community.space.created",
        subjectType: "community_space",
        subjectId: id,
        details: { name: input.name },
      });
    }
    return { ok: true as const, id: id! };
  });
}
