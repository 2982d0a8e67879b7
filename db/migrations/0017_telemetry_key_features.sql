CREATE TABLE "telemetry_daily_key_features" (
	"account_id" text NOT NULL,
	"key_feature_id" text NOT NULL,
	"day" date NOT NULL,
	"product_user_id" text DEFAULT '' NOT NULL,
	"events" integer NOT NULL,
	CONSTRAINT "telemetry_daily_key_features_account_id_key_feature_id_day_product_user_id_pk" PRIMARY KEY("account_id","key_feature_id","day","product_user_id")
);
--> statement-breakpoint
CREATE TABLE "telemetry_key_features" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"event" text NOT NULL,
	"property_key" text,
	"property_value" text,
	"segment_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "telemetry_key_features_filter_whole" CHECK (("telemetry_key_features"."property_key" is null) = ("telemetry_key_features"."property_value" is null))
);
--> statement-breakpoint
ALTER TABLE "telemetry_daily_key_features" ADD CONSTRAINT "telemetry_daily_key_features_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_daily_key_features" ADD CONSTRAINT "telemetry_daily_key_features_key_feature_id_telemetry_key_features_id_fk" FOREIGN KEY ("key_feature_id") REFERENCES "public"."telemetry_key_features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_key_features" ADD CONSTRAINT "telemetry_key_features_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telemetry_daily_key_features_feature_idx" ON "telemetry_daily_key_features" USING btree ("key_feature_id");--> statement-breakpoint
CREATE UNIQUE INDEX "telemetry_key_features_name_idx" ON "telemetry_key_features" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "telemetry_key_features_definition_idx" ON "telemetry_key_features" USING btree ("event",coalesce("property_key", ''),coalesce("property_value", ''),coalesce("segment_id", ''));