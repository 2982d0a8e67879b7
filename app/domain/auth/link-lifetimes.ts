/**
 * How long an emailed sign-in or reset link works. Plain data (no server code) so the pages and
 * emails that tell people "it works for N minutes" read the same number the token expiry uses.
 */
export type LinkPurpose = "magic_link" | "password_reset";

export const LINK_LIFETIME_MINUTES: Record<LinkPurpose, number> = { magic_link: 15, password_reset: 60 };
