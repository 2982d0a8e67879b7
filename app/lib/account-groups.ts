/*
 * A figure counted per account owner and per segment in one query (`group by grouping sets
 * ((accounts.csm_id), (accounts.segment_id))`): how each area reports "how we are doing" to the
 * vendor's own measures (revenue/performance.server.ts) without one area reading another's tables.
 */

export interface AccountGroupKey {
  by: "csm" | "segment";
  /** The CSM's or the segment's id; null: accounts without a CSM. */
  id: string | null;
}

/** The SQL select list's grouping columns, read back. */
export type AccountGroupRow = {
  by_csm: boolean;
  csm_id: string | null;
  segment_id: string | null;
};

export function groupKeyOf(row: AccountGroupRow): AccountGroupKey {
  return row.by_csm ? { by: "csm", id: row.csm_id } : { by: "segment", id: row.segment_id };
}

export function groupKey(key: AccountGroupKey): string {
  return `${key.by}:${key.id ?? ""}`;
}
