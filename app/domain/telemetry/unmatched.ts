/** Rows per page of each unmatched list. */
export const UNMATCHED_PAGE_SIZE = 25;
/** Accounts offered when linking: a search, never the whole list (there may be 10,000). */
export const ACCOUNT_CHOICES = 20;
