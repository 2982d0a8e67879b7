ALTER TABLE "notification_preferences" ADD COLUMN "channels" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- The two email toggles that had an in-app side become channels: email on = "in the app and by email",
-- email off = "in the app" (what the bell showed either way). Champion and digest stay toggles.
UPDATE "notification_preferences" SET "channels" = jsonb_build_object(
  'task_due', CASE WHEN "email_reminders" THEN 'app_email' ELSE 'app' END,
  'community', CASE WHEN "email_community" THEN 'app_email' ELSE 'app' END
);
