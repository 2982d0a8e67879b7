import { and, eq, inArray, sql } from "drizzle-orm";
import type { Transaction } from "../client.server";
import {
  activity,
  certificates,
  lessonProgress,
  practiceChecks,
  quizResults,
  taskTrainees,
  tasks,
  users,
} from "../schema";
import type { StaffActor } from "../../app/domain/auth/actor";
import { recordEvent } from "../../app/domain/events/record.server";
import type { CatalogCourse, CatalogLesson } from "../../app/domain/training/content-check";
import type { QuizKey } from "../../app/domain/training/mdx-tree";
import { completeTrainingTasks } from "../../app/domain/training/plan-link.server";
import { gradeQuiz } from "../../app/domain/training/quiz";
import { newId } from "../../app/lib/ids.server";
import { DAY_MS, HOUR_MS } from "../../app/lib/time";

/**
 * The catalog comes from `CONTENT_DIR` (the real courses for the demo, small fixture courses in the
 * end-to-end tests), so the story names courses by who they are for rather than by slug: the first
 * course for everyone, and the first course for champions only.
 */
export type DemoCourseRole = "everyone" | "champions";

export interface TrainingStory {
  email: string;
  course: DemoCourseRole;
  /**
   * "all" finishes the course (certificate, `course.completed`). A number completes that many
   * lessons — never the whole course, however short it is — and leaves the next one read with its
   * quiz failed once, as a person who stopped mid-way would.
   */
  lessons: number | "all";
  startedDaysAgo: number;
  lastDaysAgo: number;
}

/**
 * Orbit (go-live achieved) has most of its people (王芳 too) through "Getting started" and Daniel on his way;
 * Helix (mid-way, stalled) has two finished, one started and two who haven't begun; Northwind (a
 * plan three days old) has only its champion started. No account finishes a course as a whole team:
 * that is a signal for an advocacy ask, which the demo story does not tell.
 */
const TRAINING_STORIES: readonly TrainingStory[] = [
  { email: "kenji@orbitretail.example", course: "everyone", lessons: "all", startedDaysAgo: 70, lastDaysAgo: 63 },
  { email: "kenji@orbitretail.example", course: "champions", lessons: 5, startedDaysAgo: 60, lastDaysAgo: 21 },
  { email: "chloe@orbitretail.example", course: "everyone", lessons: "all", startedDaysAgo: 56, lastDaysAgo: 49 },
  { email: "priyanka@orbitretail.example", course: "everyone", lessons: "all", startedDaysAgo: 35, lastDaysAgo: 24 },
  { email: "daniel@orbitretail.example", course: "everyone", lessons: 3, startedDaysAgo: 12, lastDaysAgo: 4 },
  { email: "wangfang@orbitretail.example", course: "everyone", lessons: "all", startedDaysAgo: 30, lastDaysAgo: 26 },
  { email: "elena@helixhealth.example", course: "everyone", lessons: "all", startedDaysAgo: 40, lastDaysAgo: 33 },
  { email: "elena@helixhealth.example", course: "champions", lessons: 3, startedDaysAgo: 30, lastDaysAgo: 10 },
  { email: "raj@helixhealth.example", course: "everyone", lessons: "all", startedDaysAgo: 20, lastDaysAgo: 12 },
  { email: "grace@helixhealth.example", course: "everyone", lessons: 2, startedDaysAgo: 9, lastDaysAgo: 6 },
  { email: "hannah@northwind.example", course: "champions", lessons: 1, startedDaysAgo: 2, lastDaysAgo: 2 },
  { email: "hannah@northwind.example", course: "everyone", lessons: 1, startedDaysAgo: 1, lastDaysAgo: 1 },
];

/** Orbit's last milestone waits on one dashboard author per region finishing the course for everyone. */
const TRAINING_TASK = {
  account: "Orbit Retail",
  title: "Certify one dashboard author in every region",
  course: "everyone" as DemoCourseRole,
  trainees: ["chloe@orbitretail.example", "daniel@orbitretail.example", "priyanka@orbitretail.example"],
  linkedDaysAgo: 60,
};

function demoCourses(courses: CatalogCourse[]): Partial<Record<DemoCourseRole, CatalogCourse>> {
  const everyone = courses.find((course) => course.audience.includes("member"));
  const champions = courses.find(
    (course) => course !== everyone && course.audience.includes("champion") && !course.audience.includes("member"),
  );
  return { everyone, champions };
}

const correctAnswers = (quiz: QuizKey) => quiz.answers.filter((answer) => answer.correct).map((answer) => answer.index);

/** A plausible wrong submission (one wrong answer, or too few right ones), or null when the quiz can't be failed. */
function wrongAnswers(quiz: QuizKey): number[] | null {
  const wrong = quiz.answers.find((answer) => !answer.correct);
  const candidate = wrong ? [wrong.index] : correctAnswers(quiz).slice(0, 1);
  return candidate.length > 0 && !gradeQuiz(quiz, candidate).passed ? candidate : null;
}

interface Learner {
  id: string;
  name: string;
  accountId: string;
}

/** Lesson progress, quiz attempts and practice ticks of one story line, as learning.server.ts records them. */
function learnerRows(story: TrainingStory, learner: Learner, course: CatalogCourse, now: number, seq: number) {
  const total = course.lessons.length;
  const completed = story.lessons === "all" ? total : Math.min(story.lessons, total - 1);
  const stuck: CatalogLesson | undefined = completed < total ? course.lessons[completed] : undefined;
  const stuckQuiz = stuck?.quizzes
    .map((quiz) => ({ quiz, answers: wrongAnswers(quiz) }))
    .find((q) => q.answers !== null);
  const steps = completed + (stuckQuiz ? 1 : 0);
  // Spread evenly from the first day to the last, in the afternoon of each day, never in the future.
  const at = (step: number) => {
    const daysAgo =
      steps <= 1
        ? story.lastDaysAgo
        : story.startedDaysAgo - ((story.startedDaysAgo - story.lastDaysAgo) * step) / (steps - 1);
    return new Date(now - daysAgo * DAY_MS - (3 - (step % 3)) * HOUR_MS);
  };
  const scope = { userId: learner.id, courseSlug: course.slug };
  const progress: (typeof lessonProgress.$inferInsert)[] = [];
  const quizzes: (typeof quizResults.$inferInsert)[] = [];
  const checks: (typeof practiceChecks.$inferInsert)[] = [];
  course.lessons.slice(0, completed).forEach((lesson, index) => {
    const when = at(index);
    progress.push({
      ...scope,
      accountId: learner.accountId,
      lessonSlug: lesson.slug,
      readAt: when,
      completedAt: when,
      updatedAt: when,
    });
    for (const quiz of lesson.quizzes) {
      const feedback = gradeQuiz(quiz, correctAnswers(quiz));
      // Some people needed a second try, as real learners do.
      const attempts = (seq + index) % 4 === 1 ? 2 : 1;
      quizzes.push({
        ...scope,
        lessonSlug: lesson.slug,
        quizId: quiz.id,
        attempts,
        lastAnswers: feedback.selected,
        lastPassed: feedback.passed,
        passedAt: when,
        updatedAt: when,
      });
    }
    for (const itemKey of lesson.practiceItems)
      checks.push({ ...scope, lessonSlug: lesson.slug, itemKey, checkedAt: when });
  });
  if (stuck && stuckQuiz) {
    const when = at(completed);
    const feedback = gradeQuiz(stuckQuiz.quiz, stuckQuiz.answers!);
    progress.push({
      ...scope,
      accountId: learner.accountId,
      lessonSlug: stuck.slug,
      readAt: when,
      completedAt: null,
      updatedAt: when,
    });
    quizzes.push({
      ...scope,
      lessonSlug: stuck.slug,
      quizId: stuckQuiz.quiz.id,
      attempts: 1,
      lastAnswers: feedback.selected,
      lastPassed: false,
      passedAt: null,
      updatedAt: when,
    });
  }
  return { progress, quizzes, checks, finishedAt: completed === total && total > 0 ? at(completed - 1) : null };
}

/** Links the demo plan task to its course and trainees, as "Require a course" does (by the account's CSM). */
async function linkTrainingTask(
  tx: Transaction,
  account: { id: string; csm: StaffActor },
  course: CatalogCourse,
  people: Map<string, Learner>,
  now: number,
) {
  const [task] = await tx
    .select({ id: tasks.id, planId: tasks.planId, title: tasks.title, internal: tasks.internal })
    .from(tasks)
    .where(and(eq(tasks.accountId, account.id), eq(tasks.title, TRAINING_TASK.title)));
  if (!task) throw new Error(`Demo training: no task "${TRAINING_TASK.title}" in ${TRAINING_TASK.account}'s plan`);
  const trainees = TRAINING_TASK.trainees.map((email) => people.get(email)!);
  await tx
    .update(tasks)
    .set({ courseSlug: course.slug, version: sql`${tasks.version} + 1` })
    .where(eq(tasks.id, task.id));
  await tx
    .insert(taskTrainees)
    .values(trainees.map((person) => ({ taskId: task.id, userId: person.id, accountId: account.id })));
  await tx.insert(activity).values({
    id: newId(),
    accountId: account.id,
    actorId: account.csm.id,
    action: "task.training_required",
    subjectType: "task",
    subjectId: task.id,
    details: {
      planId: task.planId,
      title: task.title,
      course: course.title,
      trainees: trainees.length,
      ...(task.internal ? { internal: true } : {}),
    },
    createdAt: new Date(now - TRAINING_TASK.linkedDaysAgo * DAY_MS),
  });
}

/**
 * Training progress of the demo accounts' people, written as the training area records it: lesson
 * progress, quiz attempts, practice ticks, and for a finished course its certificate (random code),
 * `course.completed` event and the plan tasks that waited for it. Courses not in `courses` are left
 * out; an empty catalog seeds nothing.
 */
export async function seedDemoTraining(
  tx: Transaction,
  refs: { accounts: Record<string, { id: string; csm: StaffActor }>; courses: CatalogCourse[] },
) {
  const byRole = demoCourses(refs.courses);
  const stories = TRAINING_STORIES.filter((story) => byRole[story.course]);
  const emails = [...new Set([...stories.map((story) => story.email), ...TRAINING_TASK.trainees])];
  const rows = await tx
    .select({ id: users.id, name: users.name, email: users.email, accountId: users.accountId })
    .from(users)
    .where(inArray(users.email, emails));
  const people = new Map(rows.map((row) => [row.email, { id: row.id, name: row.name, accountId: row.accountId! }]));
  for (const email of emails) if (!people.has(email)) throw new Error(`Demo training: no person ${email}`);

  const now = Date.now();
  const taskCourse = byRole[TRAINING_TASK.course];
  if (taskCourse) await linkTrainingTask(tx, refs.accounts[TRAINING_TASK.account]!, taskCourse, people, now);

  const progress: (typeof lessonProgress.$inferInsert)[] = [];
  const quizzes: (typeof quizResults.$inferInsert)[] = [];
  const checks: (typeof practiceChecks.$inferInsert)[] = [];
  const finished: { learner: Learner; course: CatalogCourse; at: Date }[] = [];
  stories.forEach((story, seq) => {
    const learner = people.get(story.email)!;
    const course = byRole[story.course]!;
    const lines = learnerRows(story, learner, course, now, seq);
    progress.push(...lines.progress);
    quizzes.push(...lines.quizzes);
    checks.push(...lines.checks);
    if (lines.finishedAt) finished.push({ learner, course, at: lines.finishedAt });
  });
  if (progress.length > 0) await tx.insert(lessonProgress).values(progress);
  if (quizzes.length > 0) await tx.insert(quizResults).values(quizzes);
  if (checks.length > 0) await tx.insert(practiceChecks).values(checks);

  finished.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const { learner, course, at } of finished) {
    const id = newId();
    await tx.insert(certificates).values({
      id,
      code: newId(),
      userId: learner.id,
      accountId: learner.accountId,
      courseSlug: course.slug,
      courseVersion: course.version,
      courseTitle: course.title,
      personName: learner.name,
      issuedAt: at,
    });
    await recordEvent(tx, {
      type: "course.completed",
      accountId: learner.accountId,
      actorId: learner.id,
      subjectId: id,
      payload: {
        courseSlug: course.slug,
        courseVersion: course.version,
        courseTitle: course.title,
        certificateId: id,
        userId: learner.id,
      },
      occurredAt: at,
    });
    await completeTrainingTasks(tx, {
      userId: learner.id,
      accountId: learner.accountId,
      courseSlug: course.slug,
      courseTitle: course.title,
    });
  }
}
