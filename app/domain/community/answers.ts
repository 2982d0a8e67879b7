import { POST_LIMIT, POST_WINDOW_MINUTES } from "./rules";

/** The HTTP status of each refusal of a community action: never a 500 for a person's mistake. */
export const ERROR_STATUS = {
  not_found: 404,
  forbidden: 403,
  rate_limited: 429,
  locked: 409,
  stale: 409,
  handle_taken: 409,
  slug_taken: 409,
} as const;
export type CommunityError = keyof typeof ERROR_STATUS;

/** Values for the rate-limit message. */
export const RATE_LIMIT_VALUES = { limit: POST_LIMIT, minutes: POST_WINDOW_MINUTES };
