import { type z } from "zod";
import { textField } from "~/lib/forms";

/** The longest meeting link kept (the column's check says the same). */
const MEETING_URL_MAX = 500;
const TITLE_MAX = 120;

/** Whether `value` is a link a customer's browser may open: http(s) only, with a host, no spaces. */
function isMeetingUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "" && !url.username;
}

/**
 * A staff person's booking link ("https://cal.example.com/ana"): empty means none (null); anything
 * else must be an http(s) URL of at most 500 characters — never `javascript:` or `data:`.
 */
export const MeetingUrlSchema = textField({ max: MEETING_URL_MAX, tooLong: "meetingUrl.tooLong" })
  .refine((value) => value === "" || isMeetingUrl(value), "meetingUrl.invalid")
  .transform((value) => (value === "" ? null : value));

/** A person's job title, shown beside their name ("Customer Success Manager"). */
export const TitleSchema = textField({ max: TITLE_MAX });

/** A staff person's contact details on their customers' CSM card: their title and meeting link. */
export interface StaffContact {
  title: z.output<typeof TitleSchema>;
  meetingUrl: z.output<typeof MeetingUrlSchema>;
}
