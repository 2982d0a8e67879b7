CREATE TYPE "public"."revenue_forecast_call" AS ENUM('commit', 'likely', 'at_risk', 'will_churn');--> statement-breakpoint
CREATE TYPE "public"."revenue_ledger_kind" AS ENUM('new', 'renewal', 'expansion', 'contraction', 'churn');--> statement-breakpoint
CREATE TABLE "revenue_ledger_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"subscription_id" text NOT NULL,
	"kind" "revenue_ledger_kind" NOT NULL,
	"effective_on" date NOT NULL,
	"arr_delta" numeric(14, 2) NOT NULL,
	"arr_after" numeric(14, 2) NOT NULL,
	"currency" text NOT NULL,
	"churn_reason" text,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_id" text,
	"sequence" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "revenue_ledger_arr_after_not_negative" CHECK ("revenue_ledger_entries"."arr_after" >= 0),
	CONSTRAINT "revenue_ledger_delta_sign" CHECK (("revenue_ledger_entries"."kind" = 'new' and "revenue_ledger_entries"."arr_delta" >= 0)
       or ("revenue_ledger_entries"."kind" = 'expansion' and "revenue_ledger_entries"."arr_delta" > 0)
       or ("revenue_ledger_entries"."kind" in ('contraction', 'churn') and "revenue_ledger_entries"."arr_delta" < 0)
       or ("revenue_ledger_entries"."kind" = 'renewal'))
);
--> statement-breakpoint
CREATE TABLE "revenue_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"plan_name" text DEFAULT '' NOT NULL,
	"currency" text NOT NULL,
	"term_months" integer DEFAULT 12 NOT NULL,
	"start_date" date NOT NULL,
	"renewal_date" date NOT NULL,
	"arr" numeric(14, 2) DEFAULT 0 NOT NULL,
	"churned_on" date,
	"forecast" "revenue_forecast_call",
	"forecast_note" text DEFAULT '' NOT NULL,
	"forecast_by_id" text,
	"forecast_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "revenue_subscriptions_arr_not_negative" CHECK ("revenue_subscriptions"."arr" >= 0),
	CONSTRAINT "revenue_subscriptions_term" CHECK ("revenue_subscriptions"."term_months" between 1 and 120),
	CONSTRAINT "revenue_subscriptions_dates" CHECK ("revenue_subscriptions"."renewal_date" > "revenue_subscriptions"."start_date")
);
--> statement-breakpoint
ALTER TABLE "accounts" DROP CONSTRAINT "accounts_cost_not_negative";--> statement-breakpoint
ALTER TABLE "revenue_ledger_entries" ADD CONSTRAINT "revenue_ledger_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_ledger_entries" ADD CONSTRAINT "revenue_ledger_entries_subscription_id_revenue_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."revenue_subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_ledger_entries" ADD CONSTRAINT "revenue_ledger_entries_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_subscriptions" ADD CONSTRAINT "revenue_subscriptions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_subscriptions" ADD CONSTRAINT "revenue_subscriptions_forecast_by_id_users_id_fk" FOREIGN KEY ("forecast_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "revenue_ledger_account_sequence_idx" ON "revenue_ledger_entries" USING btree ("account_id","sequence");--> statement-breakpoint
CREATE INDEX "revenue_ledger_effective_idx" ON "revenue_ledger_entries" USING btree ("effective_on","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "revenue_subscriptions_account_idx" ON "revenue_subscriptions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "revenue_subscriptions_renewal_idx" ON "revenue_subscriptions" USING btree ("renewal_date","id");--> statement-breakpoint
-- The accounts' annual cost becomes a subscription and its "new" ledger entry (one number from here on).
-- The subscription started a 12-month term before the account's renewal date; the entry is dated then.
INSERT INTO "revenue_subscriptions" ("id", "account_id", "plan_name", "currency", "term_months", "start_date", "renewal_date", "arr")
SELECT translate(substr(md5(random()::text || "id"), 1, 16), '0189', 'wxyz'), "id", '', "currency", 12,
       ("renewal_date" - interval '12 months')::date, "renewal_date", "annual_cost"
FROM "accounts" WHERE "annual_cost" IS NOT NULL;--> statement-breakpoint
INSERT INTO "revenue_ledger_entries" ("id", "account_id", "subscription_id", "kind", "effective_on", "arr_delta", "arr_after", "currency", "note", "sequence")
SELECT translate(substr(md5(random()::text || s."id" || 'ledger'), 1, 16), '0189', 'wxyz'), s."account_id", s."id", 'new', s."start_date", s."arr", s."arr", s."currency", 'Migrated from the account''s annual cost', 1
FROM "revenue_subscriptions" s
WHERE NOT EXISTS (SELECT 1 FROM "revenue_ledger_entries" e WHERE e."account_id" = s."account_id");--> statement-breakpoint
ALTER TABLE "accounts" DROP COLUMN "annual_cost";