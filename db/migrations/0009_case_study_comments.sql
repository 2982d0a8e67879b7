CREATE TABLE "case_study_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"opportunity_id" text NOT NULL,
	"version_id" text NOT NULL,
	"account_id" text NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"quote" text DEFAULT '' NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_study_comments_body_length" CHECK (char_length("case_study_comments"."body") between 1 and 2000),
	CONSTRAINT "case_study_comments_quote_length" CHECK (char_length("case_study_comments"."quote") <= 500)
);
--> statement-breakpoint
ALTER TABLE "case_study_comments" ADD CONSTRAINT "case_study_comments_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_comments" ADD CONSTRAINT "case_study_comments_version_id_case_study_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."case_study_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_comments" ADD CONSTRAINT "case_study_comments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_comments" ADD CONSTRAINT "case_study_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_comments" ADD CONSTRAINT "case_study_comments_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_study_comments_opportunity_idx" ON "case_study_comments" USING btree ("opportunity_id","created_at");--> statement-breakpoint
CREATE INDEX "case_study_comments_version_idx" ON "case_study_comments" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "case_study_comments_account_idx" ON "case_study_comments" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "case_study_comments_author_idx" ON "case_study_comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "case_study_comments_resolved_by_idx" ON "case_study_comments" USING btree ("resolved_by_id");