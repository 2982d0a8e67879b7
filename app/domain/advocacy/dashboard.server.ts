import { countAsksByType } from "./asks.server";
import {
  type Period,
  askTotals,
  asksByType,
  countByBucket,
  funnelSince,
  npsByBucket,
  periodBuckets,
  periodStart,
  publishedDates,
} from "./dashboard";
import { listNpsScores } from "./nps.server";
import { countAdvocatesBy, listTransitions } from "./opportunities.server";

/**
 * Marketing's advocacy dashboard for a period: the funnel of the opportunities identified in it,
 * asks sent in it by type, NPS and published assets per month (per quarter for all time), and
 * who advocates today. Four queries whatever the data.
 */
export async function getAdvocacyDashboard(period: Period, now = new Date()) {
  const since = periodStart(period, now);
  const [transitions, askRows, scores, advocates] = await Promise.all([
    listTransitions(),
    countAsksByType(since),
    listNpsScores(since),
    countAdvocatesBy(),
  ]);
  const published = publishedDates(transitions).filter((at) => !since || at >= since);
  const asks = asksByType(askRows);
  return {
    funnel: funnelSince(transitions, since),
    asks: { byType: asks, totals: askTotals(asks) },
    nps: npsByBucket(scores, periodBuckets(period, now, scores[0]?.at ?? null)),
    published: countByBucket(published, periodBuckets(period, now, published[0] ?? null)),
    advocates,
  };
}
