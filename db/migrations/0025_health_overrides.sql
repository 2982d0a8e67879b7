CREATE TABLE "health_overrides" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"author_id" text NOT NULL,
	"grade" "health_grade" NOT NULL,
	"reason" text NOT NULL,
	"expires_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_id" text,
	CONSTRAINT "health_overrides_reason" CHECK (length(trim("health_overrides"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "health_overrides" ADD CONSTRAINT "health_overrides_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_overrides" ADD CONSTRAINT "health_overrides_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_overrides" ADD CONSTRAINT "health_overrides_ended_by_id_users_id_fk" FOREIGN KEY ("ended_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "health_overrides_account_idx" ON "health_overrides" USING btree ("account_id","created_at");