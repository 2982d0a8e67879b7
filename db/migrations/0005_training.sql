CREATE TABLE "certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"user_id" text NOT NULL,
	"account_id" text,
	"course_slug" text NOT NULL,
	"course_version" text NOT NULL,
	"course_title" text NOT NULL,
	"person_name" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lesson_progress" (
	"user_id" text NOT NULL,
	"account_id" text,
	"course_slug" text NOT NULL,
	"lesson_slug" text NOT NULL,
	"read_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_progress_user_id_course_slug_lesson_slug_pk" PRIMARY KEY("user_id","course_slug","lesson_slug")
);
--> statement-breakpoint
CREATE TABLE "practice_checks" (
	"user_id" text NOT NULL,
	"course_slug" text NOT NULL,
	"lesson_slug" text NOT NULL,
	"item_key" text NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_checks_user_id_course_slug_lesson_slug_item_key_pk" PRIMARY KEY("user_id","course_slug","lesson_slug","item_key")
);
--> statement-breakpoint
CREATE TABLE "quiz_results" (
	"user_id" text NOT NULL,
	"course_slug" text NOT NULL,
	"lesson_slug" text NOT NULL,
	"quiz_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_passed" boolean DEFAULT false NOT NULL,
	"passed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_results_user_id_course_slug_lesson_slug_quiz_id_pk" PRIMARY KEY("user_id","course_slug","lesson_slug","quiz_id")
);
--> statement-breakpoint
CREATE TABLE "task_trainees" (
	"task_id" text NOT NULL,
	"user_id" text NOT NULL,
	"account_id" text NOT NULL,
	CONSTRAINT "task_trainees_task_id_user_id_pk" PRIMARY KEY("task_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "course_slug" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_checks" ADD CONSTRAINT "practice_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_results" ADD CONSTRAINT "quiz_results_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_trainees" ADD CONSTRAINT "task_trainees_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_trainees" ADD CONSTRAINT "task_trainees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_trainees" ADD CONSTRAINT "task_trainees_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_code_idx" ON "certificates" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_once_per_version_idx" ON "certificates" USING btree ("user_id","course_slug","course_version");--> statement-breakpoint
CREATE INDEX "certificates_account_idx" ON "certificates" USING btree ("account_id","course_slug");--> statement-breakpoint
CREATE INDEX "lesson_progress_account_idx" ON "lesson_progress" USING btree ("account_id","course_slug");--> statement-breakpoint
CREATE INDEX "task_trainees_user_idx" ON "task_trainees" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "task_trainees_account_idx" ON "task_trainees" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "tasks_course_idx" ON "tasks" USING btree ("course_slug") WHERE "tasks"."course_slug" is not null;