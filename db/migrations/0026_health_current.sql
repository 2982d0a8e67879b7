CREATE TABLE "health_current" (
	"account_id" text PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"overall" integer,
	"grade" "health_grade",
	"drop_30" integer
);
--> statement-breakpoint
ALTER TABLE "health_models" ADD COLUMN "customer_measures" text[] DEFAULT '{adoption,plan,skills,engagement}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "health_current" ADD CONSTRAINT "health_current_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "health_current_worst_idx" ON "health_current" USING btree (coalesce("overall", 101),"account_id");--> statement-breakpoint
CREATE INDEX "health_current_grade_idx" ON "health_current" USING btree ("grade");--> statement-breakpoint
CREATE INDEX "health_current_drop_idx" ON "health_current" USING btree ("drop_30");