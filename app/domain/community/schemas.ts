import { z } from "zod";
import { textField, versionField } from "~/lib/forms";
import { isId } from "~/lib/ids";
import { BODY_MAX, TAGS_MAX, TITLE_MAX, isValidTag, parseTags } from "./rules";

/** Five tags of 30 characters with separators fit well within this; more is not a tag list. */
const TAGS_TEXT_MAX = 300;

/**
 * Form schemas of the community, read through the form pipeline (`~/lib/forms`). Their messages are
 * keys under `community:fields.` in the translations.
 */

const F = "community:fields";
const Title = textField({ max: TITLE_MAX, required: `${F}.title.required`, tooLong: `${F}.title.tooLong` });
const Body = textField({ max: BODY_MAX, required: `${F}.body.required`, tooLong: `${F}.body.tooLong` });
const Tags = z
  .string()
  .max(TAGS_TEXT_MAX, `${F}.tags.invalid`)
  .default("")
  .transform(parseTags)
  .refine((tags) => tags.length <= TAGS_MAX, `${F}.tags.tooMany`)
  .refine((tags) => tags.every(isValidTag), `${F}.tags.invalid`);
/** A checkbox: present ("on") or not. */
const Checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

export const TopicSchema = z.object({
  spaceId: z
    .string({ required_error: `${F}.space.required` })
    .min(1, `${F}.space.required`)
    .max(40, `${F}.space.required`),
  kind: z.enum(["question", "discussion", "article"], { message: `${F}.kind.invalid` }),
  title: Title,
  body: Body,
  tags: Tags,
});
export type TopicInput = z.infer<typeof TopicSchema>;

export const TopicEditSchema = z.object({ title: Title, body: Body, tags: Tags, version: versionField() });

export const ReplySchema = z.object({ body: Body });

/** Follow or unfollow a topic (the button also reads its pending state from it). */
export const FollowSchema = z.object({ intent: z.enum(["follow", "unfollow"]) });

const Handle = z
  .string({ required_error: `${F}.handle.invalid` })
  .trim()
  .toLowerCase()
  .min(2, `${F}.handle.invalid`)
  .max(40, `${F}.handle.invalid`)
  .regex(/^[a-z0-9][a-z0-9._-]*[a-z0-9]$/, `${F}.handle.invalid`);

export const ProfileSchema = z.object({
  displayName: textField({ max: 60, required: `${F}.displayName.required`, tooLong: `${F}.displayName.tooLong` }),
  handle: Handle,
  title: textField({ max: 80, tooLong: `${F}.jobTitle.tooLong` }),
  showCompany: Checkbox,
  emailOnReply: Checkbox,
  emailOnAccepted: Checkbox,
  emailOnMention: Checkbox,
});
export type ProfileInput = z.infer<typeof ProfileSchema>;

export const SpaceSchema = z.object({
  name: textField({ max: 80, required: `${F}.name.required`, tooLong: `${F}.name.tooLong` }),
  slug: z
    .string({ required_error: `${F}.slug.invalid` })
    .trim()
    .toLowerCase()
    .max(60, `${F}.slug.invalid`)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${F}.slug.invalid`),
  description: textField({ max: 300, tooLong: `${F}.description.tooLong` }),
  position: z.coerce
    .number({ message: `${F}.position.invalid` })
    .int(`${F}.position.invalid`)
    .min(0, `${F}.position.invalid`)
    .max(999, `${F}.position.invalid`),
  customersMayPost: Checkbox,
  articles: Checkbox,
  firstPostReview: Checkbox,
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
