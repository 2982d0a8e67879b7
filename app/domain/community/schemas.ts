import { z } from "zod";
import { isId } from "~/lib/ids";
import { BODY_MAX, REASON_MAX, TAGS_MAX, TITLE_MAX, isValidTag, parseTags } from "./rules";

/** Form schemas of the community. Error messages are codes under `community:fields.` in the translations. */

const Title = z.string().trim().min(1, "title.required").max(TITLE_MAX, "title.tooLong");
const Body = z.string().trim().min(1, "body.required").max(BODY_MAX, "body.tooLong");
const Tags = z
  .string()
  .default("")
  .transform(parseTags)
  .refine((tags) => tags.length <= TAGS_MAX, "tags.tooMany")
  .refine((tags) => tags.every(isValidTag), "tags.invalid");

export const TopicSchema = z.object({
  spaceId: z.string().min(1, "space.required").max(40, "space.required"),
  kind: z.enum(["question", "discussion", "article"], { message: "kind.invalid" }),
  title: Title,
  body: Body,
  tags: Tags,
});
export type TopicInput = z.infer<typeof TopicSchema>;

export const TopicEditSchema = z.object({
  title: Title,
  body: Body,
  tags: Tags,
  version: z.coerce.number().int().min(1),
});

export const ReplySchema = z.object({ body: Body });
export const ReplyEditSchema = z.object({ body: Body, version: z.coerce.number().int().min(1) });

export const ReasonSchema = z.object({
  reason: z.string().trim().min(1, "reason.required").max(REASON_MAX, "reason.tooLong"),
});

export const ProfileSchema = z.object({
  displayName: z.string().trim().min(1, "displayName.required").max(60, "displayName.tooLong"),
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, "handle.invalid")
    .max(40, "handle.invalid")
    .regex(/^[a-z0-9][a-z0-9._-]*[a-z0-9]$/, "handle.invalid"),
  title: z.string().trim().max(80, "title.tooLong").default(""),
  showCompany: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  emailOnReply: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  emailOnAccepted: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  emailOnMention: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
export type ProfileInput = z.infer<typeof ProfileSchema>;

export const SpaceSchema = z.object({
  name: z.string().trim().min(1, "name.required").max(80, "name.tooLong"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug.invalid")
    .max(60, "slug.invalid"),
  description: z.string().trim().max(300, "description.tooLong").default(""),
  position: z.coerce
    .number({ message: "position.invalid" })
    .int("position.invalid")
    .min(0, "position.invalid")
    .max(999, "position.invalid"),
  customersMayPost: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  articles: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  firstPostReview: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
export type SpaceInput = z.infer<typeof SpaceSchema>;

export const SearchSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  space: z.string().trim().max(60).catch(""),
  tag: z.string().trim().toLowerCase().max(30).catch(""),
  status: z.enum(["all", "answered", "unanswered"]).catch("all"),
});
export type SearchInput = z.infer<typeof SearchSchema>;

/** An upvote or its withdrawal (hidden fields; the button also reads its pending state from them). */
export const VoteSchema = z.object({
  postType: z.enum(["topic", "reply"]),
  postId: z.string().refine(isId, "id.invalid"),
  up: z.enum(["0", "1"]),
});
