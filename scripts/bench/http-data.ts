/**
 * The data set of `npm run bench:http`: `accounts` accounts × `tasks` tasks in set-based SQL
 * (INSERT … SELECT generate_series) on one connection, with the people, plans, value metrics, NPS
 * answers, asks, opportunities and community topics the benchmarked pages show.
 *
 * Shape, for account i (1…accounts):
 * - a CSM: `csmId` (the person the bench signs in as) for even i, one of three other CSMs for odd i;
 * - a champion and two members; one current plan started 60–260 days ago, 3 outcomes with one value
 *   metric each (6 measurements, one of them worth money), 10 milestones 30 days apart — those more
 *   than two weeks past are signed off except every fifth, so some plans are behind;
 * - `tasks` tasks spread over the milestones, half customer-side (assigned to the account's people)
 *   and half vendor-side, **all assigned to `csmId`** (My tasks holds hundreds of thousands of open
 *   tasks, as in issue 10); tasks of signed-off milestones are done;
 * - an NPS answer per person; an ask for every third account, a consent for every fifth, a pipeline
 *   opportunity for every fourth; 2,000 community topics with 3 replies each.
 *
 * Ids are 16 letters like newId()'s (a prefix per table and the row number), so URLs validate.
 * Foreign keys are not checked while generating (session_replication_role = replica): the rows are
 * consistent by construction, and the checks would triple the time.
 */
import postgres from "postgres";

export interface BenchShape {
  accounts: number;
  tasks: number;
  /** The CSM the bench signs in as (already inserted). */
  csmId: string;
}

export const MILESTONES_PER_PLAN = 10;
export const TOPICS = 2_000;

/** The id of row n of a table: the table's 4-letter prefix and n in 12 letters a–p. */
export function benchId(prefix: string, n: number): string {
  return (
    prefix +
    n
      .toString(16)
      .padStart(12, "0")
      .replace(/[0-9a-f]/g, (digit) => "abcdefghijklmnop"[parseInt(digit, 16)]!)
  );
}

/** Two SQL helpers on the generating connection: bid() (benchId in SQL) and the start of a plan. */
const FUNCTIONS = `
create or replace function pg_temp.bid(prefix text, n bigint) returns text language sql immutable as
  $$ select prefix || translate(lpad(to_hex(n), 12, '0'), '0123456789abcdef', 'abcdefghijklmnop') $$;
create or replace function pg_temp.plan_start(i bigint) returns date language sql immutable as
  $$ select current_date - (60 + (i % 200))::int $$;
`;

function steps({ accounts: A, tasks: T, csmId }: BenchShape): [label: string, sql: string][] {
  const M = MILESTONES_PER_PLAN;
  const csm = `'${csmId.replaceAll("'", "''")}'`;
  // The account's CSM.
  const csmOf = (i: string) => `(case when ${i} % 2 = 0 then ${csm} else pg_temp.bid('bstf', 1 + ${i} % 3) end)`;
  // A signed-off milestone: more than two weeks past, except every fifth (plans behind schedule).
  const achieved = (i: string, m: string) =>
    `(pg_temp.plan_start(${i}) + 30 * ${m} < current_date - 14 and (${i} + ${m}) % 5 <> 0)`;
  return [
    [
      "staff and segments",
      `insert into users (id, email, name, staff_role)
       select pg_temp.bid('bstf', n), 'bench-csm-' || n || '@bench.example', 'Bench CSM ' || n, 'csm'
       from generate_series(1, 3) n;
       insert into users (id, email, name, staff_role)
       values (pg_temp.bid('bstf', 4), 'bench-marketing@bench.example', 'Bench Marketer', 'marketing');
       insert into segments (id, name, description)
       select pg_temp.bid('bseg', n), (array['SMB', 'Mid-market', 'Enterprise', 'Public sector', 'Regulated'])[n], ''
       from generate_series(1, 5) n;`,
    ],
    [
      "accounts",
      `insert into accounts (id, name, segment_id, industry, region, licensed_seats, renewal_date, csm_id,
                             currency, use_cases, external_id)
       select pg_temp.bid('bacc', i),
              (array['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Soylent'])[1 + i % 10]
                || ' ' || (array['Analytics', 'Logistics', 'Health', 'Foods', 'Systems', 'Labs', 'Retail', 'Bank'])[1 + (i / 10) % 8]
                || ' ' || i,
              pg_temp.bid('bseg', 1 + i % 5),
              (array['Software', 'Retail', 'Finance', 'Healthcare', 'Manufacturing'])[1 + i % 5],
              (array['EMEA', 'AMER', 'APAC'])[1 + i % 3],
              10 + i % 90, current_date + ((i * 37) % 540 - 90), ${csmOf("i")},
              'USD',
              array[(array['Financial reporting', 'Embedded dashboards', 'Ad-hoc analysis', 'Forecasting'])[1 + i % 4]],
              'bench-' || i
       from generate_series(1, ${A}) i;`,
    ],
    [
      "subscriptions and their ledger's first entry, health now (every 7th unscored)",
      `insert into revenue_subscriptions (id, account_id, currency, term_months, start_date, renewal_date, arr)
       select pg_temp.bid('bsub', i), pg_temp.bid('bacc', i), 'USD', 12,
              current_date + ((i * 37) % 540 - 90) - 365, current_date + ((i * 37) % 540 - 90), 10000 + (i * 97) % 90000
       from generate_series(1, ${A}) i;
       insert into revenue_ledger_entries (id, account_id, subscription_id, kind, effective_on, arr_delta, arr_after, currency, sequence)
       select pg_temp.bid('bled', i), pg_temp.bid('bacc', i), pg_temp.bid('bsub', i), 'new',
              current_date + ((i * 37) % 540 - 90) - 365, 10000 + (i * 97) % 90000, 10000 + (i * 97) % 90000, 'USD', 1
       from generate_series(1, ${A}) i;
       -- health_current directly: the triggers that keep it are off while generating (replica role).
       insert into health_current (account_id, day, overall, grade, drop_30)
       select pg_temp.bid('bacc', i), current_date, 20 + (i * 53) % 80,
              (case when 20 + (i * 53) % 80 < 50 then 'red' when 20 + (i * 53) % 80 < 75 then 'yellow' else 'green' end)::health_grade,
              (i * 29) % 41 - 10
       from generate_series(1, ${A}) i where i % 7 <> 0;`,
    ],
    [
      "customer people (a champion and two members per account)",
      `insert into users (id, email, name, account_id, account_role, title)
       select pg_temp.bid('bcus', (i - 1) * 3 + j), 'person' || j || '.' || i || '@bench.example',
              (array['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken'])[1 + (i + j) % 8] || ' ' ||
              (array['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson'])[1 + (i * 3 + j) % 8],
              pg_temp.bid('bacc', i), (case when j = 1 then 'champion' else 'member' end)::account_role,
              case when j = 1 then 'Head of Analytics' else 'Analyst' end
       from generate_series(1, ${A}) i, generate_series(1, 3) j;`,
    ],
    [
      "plans, outcomes, milestones",
      `insert into plans (id, account_id, name, start_date, is_current, created_by_id)
       select pg_temp.bid('bpln', i), pg_temp.bid('bacc', i), 'Onboarding plan', pg_temp.plan_start(i), true, ${csm}
       from generate_series(1, ${A}) i;
       insert into outcomes (id, plan_id, account_id, title, why, success_criteria, owner_id, target_date, position)
       select pg_temp.bid('bout', (i - 1) * 3 + k), pg_temp.bid('bpln', i), pg_temp.bid('bacc', i),
              (array['Faster monthly close', 'Self-serve reporting', 'Lower reporting cost'])[k],
              'The finance team spends too long on reports.', 'Measured monthly against the baseline.',
              pg_temp.bid('bcus', (i - 1) * 3 + 1), pg_temp.plan_start(i) + 120 * k, k - 1
       from generate_series(1, ${A}) i, generate_series(1, 3) k;
       insert into milestones (id, plan_id, account_id, outcome_id, title, description, target_date, position,
                               vendor_signed_by_id, vendor_signed_at, customer_signed_by_id, customer_signed_at)
       select pg_temp.bid('bmil', (i - 1) * ${M} + m), pg_temp.bid('bpln', i), pg_temp.bid('bacc', i),
              pg_temp.bid('bout', (i - 1) * 3 + 1 + (m - 1) % 3),
              'Milestone ' || m || ': ' || (array['Kick-off', 'Data connected', 'First dashboards', 'Team trained',
                'Reports migrated', 'Self-serve live', 'Executive review', 'Automation', 'Expansion', 'Renewal ready'])[m],
              'What done looks like for step ' || m || '.', pg_temp.plan_start(i) + 30 * m, m - 1,
              case when ${achieved("i", "m")} then ${csmOf("i")} end,
              case when ${achieved("i", "m")} then (pg_temp.plan_start(i) + 30 * m)::timestamptz end,
              case when ${achieved("i", "m")} then pg_temp.bid('bcus', (i - 1) * 3 + 1) end,
              case when ${achieved("i", "m")} then (pg_temp.plan_start(i) + 30 * m)::timestamptz end
       from generate_series(1, ${A}) i, generate_series(1, ${M}) m;`,
    ],
    [
      `tasks (${A} × ${T})`,
      `insert into tasks (id, plan_id, account_id, milestone_id, title, notes, side, assignee_id, due_date, status,
                          blocked_reason, internal, completed_at, completed_by_id, position)
       select pg_temp.bid('btsk', (i - 1) * ${T} + t), pg_temp.bid('bpln', i), pg_temp.bid('bacc', i),
              pg_temp.bid('bmil', (i - 1) * ${M} + m),
              (array['Connect the warehouse', 'Invite the analysts', 'Review the dashboard', 'Map the KPIs',
                'Schedule the training', 'Migrate a report', 'Set up alerts', 'Check the numbers'])[1 + t % 8] || ' #' || t,
              case when t % 3 = 0 then 'Agreed in the weekly call.' else '' end,
              side, assignee, due, status,
              case when status = 'blocked' then 'Waiting on IT' end,
              side = 'vendor' and t % 10 = 0,
              case when status = 'done' then due::timestamptz end,
              case when status = 'done' then assignee end,
              t
       from (
         select i, t, m, side, pg_temp.plan_start(i) + 30 * m - (t % 4) * 3 as due,
                case when side = 'vendor' then ${csm} else pg_temp.bid('bcus', (i - 1) * 3 + 1 + t % 3) end as assignee,
                (case when ${achieved("i", "m")} then 'done' when t % 11 = 0 then 'blocked'
                      when t % 7 = 0 then 'in_progress' else 'todo' end)::task_status as status
         from (
           select i, t, 1 + ((t - 1) * ${M}) / ${T} as m,
                  (case when t % 2 = 0 then 'vendor' else 'customer' end)::task_side as side
           from generate_series(1, ${A}) i, generate_series(1, ${T}) t
         ) numbered
       ) shaped;`,
    ],
    [
      "value metrics and measurements",
      `insert into value_metrics (id, plan_id, account_id, outcome_id, name, unit, direction, baseline, target,
                                  money_per_unit, value_period, position, created_by_id)
       select pg_temp.bid('bmet', (i - 1) * 3 + k), pg_temp.bid('bpln', i), pg_temp.bid('bacc', i),
              pg_temp.bid('bout', (i - 1) * 3 + k),
              (array['Days to close the month', 'Self-serve reports', 'Hours spent on reporting'])[k],
              (array['days', 'reports', 'hours'])[k], (array['down', 'up', 'down'])[k]::metric_direction,
              (array[10, 20, 120])[k], (array[4, 80, 40])[k],
              case when k = 3 then 85 end, (case when k = 3 then 'month' end)::value_period, k - 1, ${csm}
       from generate_series(1, ${A}) i, generate_series(1, 3) k;
       insert into measurements (id, metric_id, account_id, measured_on, value, note, recorded_by_id)
       select pg_temp.bid('bmea', ((i - 1) * 3 + k - 1) * 6 + n), pg_temp.bid('bmet', (i - 1) * 3 + k),
              pg_temp.bid('bacc', i), pg_temp.plan_start(i) + 30 * (n - 1),
              (array[10, 20, 120])[k] + ((array[4, 80, 40])[k] - (array[10, 20, 120])[k]) * (n - 1) / 8.0,
              case when n = 1 then 'Baseline' else '' end, ${csm}
       from generate_series(1, ${A}) i, generate_series(1, 3) k, generate_series(1, 6) n;`,
    ],
    [
      "NPS answers",
      `insert into nps_responses (id, account_id, user_id, score, comment, created_at)
       select pg_temp.bid('bnps', (i - 1) * 3 + j), pg_temp.bid('bacc', i), pg_temp.bid('bcus', (i - 1) * 3 + j),
              case when (i + j) % 7 = 0 then null else (i * 7 + j * 3) % 11 end,
              case when (i + j) % 4 = 0 then 'Reports are much faster now.' else '' end,
              now() - ((i * 13 + j) % 180) * interval '1 day'
       from generate_series(1, ${A}) i, generate_series(1, 3) j;`,
    ],
    [
      "asks, consents, opportunities",
      `insert into asks (id, account_id, recipient_id, ask_type, signal, context, status, snoozed_until, responded_at, created_at)
       select pg_temp.bid('bask', i), pg_temp.bid('bacc', i), pg_temp.bid('bcus', (i - 1) * 3 + 1), ask_type, signal,
              case when signal = 'nps_promoter' then jsonb_build_object('score', 9 + i % 2)
                   when signal = 'milestone_achieved' then jsonb_build_object('milestoneTitle', 'Milestone 3: First dashboards', 'daysEarly', i % 9)
                   else '{}'::jsonb end,
              status, case when status = 'snoozed' then now() + interval '14 days' end,
              case when status in ('accepted', 'declined') then now() - (i % 30) * interval '1 day' end,
              now() - (30 + i % 90) * interval '1 day'
       from (
         select i, (array['reference_call', 'case_study', 'review', 'quote', 'logo', 'speaking'])[1 + (i / 3) % 6]::ask_type as ask_type,
                (array['milestone_achieved', 'nps_promoter', 'manual', 'team_trained'])[1 + i % 4]::ask_signal as signal,
                (array['open', 'snoozed', 'accepted', 'declined'])[1 + (i / 3) % 4]::ask_status as status
         from generate_series(3, ${A}, 3) i
       ) a;
       insert into consents (id, account_id, user_id, ask_type, uses, scope, granted_at)
       select pg_temp.bid('bcon', i), pg_temp.bid('bacc', i), pg_temp.bid('bcus', (i - 1) * 3 + 1), 'reference_call',
              array['name', 'title', 'company'], (array['internal', 'sales', 'public'])[1 + (i / 5) % 3]::consent_scope,
              now() - (i % 200) * interval '1 day'
       from generate_series(5, ${A}, 5) i;
       insert into opportunities (id, account_id, advocate_id, consent_id, ask_type, stage, stage_entered_at, owner_id,
                                  due_date, notes, created_at)
       select pg_temp.bid('bopp', i), pg_temp.bid('bacc', i), pg_temp.bid('bcus', (i - 1) * 3 + 1),
              case when i % 20 = 0 then pg_temp.bid('bcon', i) end,
              (array['reference_call', 'case_study', 'review', 'quote', 'logo', 'speaking'])[1 + (i / 4) % 6]::ask_type,
              (array['identified', 'asked', 'accepted', 'in_production', 'customer_review', 'published', 'declined',
                'withdrawn'])[1 + (i / 4) % 8]::opportunity_stage,
              now() - (i % 40) * interval '1 day', pg_temp.bid('bstf', 4), current_date + (i % 60),
              'Came up in the QBR.', now() - (40 + i % 100) * interval '1 day'
       from generate_series(4, ${A}, 4) i;
       insert into opportunity_transitions (id, opportunity_id, from_stage, to_stage, actor_id, at)
       select pg_temp.bid('btrn', id_n), o.id, null, o.stage, pg_temp.bid('bstf', 4), o.stage_entered_at
       from (select row_number() over (order by id) as id_n, id, stage, stage_entered_at from opportunities
             where id like 'bopp%') o;`,
    ],
    [
      `community (${TOPICS} topics, 3 replies each)`,
      `insert into community_spaces (id, slug, name, description, position)
       select pg_temp.bid('bspc', n), 'bench-' || n,
              (array['Getting started', 'Dashboards', 'Data sources', 'Ideas'])[n], 'Bench space ' || n, 100 + n
       from generate_series(1, 4) n;
       insert into community_topics (id, space_id, author_id, kind, title, body, tags, created_at, updated_at, last_activity_at)
       select pg_temp.bid('btop', n), pg_temp.bid('bspc', 1 + n % 4),
              pg_temp.bid('bcus', 1 + (n * 7) % (3 * ${A})),
              (case when n % 3 = 0 then 'discussion' else 'question' end)::community_topic_kind,
              (array['How do I schedule a report', 'Filtering a dashboard by region', 'Joining two data sources',
                'Sharing dashboards with a client', 'Exporting to Excel'])[1 + n % 5] || ' (' || n || ')',
              'We tried the obvious settings and the numbers still differ from the warehouse. Any ideas?',
              array[(array['reports', 'dashboards', 'sql', 'exports'])[1 + n % 4]],
              now() - n * interval '37 minutes', now() - n * interval '37 minutes', now() - n * interval '31 minutes'
       from generate_series(1, ${TOPICS}) n;
       insert into community_replies (id, topic_id, author_id, body, official, created_at, updated_at)
       select pg_temp.bid('brep', (n - 1) * 3 + r), pg_temp.bid('btop', n),
              case when r = 3 and n % 4 = 0 then ${csm} else pg_temp.bid('bcus', 1 + (n * 11 + r) % (3 * ${A})) end,
              'Have you checked the time zone of the data source? That was it for us.', r = 3 and n % 4 = 0,
              now() - n * interval '31 minutes', now() - n * interval '31 minutes'
       from generate_series(1, ${TOPICS}) n, generate_series(1, 3) r;`,
    ],
    ["analyze", "analyze;"],
  ];
}

/**
 * Writes the data set into the (migrated, empty of bench rows) database at `url`, printing each
 * step's time; returns the total seconds.
 */
export async function generateBenchData(url: string, shape: BenchShape): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const started = performance.now();
  try {
    await sql.unsafe(
      `set session_replication_role = replica; set synchronous_commit = off; set statement_timeout = 0;
       set maintenance_work_mem = '256MB'; ${FUNCTIONS}`,
    );
    for (const [label, statement] of steps(shape)) {
      const stepStarted = performance.now();
      await sql.unsafe(statement);
      console.log(`  ${label.padEnd(58)} ${((performance.now() - stepStarted) / 1000).toFixed(1).padStart(6)} s`);
    }
  } finally {
    await sql.end();
  }
  return (performance.now() - started) / 1000;
}
