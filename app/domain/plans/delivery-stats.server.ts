import { sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { type AccountGroupKey, type AccountGroupRow, groupKeyOf } from "~/lib/account-groups";

/** Onboarding is the plan's first 90 days: the 30/60/90-day milestones. */
export const ONBOARDING_DAYS = 90;

export interface PlanDelivery extends AccountGroupKey {
  /** Current plans counted. */
  plans: number;
  /** Of those, plans with an achieved milestone, and the median days from plan start to the first one. */
  withFirstValue: number;
  medianDaysToFirstValue: number | null;
  /** Onboarding milestones that are due (target passed) or achieved, and those achieved by their target. */
  onboardingCounted: number;
  onboardingOnTime: number;
}

/**
 * Per CSM and per segment, over the current plans: time to first value (plan start → the first
 * milestone both sides signed off, on the account's calendar) and onboarding milestones achieved
 * on time. One query.
 */
export async function planDeliveryByGroup(today: string, executor: Executor = db): Promise<PlanDelivery[]> {
  const rows = await executor.execute<
    AccountGroupRow & {
      plans: string;
      with_first_value: string;
      median_days: string | null;
      onboarding_counted: string | null;
      onboarding_on_time: string | null;
    }
  >(sql`
    with milestone_days as (
      select m.plan_id, m.target_date,
        case when m.vendor_signed_at is not null and m.customer_signed_at is not null
          then (greatest(m.vendor_signed_at, m.customer_signed_at) at time zone a.time_zone)::date end as achieved_on
      from milestones m join accounts a on a.id = m.account_id
    ),
    per_plan as (
      select p.account_id,
        min(d.achieved_on) - p.start_date as days_to_first_value,
        count(*) filter (where d.target_date <= p.start_date + ${ONBOARDING_DAYS}::int
          and (d.target_date < ${today}::date or d.achieved_on is not null)) as onboarding_counted,
        count(*) filter (where d.target_date <= p.start_date + ${ONBOARDING_DAYS}::int
          and d.achieved_on <= d.target_date) as onboarding_on_time
      from plans p left join milestone_days d on d.plan_id = p.id
      where p.is_current
      group by p.id, p.account_id, p.start_date
    )
    select grouping(a.csm_id) = 0 as by_csm, a.csm_id, a.segment_id,
      count(*) as plans,
      count(pp.days_to_first_value) as with_first_value,
      percentile_cont(0.5) within group (order by pp.days_to_first_value) as median_days,
      sum(pp.onboarding_counted) as onboarding_counted,
      sum(pp.onboarding_on_time) as onboarding_on_time
    from per_plan pp join accounts a on a.id = pp.account_id
    group by grouping sets ((a.csm_id), (a.segment_id))`);
  return rows.map((row) => ({
    ...groupKeyOf(row),
    plans: Number(row.plans),
    withFirstValue: Number(row.with_first_value),
    medianDaysToFirstValue: row.median_days === null ? null : Math.round(Number(row.median_days)),
    onboardingCounted: Number(row.onboarding_counted ?? 0),
    onboardingOnTime: Number(row.onboarding_on_time ?? 0),
  }));
}
