import { createContext, useContext } from "react";

/** What a lesson page's interactive components need from the page: where to post, and what is saved. */
export interface QuizFeedbackView {
  quizId: string;
  passed: boolean;
  selected: number[];
  answers: { index: number; correct: boolean; explanation: string }[];
}

export interface LessonContextValue {
  lessonPath: string;
  passedQuizzes: Record<string, QuizFeedbackView>;
  checkedItems: string[];
}

export const LessonContext = createContext<LessonContextValue>({ lessonPath: "", passedQuizzes: {}, checkedItems: [] });

export function useLesson() {
  return useContext(LessonContext);
}
