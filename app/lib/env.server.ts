import { randomBytes } from "node:crypto";
import { z } from "zod";
import { supportedLocales, type Locale } from "~/i18n/locales";

/**
 * The environment variables Tandem reads, parsed in one place. `server/boot.ts` checks them before
 * anything starts, so a bad value stops `npm start` with a message naming the variable, the value
 * and what is expected — instead of failing on the first request that happens to read it. An empty
 * value counts as unset (so `SMTP_URL=` in a shell or Playwright's config means "no SMTP").
 */

const got = (value: unknown) => `got '${String(value)}'`;

/** Treats "" as unset, then applies the variable's own rule. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  optional(
    z.string().refine((value) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max, {
      message: `${name} must be a whole number from ${min} to ${max}`,
    }),
  ).transform((value) => (value === undefined ? fallback : Number(value)));

const flag = (name: string, fallback: boolean) =>
  optional(z.enum(["true", "false"], { errorMap: () => ({ message: `${name} must be true or false` }) })).transform(
    (value) => (value === undefined ? fallback : value === "true"),
  );

const url = (name: string, protocols: string[], example: string) =>
  optional(
    z.string().refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message: `${name} must be a ${protocols.map((p) => p.replace(":", "")).join(" or ")} URL like ${example}` },
    ),
  );

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

const EnvSchema = z.object({
  NODE_ENV: optional(
    z.enum(["development", "production", "test"], {
      errorMap: () => ({ message: "NODE_ENV must be development, production or test" }),
    }),
  ),
  PORT: wholeNumber("PORT", 1, 65535, 3000),
  HOST: optional(z.string()).transform((value) => value ?? "127.0.0.1"),
  DATABASE_URL: url("DATABASE_URL", ["postgres:", "postgresql:"], "postgres://user:pass@host:5432/db"),
  DATABASE_POOL_SIZE: wholeNumber("DATABASE_POOL_SIZE", 1, 1000, 10),
  SMTP_URL: url("SMTP_URL", ["smtp:", "smtps:"], "smtp://user:pass@host:587"),
  MAIL_FROM: optional(z.string()).transform((value) => value ?? "Tandem <no-reply@tandem.local>"),
  SESSION_SECRET: optional(z.string()),
  APP_URL: url("APP_URL", ["http:", "https:"], "https://success.example.com").transform((value) =>
    value?.replace(/\/$/, ""),
  ),
  // Express's own forms: a number of hops, true/false, or addresses and subnets (loopback, 10.0.0.0/8, …).
  TRUST_PROXY: optional(z.string()).transform((value) =>
    value === undefined || value === "false"
      ? undefined
      : value === "true"
        ? true
        : /^\d+$/.test(value)
          ? Number(value)
          : value,
  ),
  COOKIE_SECURE: optional(
    z.enum(["true", "false"], { errorMap: () => ({ message: "COOKIE_SECURE must be true or false" }) }),
  ),
  // The language of people who chose none and whose browser asks for none Tandem speaks.
  DEFAULT_LOCALE: optional(
    z.enum(supportedLocales, {
      errorMap: () => ({ message: `DEFAULT_LOCALE must be one of ${supportedLocales.join(", ")}` }),
    }),
  ).transform((value): Locale => value ?? "en"),
  VENDOR_NAME: optional(z.string()).transform((value) => value ?? "Lumen Analytics"),
  COMMUNITY_IMAGE_HOSTS: optional(z.string())
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((hosts) => hosts.every((host) => HOSTNAME.test(host)), {
      message: "COMMUNITY_IMAGE_HOSTS must be host names separated by commas, like images.example.com,cdn.example.com",
    }),
  // Months of raw telemetry events kept (whole monthly partitions are dropped past it); rollups stay.
  TELEMETRY_RETENTION_MONTHS: wholeNumber("TELEMETRY_RETENTION_MONTHS", 1, 1200, 13),
  SEED: flag("SEED", true),
  // Whether `npm start` runs the job workers and schedules in the web process (see app/domain/jobs).
  WORKERS: optional(
    z.enum(["inline", "off"], { errorMap: () => ({ message: "WORKERS must be inline or off" }) }),
  ).transform((value) => value ?? "inline"),
  CONTENT_DIR: optional(z.string()).transform((value) => value ?? "content"),
  MDX_CACHE_DIR: optional(z.string()).transform((value) => value ?? ".cache/mdx"),
  TANDEM_EPHEMERAL_DB: optional(
    z.enum(["0", "1"], { errorMap: () => ({ message: "TANDEM_EPHEMERAL_DB must be 1 or 0" }) }),
  ).transform((value) => value === "1"),
  // Where the server writes its database URL for the e2e specs' fixtures (test/e2e/support/database.ts).
  TANDEM_DATABASE_URL_FILE: optional(z.string()),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Tandem can't start: ${problems.length === 1 ? "an environment variable is" : "environment variables are"} wrong.\n${problems.map((problem) => `  - ${problem}`).join("\n")}`,
    );
    this.name = "EnvError";
  }
}

/** Every variable at once, or an EnvError listing each bad value (not just the first). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${issue.message}, ${got(source[name])}`;
    }),
  );
}

/**
 * One variable read at call time, for the few that tests and scripts point elsewhere while the
 * process runs (the content and cache folders). Its value was already checked at start.
 */
export function readEnv<K extends keyof Env>(name: K): Env[K] {
  const result = EnvSchema.shape[name].safeParse(process.env[name]);
  if (!result.success) throw new EnvError([`${result.error.issues[0]?.message}, ${got(process.env[name])}`]);
  return result.data as Env[K];
}

/**
 * Parsed when this module is first imported — at start, since the server imports it before it
 * listens. Outside tests a bad value ends the process with the list of problems, not a stack trace.
 */
function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError) || process.env.VITEST) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}

/** The variables as the server reads them at start (the port, the host, whether to seed, …). */
export const serverEnv = loadEnv();
const env = serverEnv;

const isProduction = env.NODE_ENV === "production";

/** The server listens only on this machine (the default): the local demo over plain http. */
const loopbackOnly = ["127.0.0.1", "localhost", "::1"].includes(env.HOST);

/**
 * Session cookies are Secure in production. The exception is a loopback-only server on plain http
 * (`npm start` on a laptop): Safari and Firefox drop Secure cookies there and sign-in would fail
 * silently. COOKIE_SECURE=true|false overrides both.
 */
export const secureCookies = env.COOKIE_SECURE
  ? env.COOKIE_SECURE === "true"
  : isProduction && (!loopbackOnly || Boolean(env.APP_URL?.startsWith("https:")));

export const smtpUrl = env.SMTP_URL;
export const mailFrom = env.MAIL_FROM;
export const vendorName = env.VENDOR_NAME;
/** DEFAULT_LOCALE: the last resort of locale negotiation (app/i18n/locales.ts). */
export const defaultLocaleSetting = env.DEFAULT_LOCALE;
const sessionSecret = env.SESSION_SECRET;
/**
 * What Tandem's own short-lived cookies (the flash notice, reveal-once, view-as) are signed with:
 * SESSION_SECRET, else a secret of this process — such a cookie then lasts until a restart.
 */
export const cookieSecret = sessionSecret ?? randomBytes(32).toString("hex");

/** Hosts community posts may show images from, besides this site (COMMUNITY_IMAGE_HOSTS, comma-separated). */
export const communityImageHosts = env.COMMUNITY_IMAGE_HOSTS;
