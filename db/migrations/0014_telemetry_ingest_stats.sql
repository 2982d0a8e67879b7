CREATE TABLE "telemetry_ingest_daily" (
	"write_key_id" text NOT NULL,
	"day" date NOT NULL,
	"verdict" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"events" integer NOT NULL,
	CONSTRAINT "telemetry_ingest_daily_write_key_id_day_verdict_reason_pk" PRIMARY KEY("write_key_id","day","verdict","reason")
);
--> statement-breakpoint
CREATE TABLE "telemetry_rejection_samples" (
	"id" text PRIMARY KEY NOT NULL,
	"write_key_id" text NOT NULL,
	"reason" text NOT NULL,
	"message_id" text,
	"payload" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "telemetry_ingest_daily" ADD CONSTRAINT "telemetry_ingest_daily_write_key_id_telemetry_write_keys_id_fk" FOREIGN KEY ("write_key_id") REFERENCES "public"."telemetry_write_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_rejection_samples" ADD CONSTRAINT "telemetry_rejection_samples_write_key_id_telemetry_write_keys_id_fk" FOREIGN KEY ("write_key_id") REFERENCES "public"."telemetry_write_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "telemetry_rejection_samples_key_idx" ON "telemetry_rejection_samples" USING btree ("write_key_id","reason","received_at");