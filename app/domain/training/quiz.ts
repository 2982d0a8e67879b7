import type { QuizKey } from "./mdx-tree";

/**
 * Grading a knowledge check. The key (which answers are correct, and why) stays on the server;
 * the browser learns it only from the feedback to a submission.
 */
export type QuizSubmissionError = "unknown_quiz" | "no_answer" | "unknown_answer" | "one_answer_only";

/** What the learner sees after submitting: explanations of what they chose, and all of them once passed. */
export interface QuizFeedback {
  quizId: string;
  passed: boolean;
  selected: number[];
  answers: { index: number; correct: boolean; explanation: string }[];
}

/** Checks a submission against the lesson's quizzes: a known quiz, and answers that are its own. */
export function parseQuizSubmission(
  quizzes: QuizKey[],
  quizId: string,
  rawAnswers: string[],
): { ok: true; quiz: QuizKey; selected: number[] } | { ok: false; error: QuizSubmissionError } {
  const quiz = quizzes.find((candidate) => candidate.id === quizId);
  if (!quiz) return { ok: false, error: "unknown_quiz" };
  if (rawAnswers.length === 0) return { ok: false, error: "no_answer" };
  const selected: number[] = [];
  for (const raw of rawAnswers) {
    if (!/^\d{1,3}$/.test(raw)) return { ok: false, error: "unknown_answer" };
    const index = Number(raw);
    if (index >= quiz.answers.length) return { ok: false, error: "unknown_answer" };
    if (!selected.includes(index)) selected.push(index);
  }
  if (!quiz.multiple && selected.length > 1) return { ok: false, error: "one_answer_only" };
  return { ok: true, quiz, selected: selected.sort((a, b) => a - b) };
}

/** Passed when exactly the correct answers are chosen (all of them for a multiple-choice quiz). */
export function gradeQuiz(quiz: QuizKey, selected: number[]): QuizFeedback {
  const correct = quiz.answers.filter((answer) => answer.correct).map((answer) => answer.index);
  const chosen = new Set(selected);
  const passed = correct.length === chosen.size && correct.every((index) => chosen.has(index));
  const shown = passed ? quiz.answers : quiz.answers.filter((answer) => chosen.has(answer.index));
  return {
    quizId: quiz.id,
    passed,
    selected: [...chosen].sort((a, b) => a - b),
    answers: shown.map((answer) => ({ index: answer.index, correct: answer.correct, explanation: answer.explanation })),
  };
}
