-- health_current holds each account's latest score, grade and 30-day drop (db/schema/health.ts),
-- what the staff account list sorts and filters by. Statement triggers on health_snapshots refresh
-- the rows of the accounts a statement touched, inside the writer's transaction, so no writer of
-- snapshots (recompute, seed, factories, bulk generators) can forget it.
CREATE OR REPLACE FUNCTION refresh_health_current(account_ids text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF account_ids IS NULL OR cardinality(account_ids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM health_current c
  WHERE c.account_id = ANY (account_ids)
    AND NOT EXISTS (SELECT 1 FROM health_snapshots s WHERE s.account_id = c.account_id);
  INSERT INTO health_current AS c (account_id, day, overall, grade, drop_30)
  SELECT l.account_id, l.day, l.overall, l.grade,
    (SELECT p.overall - l.overall
     FROM health_snapshots p
     WHERE p.account_id = l.account_id AND p.day <= l.day - 30 AND p.day > l.day - 37
     ORDER BY p.day DESC
     LIMIT 1)
  FROM (
    SELECT DISTINCT ON (s.account_id) s.account_id, s.day, s.overall, s.grade
    FROM health_snapshots s
    WHERE s.account_id = ANY (account_ids)
    ORDER BY s.account_id, s.day DESC
  ) l
  ON CONFLICT (account_id) DO UPDATE SET
    day = excluded.day,
    overall = excluded.overall,
    grade = excluded.grade,
    drop_30 = excluded.drop_30;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION health_current_after_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_health_current(ARRAY(SELECT DISTINCT account_id FROM new_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION health_current_after_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_health_current(ARRAY(SELECT DISTINCT account_id FROM old_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER health_snapshots_current_insert AFTER INSERT ON health_snapshots REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION health_current_after_write();
--> statement-breakpoint
CREATE TRIGGER health_snapshots_current_update AFTER UPDATE ON health_snapshots REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION health_current_after_write();
--> statement-breakpoint
CREATE TRIGGER health_snapshots_current_delete AFTER DELETE ON health_snapshots REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION health_current_after_delete();
--> statement-breakpoint
SELECT refresh_health_current(ARRAY(SELECT DISTINCT account_id FROM health_snapshots));
