-- Chinese, Japanese and Korean aren't segmented by the english text-search parser, so community
-- search matches CJK queries by substring (ILIKE); these trigram indexes serve terms of 3+ characters.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "community_topics_title_trgm_idx" ON "community_topics" USING gin ("title" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "community_topics_body_trgm_idx" ON "community_topics" USING gin ("body" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "community_replies_body_trgm_idx" ON "community_replies" USING gin ("body" gin_trgm_ops);
