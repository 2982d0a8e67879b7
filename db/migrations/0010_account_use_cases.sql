ALTER TABLE "accounts" ADD COLUMN "use_cases" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "accounts_use_cases_idx" ON "accounts" USING gin ("use_cases");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_use_cases_few" CHECK (cardinality("accounts"."use_cases") <= 10);