CREATE TYPE "public"."api_key_scope" AS ENUM('ingest', 'read');--> statement-breakpoint
ALTER TABLE "telemetry_write_keys" ADD COLUMN "scope" "api_key_scope" DEFAULT 'ingest' NOT NULL;