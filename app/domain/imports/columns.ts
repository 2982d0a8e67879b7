/*
 * The columns of the accounts and people CSV files (the export writes them, the import reads exactly
 * these) and the import's limits. Browser-safe: the import page reads it; csv-parse stays on the server.
 */

/** The accounts import's columns (the import reads exactly these). */
export const ACCOUNT_COLUMNS = [
  "name",
  "external_id",
  "segment",
  "industry",
  "region",
  "seats",
  "csm_email",
  "arr",
  "currency",
  "start_date",
  "renewal_date",
] as const;

/** The people import's columns. */
export const PEOPLE_COLUMNS = ["account_external_id", "email", "name", "role", "title"] as const;

export const IMPORT_KINDS = ["accounts", "people"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The upload limit of the import route (server/body-limit.ts lets this path's forms be this big). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** More rows than a book of business has; past it the file is refused as a whole. */
export const MAX_IMPORT_ROWS = 50_000;
