/** What an API key may do (browser-safe, for the keys page's form): send telemetry, or read accounts and health. */
export const API_KEY_SCOPES = ["ingest", "read"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
