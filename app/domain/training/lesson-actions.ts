import { z } from "zod";

/** One value or several under one name ("answer" per ticked box) as a list. */
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** A practice item ticked (or unticked), posted to the lesson's practice route. */
export const PracticeTickSchema = z.object({
  itemKey: z.string().min(1).max(20),
  checked: z.enum(["true", "false"]),
});

/**
 * What a lesson page posts: mark as read, or answer a knowledge check (graded on the server). Practice
 * ticks have their own route (`training.$courseSlug.$lessonSlug.practice`).
 */
export const LessonActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read") }),
  z.object({
    intent: z.literal("quiz"),
    quizId: z.string().min(1).max(100),
    answer: z.preprocess(list, z.array(z.string().max(10)).max(50)),
  }),
]);
