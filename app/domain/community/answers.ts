import { POST_LIMIT, POST_WINDOW_MINUTES } from "./rules";

/** Values for the rate-limit message. */
export const RATE_LIMIT_VALUES = { limit: POST_LIMIT, minutes: POST_WINDOW_MINUTES };
