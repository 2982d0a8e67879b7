import { z } from "zod";

/** The five stages of a change a person goes through; every lesson serves one of them. */
export const STAGES = ["awareness", "desire", "knowledge", "ability", "reinforcement"] as const;
export type Stage = (typeof STAGES)[number];

/** The customer roles a course is written for. */
export const AUDIENCES = ["champion", "member"] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Slugs that would collide with the training area's own pages. */
export const RESERVED_COURSE_SLUGS = ["adoption", "certificates"] as const;
export const RESERVED_LESSON_SLUGS = ["media", "course"] as const;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number) =>
  z
    .string({ required_error: "is missing", invalid_type_error: "must be text" })
    .trim()
    .min(1, "is empty")
    .max(max, `is longer than ${max} characters`);
const wholeNumber = (min: number, max: number) =>
  z
    .number({ required_error: "is missing", invalid_type_error: "must be a whole number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

export const CourseFrontmatterSchema = z.object({
  title: text(120),
  summary: text(400),
  audience: z
    .array(z.enum(AUDIENCES, { errorMap: () => ({ message: `must be one of ${AUDIENCES.join(", ")}` }) }), {
      required_error: "is missing",
      invalid_type_error: `must be a list of roles (${AUDIENCES.join(", ")})`,
    })
    .min(1, "must name at least one role"),
  minutes: wholeNumber(1, 10_000),
  order: wholeNumber(0, 100_000),
  // YAML reads 1.0 as a number: accept it, but keep the version as the author wrote it where we can.
  version: z.union([z.string().trim().min(1, "is empty").max(20), z.number().transform(String)], {
    errorMap: () => ({ message: 'must be a version like "1.0"' }),
  }),
});

export const LessonFrontmatterSchema = z.object({
  title: text(120),
  order: wholeNumber(0, 100_000),
  minutes: wholeNumber(1, 1_000),
  stage: z.enum(STAGES, { errorMap: () => ({ message: `must be one of ${STAGES.join(", ")}` }) }),
});

export type CourseFrontmatter = z.infer<typeof CourseFrontmatterSchema>;
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;

export const CALLOUT_TYPES = ["note", "tip", "warning"] as const;
