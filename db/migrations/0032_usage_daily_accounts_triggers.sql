-- The Usage tab's aggregates (db/schema/telemetry.ts): distinct product users per account over the
-- trailing 1, 7 and 30 UTC days, and per event / filtered key feature the day's events and the
-- trailing-30-day distinct users. A distinct count over a window can't be kept by adding to it, and
-- a late event (a `timestamp` in the past) changes the windows of the 29 days after its day, so
-- statement triggers on the per-user rollups recompute the affected account-days (the changed
-- days and the 29 after each) from those rollups, inside the writer's transaction. Each recompute
-- first takes transaction advisory locks on its accounts, in a fixed order, then reads with a fresh
-- snapshot (read committed), so two writers of one account take turns and the second sees the
-- first's rows; the ingest takes the same locks for a whole batch up front.
--
-- The recount walks each product user's active days in order: an active day `d` followed by the
-- next `n` counts the user in the windows ending `d` … min(d + 29, n - 1) (monthly), d … d + 6
-- of those (weekly) and on `d` itself (daily); those spans never overlap, so counting them is a
-- distinct count.
-- The locks are per bucket of accounts (128 of them), not per account, so a statement over every
-- account (a key feature's recount, a backfill) takes a bounded number of locks.
CREATE OR REPLACE FUNCTION telemetry_lock_usage_accounts(account_ids text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  bucket int;
BEGIN
  FOR bucket IN
    SELECT DISTINCT abs(hashtext(x) % 128) FROM unnest(account_ids) x WHERE x IS NOT NULL ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(hashtext('telemetry-usage'), bucket);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- Every bucket, for a writer about to change the rollups of any number of accounts.
CREATE OR REPLACE FUNCTION telemetry_lock_all_usage_accounts() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  FOR bucket IN 0..127 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('telemetry-usage'), bucket);
  END LOOP;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION telemetry_refresh_active_users(account_ids text[], from_days date[], to_days date[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF account_ids IS NULL OR cardinality(account_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM telemetry_lock_usage_accounts(account_ids);
  DELETE FROM telemetry_daily_active_users t
  USING unnest(account_ids, from_days, to_days) AS r(account_id, from_day, to_day)
  WHERE t.account_id = r.account_id AND t.day BETWEEN r.from_day AND r.to_day;
  INSERT INTO telemetry_daily_active_users (account_id, day, daily, weekly, monthly)
  SELECT c.account_id, c.day,
         (count(*) FILTER (WHERE c.day = c.active_day))::int,
         (count(*) FILTER (WHERE c.day - c.active_day < 7))::int,
         count(*)::int
  FROM (
    SELECT s.account_id, s.day AS active_day, s.day + g.k AS day
    FROM (
      SELECT u.account_id, u.day, r.from_day, r.to_day,
             lead(u.day) OVER (PARTITION BY u.account_id, u.product_user_id ORDER BY u.day) AS next_day
      FROM unnest(account_ids, from_days, to_days) AS r(account_id, from_day, to_day)
      JOIN telemetry_daily_users u ON u.account_id = r.account_id AND u.day BETWEEN r.from_day - 29 AND r.to_day
    ) s
    CROSS JOIN LATERAL generate_series(greatest(s.day, s.from_day) - s.day,
                                       least(s.day + 29, s.next_day - 1, s.to_day) - s.day) AS g(k)
  ) c
  GROUP BY 1, 2;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION telemetry_refresh_event_usage(account_ids text[], event_names text[], from_days date[], to_days date[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF account_ids IS NULL OR cardinality(account_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM telemetry_lock_usage_accounts(account_ids);
  DELETE FROM telemetry_daily_event_usage t
  USING unnest(account_ids, event_names, from_days, to_days) AS r(account_id, event, from_day, to_day)
  WHERE t.account_id = r.account_id AND t.event = r.event AND t.day BETWEEN r.from_day AND r.to_day;
  INSERT INTO telemetry_daily_event_usage (account_id, event, day, events, monthly_users)
  WITH r AS (
    SELECT * FROM unnest(account_ids, event_names, from_days, to_days) AS r(account_id, event, from_day, to_day)
  )
  SELECT c.account_id, c.event, c.day, sum(c.events)::int, (count(*) FILTER (WHERE c.is_user))::int
  FROM (
    SELECT e.account_id, e.event, e.day, e.events, false AS is_user
    FROM r JOIN telemetry_daily_events e
      ON e.account_id = r.account_id AND e.event = r.event AND e.day BETWEEN r.from_day AND r.to_day
    UNION ALL
    SELECT s.account_id, s.event, s.day + g.k, 0, true
    FROM (
      SELECT e.account_id, e.event, e.day, r.from_day, r.to_day,
             lead(e.day) OVER (PARTITION BY e.account_id, e.event, e.product_user_id ORDER BY e.day) AS next_day
      FROM r JOIN telemetry_daily_events e
        ON e.account_id = r.account_id AND e.event = r.event AND e.day BETWEEN r.from_day - 29 AND r.to_day
      WHERE e.product_user_id <> ''
    ) s
    CROSS JOIN LATERAL generate_series(greatest(s.day, s.from_day) - s.day,
                                       least(s.day + 29, s.next_day - 1, s.to_day) - s.day) AS g(k)
  ) c
  GROUP BY 1, 2, 3;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION telemetry_refresh_key_feature_usage(account_ids text[], key_feature_ids text[], from_days date[], to_days date[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF account_ids IS NULL OR cardinality(account_ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM telemetry_lock_usage_accounts(account_ids);
  DELETE FROM telemetry_daily_key_feature_usage t
  USING unnest(account_ids, key_feature_ids, from_days, to_days) AS r(account_id, key_feature_id, from_day, to_day)
  WHERE t.account_id = r.account_id AND t.key_feature_id = r.key_feature_id AND t.day BETWEEN r.from_day AND r.to_day;
  INSERT INTO telemetry_daily_key_feature_usage (account_id, key_feature_id, day, events, monthly_users)
  WITH r AS (
    SELECT * FROM unnest(account_ids, key_feature_ids, from_days, to_days) AS r(account_id, key_feature_id, from_day, to_day)
  )
  SELECT c.account_id, c.key_feature_id, c.day, sum(c.events)::int, (count(*) FILTER (WHERE c.is_user))::int
  FROM (
    SELECT k.account_id, k.key_feature_id, k.day, k.events, false AS is_user
    FROM r JOIN telemetry_daily_key_features k
      ON k.account_id = r.account_id AND k.key_feature_id = r.key_feature_id AND k.day BETWEEN r.from_day AND r.to_day
    UNION ALL
    SELECT s.account_id, s.key_feature_id, s.day + g.k, 0, true
    FROM (
      SELECT k.account_id, k.key_feature_id, k.day, r.from_day, r.to_day,
             lead(k.day) OVER (PARTITION BY k.account_id, k.key_feature_id, k.product_user_id ORDER BY k.day) AS next_day
      FROM r JOIN telemetry_daily_key_features k
        ON k.account_id = r.account_id AND k.key_feature_id = r.key_feature_id
       AND k.day BETWEEN r.from_day - 29 AND r.to_day
      WHERE k.product_user_id <> ''
    ) s
    CROSS JOIN LATERAL generate_series(greatest(s.day, s.from_day) - s.day,
                                       least(s.day + 29, s.next_day - 1, s.to_day) - s.day) AS g(k)
  ) c
  GROUP BY 1, 2, 3
  -- A feature deleted in this transaction cascades its rollup away: nothing to count for it.
  HAVING EXISTS (SELECT 1 FROM telemetry_key_features f WHERE f.id = c.key_feature_id);
END;
$$;
--> statement-breakpoint
-- Inserted or deleted per-user rows change who was active: recount their days and the 29 after.
CREATE OR REPLACE FUNCTION telemetry_daily_users_after_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM telemetry_refresh_active_users(array_agg(account_id), array_agg(from_day), array_agg(to_day))
  FROM (SELECT account_id, min(day) AS from_day, max(day) + 29 AS to_day FROM changed_rows GROUP BY 1) r;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION telemetry_daily_events_after_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM telemetry_refresh_event_usage(array_agg(account_id), array_agg(event), array_agg(from_day), array_agg(to_day))
  FROM (SELECT account_id, event, min(day) AS from_day, max(day) + 29 AS to_day FROM changed_rows GROUP BY 1, 2) r;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- An update only adds to a row's events (who was active is unchanged): recount those days' events.
CREATE OR REPLACE FUNCTION telemetry_daily_events_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM telemetry_lock_usage_accounts(ARRAY(SELECT DISTINCT account_id FROM changed_rows));
  INSERT INTO telemetry_daily_event_usage AS t (account_id, event, day, events, monthly_users)
  SELECT e.account_id, e.event, e.day, sum(e.events)::int, 0
  FROM (SELECT DISTINCT account_id, event, day FROM changed_rows) r
  JOIN telemetry_daily_events e ON e.account_id = r.account_id AND e.event = r.event AND e.day = r.day
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (account_id, event, day) DO UPDATE SET events = excluded.events;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION telemetry_daily_key_features_after_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM telemetry_refresh_key_feature_usage(array_agg(account_id), array_agg(key_feature_id), array_agg(from_day), array_agg(to_day))
  FROM (SELECT account_id, key_feature_id, min(day) AS from_day, max(day) + 29 AS to_day FROM changed_rows GROUP BY 1, 2) r;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION telemetry_daily_key_features_after_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM telemetry_lock_usage_accounts(ARRAY(SELECT DISTINCT account_id FROM changed_rows));
  INSERT INTO telemetry_daily_key_feature_usage AS t (account_id, key_feature_id, day, events, monthly_users)
  SELECT k.account_id, k.key_feature_id, k.day, sum(k.events)::int, 0
  FROM (SELECT DISTINCT account_id, key_feature_id, day FROM changed_rows) r
  JOIN telemetry_daily_key_features k ON k.account_id = r.account_id AND k.key_feature_id = r.key_feature_id AND k.day = r.day
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (account_id, key_feature_id, day) DO UPDATE SET events = excluded.events;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER telemetry_daily_users_usage_insert AFTER INSERT ON telemetry_daily_users REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION telemetry_daily_users_after_change();
--> statement-breakpoint
CREATE TRIGGER telemetry_daily_users_usage_delete AFTER DELETE ON telemetry_daily_users REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION telemetry_daily_users_after_change();
--> statement-breakpoint
CREATE TRIGGER telemetry_daily_events_usage_insert AFTER INSERT ON telemetry_daily_events REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION telemetry_daily_events_after_change();
--> statement-breakpoint
CREATE TRIGGER telemetry_daily_events_usage_delete AFTER DELETE ON telemetry_daily_events REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION telemetry_daily_events_after_change();
--> statement-breakpoint
CREATE TRIGGER telemetry_daily_events_usage_update AFTER UPDATE ON telemetry_daily_events REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION telemetry_daily_events_after_update();
--> statement-breakpoint
CREATE TRIGGER telemetry_daily_key_features_usage_insert AFTER INSERT ON telemetry_daily_key_features REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION telemetry_daily_key_features_after_change();
--> statement-breakpoint
CREATE TRIGGER telemetry_daily_key_features_usage_delete AFTER DELETE ON telemetry_daily_key_features REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION telemetry_daily_key_features_after_change();
--> statement-breakpoint
CREATE TRIGGER telemetry_daily_key_features_usage_update AFTER UPDATE ON telemetry_daily_key_features REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION telemetry_daily_key_features_after_update();
--> statement-breakpoint
-- The existing rollups, once.
SELECT telemetry_refresh_active_users(array_agg(account_id), array_agg(from_day), array_agg(to_day))
FROM (SELECT account_id, min(day) AS from_day, max(day) + 29 AS to_day FROM telemetry_daily_users GROUP BY 1) r;
--> statement-breakpoint
SELECT telemetry_refresh_event_usage(array_agg(account_id), array_agg(event), array_agg(from_day), array_agg(to_day))
FROM (SELECT account_id, event, min(day) AS from_day, max(day) + 29 AS to_day FROM telemetry_daily_events GROUP BY 1, 2) r;
--> statement-breakpoint
SELECT telemetry_refresh_key_feature_usage(array_agg(account_id), array_agg(key_feature_id), array_agg(from_day), array_agg(to_day))
FROM (SELECT account_id, key_feature_id, min(day) AS from_day, max(day) + 29 AS to_day FROM telemetry_daily_key_features GROUP BY 1, 2) r;
