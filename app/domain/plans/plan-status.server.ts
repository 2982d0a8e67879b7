import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { AT_RISK_WINDOW_DAYS, STALLED_AFTER_DAYS } from "./milestone-status";
import { PLAN_STATUS_ORDER, type PlanHealth, type PlanStatusChoice, planHealth } from "./plan-health";

export interface AccountPlanStatus {
  planName: string;
  total: number;
  achieved: number;
  overdueTasks: number;
  health: PlanHealth;
}

const rank = (status: PlanStatusChoice) => PLAN_STATUS_ORDER.indexOf(status);

/**
 * An account's plan status as a number (its index in PLAN_STATUS_ORDER, worst first), for the
 * account list to filter and sort every account by without aggregating milestones: it reads
 * plan_status_rollups (kept by triggers) and applies milestone-status.ts's rules with the account's
 * own "today". `accountId` and `timeZone` are the outer query's account columns.
 */
export function planStatusRank(accountId: AnyColumn, timeZone: AnyColumn): SQL<number> {
  return sql<number>`coalesce((
    select case
      when r.first_open_target <= d.today - ${sql.raw(String(STALLED_AFTER_DAYS))} then ${sql.raw(String(rank("stalled")))}
      when r.first_open_target < d.today then ${sql.raw(String(rank("at_risk")))}
      when r.first_open_work_target <= d.today + ${sql.raw(String(AT_RISK_WINDOW_DAYS))} then ${sql.raw(String(rank("at_risk")))}
      when r.milestones > 0 and r.achieved = r.milestones then ${sql.raw(String(rank("completed")))}
      else ${sql.raw(String(rank("on_track")))}
    end
    from plan_status_rollups r, (select (now() at time zone ${timeZone})::date as today) d
    where r.account_id = ${accountId}
  ), ${sql.raw(String(rank("none")))})`.mapWith(Number);
}

/** The rank planStatusRank gives a status, for a filter's WHERE. */
export function planStatusRankOf(status: PlanStatusChoice): number {
  return rank(status);
}

/**
 * The current plan's standing of some accounts (a page of the account list) in one query. The
 * stalled / at-risk conditions are milestone-status.ts's rules written in SQL (each account's own
 * "today"); plans-status tests hold the two, and planStatusRank, to the same answers. Without ids,
 * every account (scripts and tests only: that is a full aggregation of milestones and tasks).
 */
export async function listPlanStatusByAccount(
  executor: Executor = db,
  accountIds?: readonly string[],
): Promise<Map<string, AccountPlanStatus>> {
  if (accountIds && accountIds.length === 0) return new Map();
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
      ${
        accountIds
          ? sql`and p.account_id in ${sql`(${sql.join(
              accountIds.map((id) => sql`${id}`),
              sql`, `,
            )})`}`
          : sql``
      }
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

/** The plan status of a page of accounts (the account list shows 50): one query, bounded by the ids. */
export function listPlanStatusOfAccounts(accountIds: readonly string[]): Promise<Map<string, AccountPlanStatus>> {
  return listPlanStatusByAccount(db, accountIds);
}
