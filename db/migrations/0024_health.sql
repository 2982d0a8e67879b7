CREATE TYPE "public"."health_grade" AS ENUM('red', 'yellow', 'green');--> statement-breakpoint
CREATE TYPE "public"."health_touch_kind" AS ENUM('call', 'meeting', 'email', 'qbr', 'executive_sponsor');--> statement-breakpoint
CREATE TABLE "health_models" (
	"id" text PRIMARY KEY NOT NULL,
	"segment_id" text,
	"version" integer NOT NULL,
	"weights" jsonb NOT NULL,
	"red_below" integer DEFAULT 50 NOT NULL,
	"green_from" integer DEFAULT 75 NOT NULL,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_models_thresholds" CHECK (0 < "health_models"."red_below" and "health_models"."red_below" < "health_models"."green_from" and "health_models"."green_from" <= 100)
);
--> statement-breakpoint
CREATE TABLE "health_pulses" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"author_id" text NOT NULL,
	"grade" "health_grade" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_snapshots" (
	"account_id" text NOT NULL,
	"day" date NOT NULL,
	"model_id" text NOT NULL,
	"model_version" integer NOT NULL,
	"overall" integer,
	"grade" "health_grade",
	"coverage" jsonb NOT NULL,
	"measures" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_snapshots_account_id_day_pk" PRIMARY KEY("account_id","day"),
	CONSTRAINT "health_snapshots_overall_range" CHECK ("health_snapshots"."overall" is null or "health_snapshots"."overall" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "health_touches" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"author_id" text NOT NULL,
	"kind" "health_touch_kind" NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "health_models" ADD CONSTRAINT "health_models_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_models" ADD CONSTRAINT "health_models_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_pulses" ADD CONSTRAINT "health_pulses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_pulses" ADD CONSTRAINT "health_pulses_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_snapshots" ADD CONSTRAINT "health_snapshots_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_snapshots" ADD CONSTRAINT "health_snapshots_model_id_health_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."health_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_touches" ADD CONSTRAINT "health_touches_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_touches" ADD CONSTRAINT "health_touches_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "health_models_segment_version_idx" ON "health_models" USING btree (coalesce("segment_id", ''),"version");--> statement-breakpoint
CREATE INDEX "health_pulses_account_idx" ON "health_pulses" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "health_touches_account_idx" ON "health_touches" USING btree ("account_id","occurred_on");