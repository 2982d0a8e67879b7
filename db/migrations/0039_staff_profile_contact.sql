ALTER TABLE "users" ADD COLUMN "meeting_url" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_meeting_url_short" CHECK (char_length("users"."meeting_url") <= 500);