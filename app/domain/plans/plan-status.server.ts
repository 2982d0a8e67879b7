import { sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { AT_RISK_WINDOW_DAYS, STALLED_AFTER_DAYS } from "./milestone-status";
import { type PlanHealth, planHealth } from "./plan-health";

export interface AccountPlanStatus {
  planName: string;
  total: number;
  achieved: number;
  overdueTasks: number;
  health: PlanHealth;
}

/**
 * The current plan's standing for many accounts in one query, for the staff account list. The
 * stalled / at-risk conditions are milestone-status.ts's rules written in SQL (each account's own
 * "today"); plans-status tests hold the two to the same answers.
 */
export async function listPlanStatusByAccount(executor: Executor = db): Promise<Map<string, AccountPlanStatus>> {
  const rows = await executor.execute<{
    account_id: string;
    name: string;
    total: number;
    achieved: number;
    stalled: number;
    at_risk: number;
    overdue_tasks: number;
  }>(sql`
    select p.account_id, p.name,
      count(m.id)::int as total,
      count(m.id) filter (where m.vendor_signed_at is not null and m.customer_signed_at is not null)::int as achieved,
      count(m.id) filter (
        where not (m.vendor_signed_at is not null and m.customer_signed_at is not null)
          and m.target_date <= d.today - ${STALLED_AFTER_DAYS}::int
      )::int as stalled,
      count(m.id) filter (
        where not (m.vendor_signed_at is not null and m.customer_signed_at is not null)
          and (
            (m.target_date < d.today and m.target_date > d.today - ${STALLED_AFTER_DAYS}::int)
            or (m.target_date between d.today and d.today + ${AT_RISK_WINDOW_DAYS}::int
                and exists (select 1 from tasks t where t.milestone_id = m.id and t.status <> 'done'))
          )
      )::int as at_risk,
      (select count(*) from tasks t where t.plan_id = p.id and t.status <> 'done' and t.due_date < d.today)::int as overdue_tasks
    from plans p
    join accounts a on a.id = p.account_id
    cross join lateral (select (now() at time zone a.time_zone)::date as today) d
    left join milestones m on m.plan_id = p.id
    where p.is_current
    group by p.id, p.account_id, p.name, d.today
  `);
  const byAccount = new Map<string, AccountPlanStatus>();
  for (const row of rows) {
    byAccount.set(row.account_id, {
      planName: row.name,
      total: row.total,
      achieved: row.achieved,
      overdueTasks: row.overdue_tasks,
      health: planHealth({ total: row.total, achieved: row.achieved, stalled: row.stalled, atRisk: row.at_risk }),
    });
  }
  return byAccount;
}

/**
 * Whether the account's current plan has a milestone past its target (in the account's time zone)
 * that isn't achieved. Other areas (advocacy's guardrails) ask this rather than reading plan tables.
 */
export async function accountHasOverdueMilestones(accountId: string, executor: Executor = db): Promise<boolean> {
  const rows = await executor.execute<{ overdue: boolean }>(sql`
    select exists (
      select 1
      from milestones m
      join plans p on p.id = m.plan_id and p.is_current
      join accounts a on a.id = m.account_id
      where m.account_id = ${accountId}
        and not (m.vendor_signed_at is not null and m.customer_signed_at is not null)
        and m.target_date < (now() at time zone a.time_zone)::date
    ) as overdue
  `);
  return rows[0]?.overdue ?? false;
}
