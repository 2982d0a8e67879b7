-- plan_status_rollups holds, per account with a current plan, the facts the account list's plan
-- status is derived from (docs/decisions/0011-plan-status-rollup.md). Statement triggers on plans,
-- milestones and tasks recompute the rows of the accounts a statement touched, inside the writer's
-- transaction, so no writer (domain code, seed, factories, bulk generators) can forget it.
CREATE OR REPLACE FUNCTION refresh_plan_status_rollups(account_ids text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF account_ids IS NULL OR cardinality(account_ids) = 0 THEN
    RETURN;
  END IF;
  -- Two writers of one account must not each compute from a snapshot without the other's change:
  -- an account's recomputation waits for the previous one's commit. A bulk statement takes the
  -- whole table instead of thousands of advisory locks (the lock table is small).
  IF cardinality(account_ids) > 100 THEN
    LOCK TABLE plan_status_rollups IN EXCLUSIVE MODE;
  ELSE
    LOCK TABLE plan_status_rollups IN ROW EXCLUSIVE MODE;
    PERFORM pg_advisory_xact_lock(hashtext('tandem.plan_status_rollups'), hashtext(id))
    FROM (SELECT DISTINCT unnest(account_ids) AS id ORDER BY 1) ids;
  END IF;
  DELETE FROM plan_status_rollups r
  WHERE r.account_id = ANY (account_ids)
    AND NOT EXISTS (SELECT 1 FROM plans p WHERE p.account_id = r.account_id AND p.is_current);
  INSERT INTO plan_status_rollups AS r
    (account_id, plan_id, milestones, achieved, first_open_target, first_open_work_target)
  SELECT p.account_id, p.id,
    count(m.id)::int,
    (count(m.id) FILTER (WHERE m.vendor_signed_at IS NOT NULL AND m.customer_signed_at IS NOT NULL))::int,
    min(m.target_date) FILTER (WHERE m.vendor_signed_at IS NULL OR m.customer_signed_at IS NULL),
    min(m.target_date) FILTER (
      WHERE (m.vendor_signed_at IS NULL OR m.customer_signed_at IS NULL)
        AND EXISTS (SELECT 1 FROM tasks t WHERE t.milestone_id = m.id AND t.status <> 'done')
    )
  FROM plans p
  LEFT JOIN milestones m ON m.plan_id = p.id
  WHERE p.is_current AND p.account_id = ANY (account_ids)
  GROUP BY p.id, p.account_id
  ON CONFLICT (account_id) DO UPDATE SET
    plan_id = excluded.plan_id,
    milestones = excluded.milestones,
    achieved = excluded.achieved,
    first_open_target = excluded.first_open_target,
    first_open_work_target = excluded.first_open_work_target;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION plan_status_rollups_after_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_plan_status_rollups(ARRAY(SELECT DISTINCT account_id FROM new_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION plan_status_rollups_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_plan_status_rollups(ARRAY(
    SELECT account_id FROM new_rows UNION SELECT account_id FROM old_rows
  ));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION plan_status_rollups_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_plan_status_rollups(ARRAY(SELECT DISTINCT account_id FROM old_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plans_rollup_insert AFTER INSERT ON plans REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_status_rollups_after_insert();
--> statement-breakpoint
CREATE TRIGGER plans_rollup_update AFTER UPDATE ON plans REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_status_rollups_after_update();
--> statement-breakpoint
CREATE TRIGGER plans_rollup_delete AFTER DELETE ON plans REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_status_rollups_after_delete();
--> statement-breakpoint
CREATE TRIGGER milestones_rollup_insert AFTER INSERT ON milestones REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_status_rollups_after_insert();
--> statement-breakpoint
CREATE TRIGGER milestones_rollup_update AFTER UPDATE ON milestones REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_status_rollups_after_update();
--> statement-breakpoint
CREATE TRIGGER milestones_rollup_delete AFTER DELETE ON milestones REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_status_rollups_after_delete();
--> statement-breakpoint
CREATE TRIGGER tasks_rollup_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_status_rollups_after_insert();
--> statement-breakpoint
CREATE TRIGGER tasks_rollup_update AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_status_rollups_after_update();
--> statement-breakpoint
CREATE TRIGGER tasks_rollup_delete AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plan_status_rollups_after_delete();
--> statement-breakpoint
SELECT refresh_plan_status_rollups(ARRAY(SELECT DISTINCT account_id FROM plans WHERE is_current));
