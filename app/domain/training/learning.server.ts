import { requestHealthRecompute } from "~/domain/health/triggers.server";
import { and, count, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { db, type Transaction } from "~db/client.server";
import { certificates, lessonProgress, practiceChecks, quizResults, users } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { hasEvent, recordEvent } from "~/domain/events/record.server";
import { reactToEvents } from "~/domain/events/reactions.server";
import { newId } from "~/lib/ids.server";
import type { CatalogCourse, CatalogLesson } from "./content-check";
import { explainIn } from "./localize";
import type { QuizKey } from "./mdx-tree";
import { completeTrainingTasks } from "./plan-link.server";
import { courseProgress, isLessonComplete } from "./progress";
import { type QuizFeedback, type QuizSubmissionError, gradeQuiz, parseQuizSubmission } from "./quiz";

/**
 * A person's progress through courses. Every write locks the learner's row first, so two tabs
 * completing two last lessons at once still issue exactly one certificate.
 */
const accountOf = (actor: Actor) => (actor.kind === "customer" ? actor.accountId : null);

/** Completed lesson slugs and certificates per course, for one person: the catalog and course pages. */
export async function getLearnerSummary(userId: string) {
  const [rows, certs] = await Promise.all([
    db
      .select({
        courseSlug: lessonProgress.courseSlug,
        lessonSlug: lessonProgress.lessonSlug,
        completedAt: lessonProgress.completedAt,
      })
      .from(lessonProgress)
      .where(eq(lessonProgress.userId, userId)),
    db
      .select({
        code: certificates.code,
        courseSlug: certificates.courseSlug,
        courseVersion: certificates.courseVersion,
        issuedAt: certificates.issuedAt,
      })
      .from(certificates)
      .where(eq(certificates.userId, userId)),
  ]);
  const completed = new Map<string, Set<string>>();
  const started = new Set<string>();
  for (const row of rows) {
    started.add(row.courseSlug);
    if (!row.completedAt) continue;
    if (!completed.has(row.courseSlug)) completed.set(row.courseSlug, new Set());
    completed.get(row.courseSlug)!.add(row.lessonSlug);
  }
  return {
    progressOf(course: CatalogCourse) {
      return courseProgress(course.lessons, completed.get(course.slug) ?? [], started.has(course.slug));
    },
    completedLessons(courseSlug: string): Set<string> {
      return completed.get(courseSlug) ?? new Set();
    },
    /** The newest certificate of a course, if any. */
    certificateOf(courseSlug: string) {
      return (
        certs
          .filter((c) => c.courseSlug === courseSlug)
          .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())[0] ?? null
      );
    },
  };
}

/** Whether a person has opened any lesson of any course (the "Start the course" first step): one indexed lookup. */
export async function hasStartedACourse(userId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(lessonProgress)
    .where(eq(lessonProgress.userId, userId))
    .limit(1);
  return row !== undefined;
}

/**
 * One lesson's state for its page: read, complete, quiz feedback of passed quizzes, ticked practice
 * items. `explainWith` is the quiz text of the page's language (a translation has the same ids and key).
 */
export async function getLessonState(
  userId: string,
  course: CatalogCourse,
  lesson: CatalogLesson,
  explainWith: QuizKey[] = lesson.quizzes,
) {
  const scope = (table: typeof lessonProgress | typeof quizResults | typeof practiceChecks) =>
    and(eq(table.userId, userId), eq(table.courseSlug, course.slug), eq(table.lessonSlug, lesson.slug));
  const [[progress], quizzes, checks] = await Promise.all([
    db
      .select({ readAt: lessonProgress.readAt, completedAt: lessonProgress.completedAt })
      .from(lessonProgress)
      .where(scope(lessonProgress)),
    db
      .select({ quizId: quizResults.quizId, passedAt: quizResults.passedAt })
      .from(quizResults)
      .where(scope(quizResults)),
    db.select({ itemKey: practiceChecks.itemKey }).from(practiceChecks).where(scope(practiceChecks)),
  ]);
  const passed = new Set(quizzes.filter((q) => q.passedAt).map((q) => q.quizId));
  // A passed quiz may show its whole key: the learner has earned it. Unpassed quizzes show nothing.
  const feedback: Record<string, QuizFeedback> = {};
  for (const quiz of lesson.quizzes) {
    if (passed.has(quiz.id)) {
      feedback[quiz.id] = explainIn(
        gradeQuiz(
          quiz,
          quiz.answers.filter((a) => a.correct).map((a) => a.index),
        ),
        explainWith,
      );
    }
  }
  const validItems = new Set(lesson.practiceItems);
  return {
    read: Boolean(progress?.readAt),
    completed: Boolean(progress?.completedAt),
    passedQuizzes: feedback,
    checkedItems: checks.map((c) => c.itemKey).filter((key) => validItems.has(key)),
  };
}

async function lockLearner(tx: Transaction, userId: string) {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("no key update");
}

export interface CompletionOutcome {
  lessonCompleted: boolean;
  certificateCode: string | null;
}

/** A completion and the events it recorded, for the reactions to run once the transaction has committed. */
type Settled = CompletionOutcome & { eventIds: string[] };
const nothingSettled = (lessonCompleted: boolean): Settled => ({
  lessonCompleted,
  certificateCode: null,
  eventIds: [],
});

/**
 * Records `course.completed_by_team` when every active person of the account the course is meant
 * for (its audience roles) holds this version's certificate — once per account and course version.
 * A lock per account and course makes the last two learners finishing at once take turns, so the
 * second sees the first's certificate.
 */
async function recordTeamCompletion(tx: Transaction, accountId: string, course: CatalogCourse): Promise<string | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`team-course:${accountId}:${course.slug}`}))`);
  const [counts] = await tx
    .select({ team: count(users.id), certified: count(certificates.id) })
    .from(users)
    .leftJoin(
      certificates,
      and(
        eq(certificates.userId, users.id),
        eq(certificates.courseSlug, course.slug),
        eq(certificates.courseVersion, course.version),
      ),
    )
    .where(
      and(
        eq(users.accountId, accountId),
        isNull(users.deactivatedAt),
        inArray(users.accountRole, [...course.audience]),
      ),
    );
  if (!counts || counts.team === 0 || counts.certified < counts.team) return null;
  const already = await hasEvent(tx, {
    type: "course.completed_by_team",
    accountId,
    payload: { courseSlug: course.slug, courseVersion: course.version },
  });
  if (already) return null;
  return recordEvent(tx, {
    type: "course.completed_by_team",
    accountId,
    actorId: null,
    subjectId: null,
    payload: { courseSlug: course.slug, courseVersion: course.version, courseTitle: course.title, people: counts.team },
  });
}

/**
 * After a read or a passed quiz: completes the lesson when it is read and its quizzes passed, and
 * the course when every current lesson is — issuing the certificate (once per course version),
 * recording `course.completed` and completing plan tasks that waited for it, all in this transaction.
 */
async function settleLesson(
  tx: Transaction,
  actor: Actor,
  course: CatalogCourse,
  lesson: CatalogLesson,
): Promise<Settled> {
  const [progress] = await tx
    .select({ readAt: lessonProgress.readAt, completedAt: lessonProgress.completedAt })
    .from(lessonProgress)
    .where(
      and(
        eq(lessonProgress.userId, actor.id),
        eq(lessonProgress.courseSlug, course.slug),
        eq(lessonProgress.lessonSlug, lesson.slug),
      ),
    );
  if (!progress || progress.completedAt) return nothingSettled(false);
  const passed = await tx
    .select({ quizId: quizResults.quizId })
    .from(quizResults)
    .where(
      and(
        eq(quizResults.userId, actor.id),
        eq(quizResults.courseSlug, course.slug),
        eq(quizResults.lessonSlug, lesson.slug),
        isNotNull(quizResults.passedAt),
      ),
    );
  if (
    !isLessonComplete({
      read: Boolean(progress.readAt),
      quizIds: lesson.quizzes.map((q) => q.id),
      passedQuizIds: passed.map((p) => p.quizId),
    })
  ) {
    return nothingSettled(false);
  }
  const now = new Date();
  await tx
    .update(lessonProgress)
    .set({ completedAt: now, updatedAt: now })
    .where(
      and(
        eq(lessonProgress.userId, actor.id),
        eq(lessonProgress.courseSlug, course.slug),
        eq(lessonProgress.lessonSlug, lesson.slug),
      ),
    );

  const done = await tx
    .select({ lessonSlug: lessonProgress.lessonSlug })
    .from(lessonProgress)
    .where(
      and(
        eq(lessonProgress.userId, actor.id),
        eq(lessonProgress.courseSlug, course.slug),
        isNotNull(lessonProgress.completedAt),
        inArray(
          lessonProgress.lessonSlug,
          course.lessons.map((l) => l.slug),
        ),
      ),
    );
  if (
    courseProgress(
      course.lessons,
      done.map((d) => d.lessonSlug),
    ).status !== "completed"
  )
    return nothingSettled(true);
  const issued = await issueCertificate(tx, actor, course, now);
  if (!issued) return nothingSettled(true);
  const accountId = accountOf(actor);
  const teamEventId = accountId ? await recordTeamCompletion(tx, accountId, course) : null;
  return { lessonCompleted: true, certificateCode: issued, eventIds: teamEventId ? [teamEventId] : [] };
}

/** Issues the course's certificate unless this person already holds one for this version; returns the new code. */
async function issueCertificate(
  tx: Transaction,
  actor: Actor,
  course: CatalogCourse,
  now: Date,
): Promise<string | null> {
  const [person] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
  const id = newId();
  const code = newId();
  const inserted = await tx
    .insert(certificates)
    .values({
      id,
      code,
      userId: actor.id,
      accountId: accountOf(actor),
      courseSlug: course.slug,
      courseVersion: course.version,
      courseTitle: course.title,
      personName: person?.name ?? actor.name,
      issuedAt: now,
    })
    .onConflictDoNothing({ target: [certificates.userId, certificates.courseSlug, certificates.courseVersion] })
    .returning({ id: certificates.id });
  if (inserted.length === 0) return null;
  await recordEvent(tx, {
    type: "course.completed",
    accountId: accountOf(actor),
    actorId: actor.id,
    subjectId: id,
    payload: {
      courseSlug: course.slug,
      courseVersion: course.version,
      courseTitle: course.title,
      certificateId: id,
      userId: actor.id,
    },
    occurredAt: now,
  });
  const accountId = accountOf(actor);
  if (accountId) {
    await completeTrainingTasks(tx, {
      userId: actor.id,
      accountId,
      courseSlug: course.slug,
      courseTitle: course.title,
    });
    // A certificate feeds the skills measure: the account's score is recomputed within the minute.
    await requestHealthRecompute(tx, accountId);
  }
  return code;
}

/** "Mark as read": the lesson is complete now unless a quiz in it still waits to be passed. */
export async function markLessonRead(
  actor: Actor,
  course: CatalogCourse,
  lesson: CatalogLesson,
): Promise<CompletionOutcome> {
  const { eventIds, ...outcome } = await db.transaction(async (tx) => {
    await lockLearner(tx, actor.id);
    const now = new Date();
    await tx
      .insert(lessonProgress)
      .values({
        userId: actor.id,
        accountId: accountOf(actor),
        courseSlug: course.slug,
        lessonSlug: lesson.slug,
        readAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [lessonProgress.userId, lessonProgress.courseSlug, lessonProgress.lessonSlug],
        set: { readAt: sql`coalesce(${lessonProgress.readAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now },
      });
    return settleLesson(tx, actor, course, lesson);
  });
  await reactToEvents(eventIds);
  return outcome;
}

export type QuizSubmissionResult =
  { ok: true; feedback: QuizFeedback; outcome: CompletionOutcome } | { ok: false; error: QuizSubmissionError };

/** Grades a quiz on the server and records the attempt; an unknown quiz or answer records nothing. */
export async function submitQuiz(
  actor: Actor,
  course: CatalogCourse,
  lesson: CatalogLesson,
  quizId: string,
  answers: string[],
): Promise<QuizSubmissionResult> {
  const parsed = parseQuizSubmission(lesson.quizzes, quizId, answers);
  if (!parsed.ok) return parsed;
  const feedback = gradeQuiz(parsed.quiz, parsed.selected);
  const { eventIds, ...outcome } = await db.transaction(async (tx) => {
    await lockLearner(tx, actor.id);
    const now = new Date();
    await tx
      .insert(quizResults)
      .values({
        userId: actor.id,
        courseSlug: course.slug,
        lessonSlug: lesson.slug,
        quizId,
        attempts: 1,
        lastAnswers: feedback.selected,
        lastPassed: feedback.passed,
        passedAt: feedback.passed ? now : null,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [quizResults.userId, quizResults.courseSlug, quizResults.lessonSlug, quizResults.quizId],
        set: {
          attempts: sql`${quizResults.attempts} + 1`,
          lastAnswers: feedback.selected,
          lastPassed: feedback.passed,
          passedAt: feedback.passed
            ? sql`coalesce(${quizResults.passedAt}, ${now.toISOString()}::timestamptz)`
            : sql`${quizResults.passedAt}`,
          updatedAt: now,
        },
      });
    if (!feedback.passed) return nothingSettled(false);
    return settleLesson(tx, actor, course, lesson);
  });
  await reactToEvents(eventIds);
  return { ok: true, feedback, outcome };
}

/** Ticks or unticks a practice item; false when the lesson has no such item. */
export async function setPracticeItem(
  actor: Actor,
  course: CatalogCourse,
  lesson: CatalogLesson,
  itemKey: string,
  checked: boolean,
): Promise<boolean> {
  if (!lesson.practiceItems.includes(itemKey)) return false;
  if (checked) {
    await db
      .insert(practiceChecks)
      .values({ userId: actor.id, courseSlug: course.slug, lessonSlug: lesson.slug, itemKey })
      .onConflictDoNothing();
  } else {
    await db
      .delete(practiceChecks)
      .where(
        and(
          eq(practiceChecks.userId, actor.id),
          eq(practiceChecks.courseSlug, course.slug),
          eq(practiceChecks.lessonSlug, lesson.slug),
          eq(practiceChecks.itemKey, itemKey),
        ),
      );
  }
  return true;
}
