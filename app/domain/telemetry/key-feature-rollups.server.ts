import { sql } from "drizzle-orm";
import type { Executor } from "~db/client.server";
import { dayOf } from "./rollups";

export interface TrackedUse {
  accountId: string;
  productUserId: string | null;
  event: string;
  occurredAt: Date;
  properties: Record<string, unknown> | null;
}

/**
 * Adds tracked events to the rollup of the key features that have a property filter (one query,
 * joined with the features in the database so a feature saved a moment ago counts at once).
 * Features without a filter need nothing here: they read the per-event rollup.
 */
export async function addToKeyFeatureRollups(tx: Executor, uses: readonly TrackedUse[]) {
  const rows = uses
    .filter((use) => use.properties && Object.keys(use.properties).length > 0)
    .map((use) => ({
      account_id: use.accountId,
      day: dayOf(use.occurredAt),
      event: use.event,
      product_user_id: use.productUserId ?? "",
      properties: use.properties,
    }));
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into telemetry_daily_key_features as d (account_id, key_feature_id, day, product_user_id, events)
    select x.account_id, f.id, x.day, x.product_user_id, count(*)::int
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(account_id text, day date, event text, product_user_id text, properties jsonb)
    join telemetry_key_features f
      on f.event = x.event and f.property_key is not null and x.properties ->> f.property_key = f.property_value
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (account_id, key_feature_id, day, product_user_id) do update set events = d.events + excluded.events`);
}
