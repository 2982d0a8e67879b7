CREATE TABLE "plan_status_rollups" (
	"account_id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"milestones" integer NOT NULL,
	"achieved" integer NOT NULL,
	"first_open_target" date,
	"first_open_work_target" date
);
--> statement-breakpoint
ALTER TABLE "plan_status_rollups" ADD CONSTRAINT "plan_status_rollups_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_status_rollups" ADD CONSTRAINT "plan_status_rollups_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_name_trgm_idx" ON "accounts" USING gin ("name" gin_trgm_ops);