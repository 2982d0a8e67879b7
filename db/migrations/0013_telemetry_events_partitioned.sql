-- Raw telemetry events, partitioned by month of received_at (drizzle can't declare partitioning, so
-- this table is not in db/schema). account_id is on every row, null while unmatched, so the same
-- schema can be distributed by account on Citus later.
CREATE TABLE "telemetry_events" (
	"id" uuid NOT NULL DEFAULT gen_random_uuid(),
	"received_at" timestamp with time zone NOT NULL,
	"write_key_id" text NOT NULL,
	"message_id" text NOT NULL,
	"type" text NOT NULL,
	"event" text,
	"user_id" text,
	"anonymous_id" text,
	"group_id" text,
	"account_id" text,
	"product_user_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"original_timestamp" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"properties" jsonb,
	"traits" jsonb,
	"context" jsonb
) PARTITION BY RANGE ("received_at");
--> statement-breakpoint
CREATE INDEX "telemetry_events_account_idx" ON "telemetry_events" ("account_id", "occurred_at");
--> statement-breakpoint
CREATE INDEX "telemetry_events_unmatched_idx" ON "telemetry_events" ("group_id") WHERE "account_id" IS NULL;
--> statement-breakpoint
CREATE INDEX "telemetry_events_user_idx" ON "telemetry_events" ("user_id") WHERE "account_id" IS NULL;
--> statement-breakpoint
-- Catches anything no monthly partition covers yet, so an insert never fails for want of one.
CREATE TABLE "telemetry_events_default" PARTITION OF "telemetry_events" DEFAULT;
--> statement-breakpoint
-- Makes sure the month containing p_month has its own partition and returns its name. Rows that
-- already landed in the default partition for that month are moved into it first (attaching would
-- fail otherwise). Concurrent callers are serialised by an advisory lock.
CREATE OR REPLACE FUNCTION "telemetry_ensure_partition"(p_month date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	start_at timestamptz := date_trunc('month', p_month::timestamp) AT TIME ZONE 'UTC';
	end_at timestamptz := (date_trunc('month', p_month::timestamp) + interval '1 month') AT TIME ZONE 'UTC';
	part text := 'telemetry_events_' || to_char(p_month, 'YYYY_MM');
BEGIN
	IF to_regclass(part) IS NOT NULL THEN
		RETURN part;
	END IF;
	PERFORM pg_advisory_xact_lock(hashtext(part));
	IF to_regclass(part) IS NOT NULL THEN
		RETURN part;
	END IF;
	EXECUTE format('CREATE TABLE %I (LIKE "telemetry_events" INCLUDING DEFAULTS)', part);
	EXECUTE format(
		'WITH moved AS (DELETE FROM "telemetry_events_default" WHERE received_at >= %L AND received_at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
		start_at, end_at, part);
	EXECUTE format('ALTER TABLE "telemetry_events" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, start_at, end_at);
	RETURN part;
END
$$;
