-- Rows from before the mail job were handed to SMTP (or printed) when they were written: they are sent.
UPDATE "outbox_messages" SET "status" = 'sent', "sent_at" = "created_at", "attempts" = 1 WHERE "status" = 'queued';
