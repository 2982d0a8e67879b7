CREATE TABLE "telemetry_daily_accounts" (
	"account_id" text NOT NULL,
	"day" date NOT NULL,
	"events" integer NOT NULL,
	CONSTRAINT "telemetry_daily_accounts_account_id_day_pk" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
CREATE TABLE "telemetry_daily_events" (
	"account_id" text NOT NULL,
	"day" date NOT NULL,
	"event" text NOT NULL,
	"product_user_id" text DEFAULT '' NOT NULL,
	"events" integer NOT NULL,
	CONSTRAINT "telemetry_daily_events_account_id_day_event_product_user_id_pk" PRIMARY KEY("account_id","day","event","product_user_id")
);
--> statement-breakpoint
CREATE TABLE "telemetry_daily_users" (
	"account_id" text NOT NULL,
	"product_user_id" text NOT NULL,
	"day" date NOT NULL,
	"events" integer NOT NULL,
	CONSTRAINT "telemetry_daily_users_account_id_day_product_user_id_pk" PRIMARY KEY("account_id","day","product_user_id")
);
--> statement-breakpoint
CREATE TABLE "telemetry_message_ids" (
	"write_key_id" text NOT NULL,
	"message_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "telemetry_message_ids_write_key_id_message_id_pk" PRIMARY KEY("write_key_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "telemetry_product_users" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text,
	"external_id" text NOT NULL,
	"group_id" text,
	"grouped_at" timestamp with time zone,
	"email" text,
	"name" text,
	"person_id" text,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telemetry_write_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "telemetry_daily_accounts" ADD CONSTRAINT "telemetry_daily_accounts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_daily_events" ADD CONSTRAINT "telemetry_daily_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_daily_users" ADD CONSTRAINT "telemetry_daily_users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_daily_users" ADD CONSTRAINT "telemetry_daily_users_product_user_id_telemetry_product_users_id_fk" FOREIGN KEY ("product_user_id") REFERENCES "public"."telemetry_product_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_message_ids" ADD CONSTRAINT "telemetry_message_ids_write_key_id_telemetry_write_keys_id_fk" FOREIGN KEY ("write_key_id") REFERENCES "public"."telemetry_write_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_product_users" ADD CONSTRAINT "telemetry_product_users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_product_users" ADD CONSTRAINT "telemetry_product_users_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_write_keys" ADD CONSTRAINT "telemetry_write_keys_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telemetry_daily_events_event_idx" ON "telemetry_daily_events" USING btree ("account_id","event","day");--> statement-breakpoint
CREATE INDEX "telemetry_daily_users_user_idx" ON "telemetry_daily_users" USING btree ("product_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "telemetry_product_users_external_idx" ON "telemetry_product_users" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "telemetry_product_users_account_idx" ON "telemetry_product_users" USING btree ("account_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "telemetry_product_users_group_idx" ON "telemetry_product_users" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "telemetry_product_users_person_idx" ON "telemetry_product_users" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "telemetry_write_keys_hash_idx" ON "telemetry_write_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "telemetry_write_keys_created_by_idx" ON "telemetry_write_keys" USING btree ("created_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_external_id_idx" ON "accounts" USING btree ("external_id");