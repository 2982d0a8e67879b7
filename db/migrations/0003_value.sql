CREATE TYPE "public"."metric_direction" AS ENUM('up', 'down');--> statement-breakpoint
CREATE TYPE "public"."value_period" AS ENUM('week', 'month', 'quarter', 'year');--> statement-breakpoint
CREATE TABLE "measurements" (
	"id" text PRIMARY KEY NOT NULL,
	"metric_id" text NOT NULL,
	"account_id" text NOT NULL,
	"measured_on" date NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "value_metrics" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"account_id" text NOT NULL,
	"outcome_id" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"direction" "metric_direction" NOT NULL,
	"baseline" numeric(18, 4) NOT NULL,
	"target" numeric(18, 4) NOT NULL,
	"money_per_unit" numeric(18, 4),
	"value_period" "value_period",
	"position" integer DEFAULT 0 NOT NULL,
	"created_by_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "value_metrics_money_has_period" CHECK (("value_metrics"."money_per_unit" is null) = ("value_metrics"."value_period" is null)),
	CONSTRAINT "value_metrics_money_not_negative" CHECK ("value_metrics"."money_per_unit" is null or "value_metrics"."money_per_unit" >= 0)
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "annual_cost" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "currency" text DEFAULT 'USD' NOT NULL;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_metric_id_value_metrics_id_fk" FOREIGN KEY ("metric_id") REFERENCES "public"."value_metrics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_metrics" ADD CONSTRAINT "value_metrics_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_metrics" ADD CONSTRAINT "value_metrics_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_metrics" ADD CONSTRAINT "value_metrics_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_metrics" ADD CONSTRAINT "value_metrics_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measurements_metric_idx" ON "measurements" USING btree ("metric_id","measured_on");--> statement-breakpoint
CREATE INDEX "measurements_account_idx" ON "measurements" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "measurements_recorded_by_idx" ON "measurements" USING btree ("recorded_by_id");--> statement-breakpoint
CREATE INDEX "value_metrics_plan_idx" ON "value_metrics" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "value_metrics_account_idx" ON "value_metrics" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "value_metrics_outcome_idx" ON "value_metrics" USING btree ("outcome_id");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_cost_not_negative" CHECK ("accounts"."annual_cost" is null or "accounts"."annual_cost" >= 0);