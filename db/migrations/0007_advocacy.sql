CREATE TYPE "public"."ask_signal" AS ENUM('milestone_achieved', 'plan_completed', 'nps_promoter');--> statement-breakpoint
CREATE TYPE "public"."ask_status" AS ENUM('open', 'snoozed', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."ask_type" AS ENUM('reference_call', 'case_study', 'review', 'quote', 'logo', 'speaking');--> statement-breakpoint
CREATE TYPE "public"."case_study_status" AS ENUM('draft', 'in_review', 'changes_requested', 'approved');--> statement-breakpoint
CREATE TYPE "public"."consent_scope" AS ENUM('internal', 'sales', 'public');--> statement-breakpoint
CREATE TYPE "public"."opportunity_stage" AS ENUM('identified', 'asked', 'accepted', 'in_production', 'customer_review', 'published', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."reference_request_status" AS ENUM('asked', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "advocacy_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"cooldown_days" integer DEFAULT 30 NOT NULL,
	"declined_repeat_days" integer DEFAULT 180 NOT NULL,
	"reference_calls_per_quarter" integer DEFAULT 2 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advocacy_settings_cooldown_range" CHECK ("advocacy_settings"."cooldown_days" between 0 and 365),
	CONSTRAINT "advocacy_settings_declined_range" CHECK ("advocacy_settings"."declined_repeat_days" between 0 and 730),
	CONSTRAINT "advocacy_settings_fatigue_range" CHECK ("advocacy_settings"."reference_calls_per_quarter" between 1 and 50)
);
--> statement-breakpoint
CREATE TABLE "ask_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"signal" "ask_signal" NOT NULL,
	"ask_type" "ask_type" NOT NULL,
	"review_url" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asks" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"recipient_id" text NOT NULL,
	"ask_type" "ask_type" NOT NULL,
	"signal" "ask_signal" NOT NULL,
	"event_id" text,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"review_url" text,
	"status" "ask_status" DEFAULT 'open' NOT NULL,
	"snoozed_until" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_study_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"opportunity_id" text NOT NULL,
	"account_id" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" "case_study_status" DEFAULT 'draft' NOT NULL,
	"author_id" text,
	"review_comment" text DEFAULT '' NOT NULL,
	"reviewed_by_id" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"user_id" text NOT NULL,
	"ask_id" text,
	"ask_type" "ask_type" NOT NULL,
	"uses" text[] NOT NULL,
	"scope" "consent_scope" NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "nps_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"user_id" text NOT NULL,
	"score" integer,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nps_responses_score_range" CHECK ("nps_responses"."score" is null or ("nps_responses"."score" between 0 and 10))
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"advocate_id" text,
	"ask_id" text,
	"consent_id" text,
	"ask_type" "ask_type" NOT NULL,
	"stage" "opportunity_stage" NOT NULL,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"owner_id" text,
	"due_date" date,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunity_transitions" (
	"id" text PRIMARY KEY NOT NULL,
	"opportunity_id" text NOT NULL,
	"from_stage" "opportunity_stage",
	"to_stage" "opportunity_stage" NOT NULL,
	"actor_id" text,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"advocate_id" text NOT NULL,
	"consent_id" text NOT NULL,
	"prospect_company" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"requested_by_id" text,
	"status" "reference_request_status" DEFAULT 'asked' NOT NULL,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ask_rules" ADD CONSTRAINT "ask_rules_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asks" ADD CONSTRAINT "asks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asks" ADD CONSTRAINT "asks_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asks" ADD CONSTRAINT "asks_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_versions" ADD CONSTRAINT "case_study_versions_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_versions" ADD CONSTRAINT "case_study_versions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_versions" ADD CONSTRAINT "case_study_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_versions" ADD CONSTRAINT "case_study_versions_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_ask_id_asks_id_fk" FOREIGN KEY ("ask_id") REFERENCES "public"."asks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nps_responses" ADD CONSTRAINT "nps_responses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nps_responses" ADD CONSTRAINT "nps_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_advocate_id_users_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_ask_id_asks_id_fk" FOREIGN KEY ("ask_id") REFERENCES "public"."asks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_transitions" ADD CONSTRAINT "opportunity_transitions_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_transitions" ADD CONSTRAINT "opportunity_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_requests" ADD CONSTRAINT "reference_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_requests" ADD CONSTRAINT "reference_requests_advocate_id_users_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_requests" ADD CONSTRAINT "reference_requests_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_requests" ADD CONSTRAINT "reference_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ask_rules_signal_type_idx" ON "ask_rules" USING btree ("signal","ask_type");--> statement-breakpoint
CREATE INDEX "ask_rules_created_by_idx" ON "ask_rules" USING btree ("created_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "asks_event_recipient_type_idx" ON "asks" USING btree ("event_id","recipient_id","ask_type");--> statement-breakpoint
CREATE INDEX "asks_recipient_idx" ON "asks" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "asks_account_idx" ON "asks" USING btree ("account_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "case_study_versions_opportunity_version_idx" ON "case_study_versions" USING btree ("opportunity_id","version");--> statement-breakpoint
CREATE INDEX "case_study_versions_account_idx" ON "case_study_versions" USING btree ("account_id","status");--> statement-breakpoint
CREATE INDEX "case_study_versions_author_idx" ON "case_study_versions" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "case_study_versions_reviewed_by_idx" ON "case_study_versions" USING btree ("reviewed_by_id");--> statement-breakpoint
CREATE INDEX "consents_user_idx" ON "consents" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "consents_account_idx" ON "consents" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "consents_ask_idx" ON "consents" USING btree ("ask_id");--> statement-breakpoint
CREATE INDEX "nps_responses_account_idx" ON "nps_responses" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "nps_responses_user_idx" ON "nps_responses" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "opportunities_account_idx" ON "opportunities" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "opportunities_stage_idx" ON "opportunities" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "opportunities_advocate_idx" ON "opportunities" USING btree ("advocate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_ask_idx" ON "opportunities" USING btree ("ask_id");--> statement-breakpoint
CREATE INDEX "opportunities_consent_idx" ON "opportunities" USING btree ("consent_id");--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "opportunity_transitions_opportunity_idx" ON "opportunity_transitions" USING btree ("opportunity_id","at");--> statement-breakpoint
CREATE INDEX "opportunity_transitions_actor_idx" ON "opportunity_transitions" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "reference_requests_advocate_idx" ON "reference_requests" USING btree ("advocate_id","created_at");--> statement-breakpoint
CREATE INDEX "reference_requests_account_idx" ON "reference_requests" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "reference_requests_consent_idx" ON "reference_requests" USING btree ("consent_id");--> statement-breakpoint
CREATE INDEX "reference_requests_requested_by_idx" ON "reference_requests" USING btree ("requested_by_id");