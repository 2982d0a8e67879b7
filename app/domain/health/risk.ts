/*
 * How likely an account is to be lost, read from its health: the portfolio ranks accounts by this
 * times their ARR (the ARR at risk). Pure, and mirrored in SQL by `healthRiskExpression`
 * (account-list-health.server.ts) so the ranking pages through 10,000 accounts in the database.
 */

/** An account not scored yet is as likely to be at risk as not: it ranks in the middle, not last. */
export const UNSCORED_RISK = 0.5;

/**
 * 0 (no risk) … 1: the score's shortfall from 100 plus the points it lost in 30 days, so a falling
 * account ranks above a steady one of the same score (a drop is the leading indicator).
 */
export function healthRisk(score: number | null, drop30: number | null): number {
  if (score === null) return UNSCORED_RISK;
  const shortfall = 100 - score + Math.max(0, drop30 ?? 0);
  return Math.min(1, Math.max(0, shortfall / 100));
}
