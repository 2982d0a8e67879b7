import { describe, expect, it } from "vitest";
import type { QuizKey } from "~/domain/training/mdx-tree";
import {
  countsForAdoption,
  courseProgress,
  filterCourses,
  isLessonComplete,
  neighbours,
} from "~/domain/training/progress";
import { gradeQuiz, parseQuizSubmission } from "~/domain/training/quiz";

const single: QuizKey = {
  id: "q1",
  question: "Which?",
  multiple: false,
  line: 1,
  answers: [
    { index: 0, text: "A", correct: false, explanation: "not A" },
    { index: 1, text: "B", correct: true, explanation: "B it is" },
    { index: 2, text: "C", correct: false, explanation: "not C" },
  ],
};
const multiple: QuizKey = {
  ...single,
  id: "q2",
  multiple: true,
  answers: single.answers.map((a) => ({ ...a, correct: a.index !== 0 })),
};

describe("quiz submissions", () => {
  it.each([
    { quizId: "nope", answers: ["1"], error: "unknown_quiz" },
    { quizId: "q1", answers: [], error: "no_answer" },
    { quizId: "q1", answers: ["3"], error: "unknown_answer" },
    { quizId: "q1", answers: ["-1"], error: "unknown_answer" },
    { quizId: "q1", answers: ["B"], error: "unknown_answer" },
    { quizId: "q1", answers: ["0", "1"], error: "one_answer_only" },
  ])("refuses $answers for $quizId with $error", ({ quizId, answers, error }) => {
    expect(parseQuizSubmission([single, multiple], quizId, answers)).toEqual({ ok: false, error });
  });

  it("accepts several answers to a multiple-choice quiz, once each", () => {
    expect(parseQuizSubmission([single, multiple], "q2", ["2", "1", "2"])).toMatchObject({
      ok: true,
      selected: [1, 2],
    });
  });
});

describe("grading", () => {
  it("a wrong answer fails and explains only what was chosen", () => {
    expect(gradeQuiz(single, [0])).toEqual({
      quizId: "q1",
      passed: false,
      selected: [0],
      answers: [{ index: 0, correct: false, explanation: "not A" }],
    });
  });

  it("the right answer passes and reveals every explanation", () => {
    const feedback = gradeQuiz(single, [1]);
    expect(feedback.passed).toBe(true);
    expect(feedback.answers.map((a) => a.explanation)).toEqual(["not A", "B it is", "not C"]);
  });

  it("multiple choice passes only with exactly the correct set", () => {
    expect(gradeQuiz(multiple, [1]).passed).toBe(false);
    expect(gradeQuiz(multiple, [0, 1, 2]).passed).toBe(false);
    expect(gradeQuiz(multiple, [1, 2]).passed).toBe(true);
  });
});

describe("progress and completion", () => {
  it("a lesson is complete when read and every quiz in it is passed", () => {
    expect(isLessonComplete({ read: false, quizIds: [], passedQuizIds: [] })).toBe(false);
    expect(isLessonComplete({ read: true, quizIds: [], passedQuizIds: [] })).toBe(true);
    expect(isLessonComplete({ read: true, quizIds: ["a", "b"], passedQuizIds: ["a"] })).toBe(false);
    expect(isLessonComplete({ read: true, quizIds: ["a", "b"], passedQuizIds: ["b", "a"] })).toBe(true);
    expect(isLessonComplete({ read: false, quizIds: ["a"], passedQuizIds: ["a"] })).toBe(false);
  });

  const lessons = [{ slug: "one" }, { slug: "two" }, { slug: "three" }];
  it("continues at the first lesson not yet complete", () => {
    expect(courseProgress(lessons, [])).toEqual({
      completed: 0,
      total: 3,
      fraction: 0,
      status: "not_started",
      nextLessonSlug: "one",
    });
    expect(courseProgress(lessons, [], true).status).toBe("in_progress");
    expect(courseProgress(lessons, ["one", "three"])).toMatchObject({
      completed: 2,
      status: "in_progress",
      nextLessonSlug: "two",
    });
  });

  it("a course is complete when all its current lessons are; removed lessons don't count", () => {
    expect(courseProgress(lessons, ["one", "two", "three"])).toMatchObject({
      status: "completed",
      fraction: 1,
      nextLessonSlug: null,
    });
    expect(courseProgress(lessons, ["one", "two", "gone"])).toMatchObject({ completed: 2, status: "in_progress" });
  });

  it("previous and next lessons", () => {
    expect(neighbours(lessons, "one")).toEqual({ previous: null, next: { slug: "two" } });
    expect(neighbours(lessons, "three")).toEqual({ previous: { slug: "two" }, next: null });
  });
});

describe("catalog filter", () => {
  const courses = [
    { slug: "a", audience: ["member" as const, "champion" as const], lessons: [{ stage: "knowledge" as const }] },
    {
      slug: "b",
      audience: ["champion" as const],
      lessons: [{ stage: "desire" as const }, { stage: "ability" as const }],
    },
  ];
  it("by role and by change stage", () => {
    expect(filterCourses(courses, { role: "member", stage: null }).map((c) => c.slug)).toEqual(["a"]);
    expect(filterCourses(courses, { role: "champion", stage: null }).map((c) => c.slug)).toEqual(["a", "b"]);
    expect(filterCourses(courses, { role: null, stage: "ability" }).map((c) => c.slug)).toEqual(["b"]);
    expect(filterCourses(courses, { role: "member", stage: "ability" })).toEqual([]);
  });
});

describe("adoption audience", () => {
  it("counts a course for the roles it is written for, and for anyone who finished it", () => {
    expect(countsForAdoption(["champion"], "champion", false)).toBe(true);
    expect(countsForAdoption(["champion"], "member", false)).toBe(false);
    expect(countsForAdoption(["champion"], "member", true)).toBe(true);
    expect(countsForAdoption(["champion", "member"], "member", false)).toBe(true);
    expect(countsForAdoption(["member"], null, false)).toBe(false);
  });
});
