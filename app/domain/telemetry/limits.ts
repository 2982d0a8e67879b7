/** The ingest API's limits, as documented in the OpenAPI document and the README. */
export const MAX_EVENT_BYTES = 32 * 1024;
/** Applies after gzip decompression. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
export const MAX_BATCH_EVENTS = 2500;
export const MAX_MESSAGE_ID_LENGTH = 100;
export const MAX_ID_LENGTH = 255;
export const MAX_EVENT_NAME_LENGTH = 200;
export const MAX_NESTING_DEPTH = 10;
/** A timestamp further ahead of the server's clock than this is refused (after skew correction). */
export const MAX_FUTURE_MS = 23 * 60 * 60 * 1000;
/** Nothing the product sends happened before this. */
export const EARLIEST_TIMESTAMP = Date.UTC(2000, 0, 1);
