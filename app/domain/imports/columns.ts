/* The columns of the accounts and people CSV files: the export writes them, the import reads exactly these. */

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
