CREATE TABLE "telemetry_daily_active_users" (
	"account_id" text NOT NULL,
	"day" date NOT NULL,
	"daily" integer NOT NULL,
	"weekly" integer NOT NULL,
	"monthly" integer NOT NULL,
	CONSTRAINT "telemetry_daily_active_users_account_id_day_pk" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
CREATE TABLE "telemetry_daily_event_usage" (
	"account_id" text NOT NULL,
	"event" text NOT NULL,
	"day" date NOT NULL,
	"events" integer NOT NULL,
	"monthly_users" integer NOT NULL,
	CONSTRAINT "telemetry_daily_event_usage_account_id_event_day_pk" PRIMARY KEY("account_id","event","day")
);
--> statement-breakpoint
CREATE TABLE "telemetry_daily_key_feature_usage" (
	"account_id" text NOT NULL,
	"key_feature_id" text NOT NULL,
	"day" date NOT NULL,
	"events" integer NOT NULL,
	"monthly_users" integer NOT NULL,
	CONSTRAINT "telemetry_daily_key_feature_usage_account_id_key_feature_id_day_pk" PRIMARY KEY("account_id","key_feature_id","day")
);
--> statement-breakpoint
ALTER TABLE "telemetry_daily_active_users" ADD CONSTRAINT "telemetry_daily_active_users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_daily_event_usage" ADD CONSTRAINT "telemetry_daily_event_usage_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_daily_key_feature_usage" ADD CONSTRAINT "telemetry_daily_key_feature_usage_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_daily_key_feature_usage" ADD CONSTRAINT "telemetry_daily_key_feature_usage_key_feature_id_telemetry_key_features_id_fk" FOREIGN KEY ("key_feature_id") REFERENCES "public"."telemetry_key_features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telemetry_daily_active_users_day_idx" ON "telemetry_daily_active_users" USING btree ("day");--> statement-breakpoint
CREATE INDEX "telemetry_daily_key_feature_usage_feature_idx" ON "telemetry_daily_key_feature_usage" USING btree ("key_feature_id");