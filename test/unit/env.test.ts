import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/lib/env.server";

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("Expected the environment to be refused");
}

describe("parseEnv", () => {
  it("keeps every default when nothing is set", () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: undefined,
      PORT: 3000,
      HOST: "127.0.0.1",
      DATABASE_URL: undefined,
      DATABASE_POOL_SIZE: 10,
      SMTP_URL: undefined,
      MAIL_FROM: "Tandem <no-reply@tandem.local>",
      SESSION_SECRET: undefined,
      APP_URL: undefined,
      TRUST_PROXY: undefined,
      COOKIE_SECURE: undefined,
      DEFAULT_LOCALE: "en",
      VENDOR_NAME: "Lumen Analytics",
      COMMUNITY_IMAGE_HOSTS: [],
      TELEMETRY_RETENTION_MONTHS: 13,
      SEED: true,
      WORKERS: "inline",
      CONTENT_DIR: "content",
      MDX_CACHE_DIR: ".cache/mdx",
      TANDEM_EPHEMERAL_DB: false,
    });
  });

  it("treats an empty value as unset, as Playwright's SMTP_URL='' and DATABASE_URL='' mean", () => {
    const env = parseEnv({ SMTP_URL: "", DATABASE_URL: "", PORT: "", MAIL_FROM: "", VENDOR_NAME: "" });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.MAIL_FROM).toBe("Tandem <no-reply@tandem.local>");
    expect(env.VENDOR_NAME).toBe("Lumen Analytics");
  });

  it("reads the values the e2e server and a deployment set", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      PORT: "4173",
      HOST: "0.0.0.0",
      DATABASE_URL: "postgresql://tandem:secret@db:5432/tandem",
      DATABASE_POOL_SIZE: "20",
      SMTP_URL: "smtps://user:pass@mail.example.com:465",
      APP_URL: "https://success.example.com/",
      COOKIE_SECURE: "false",
      COMMUNITY_IMAGE_HOSTS: " Images.Example.com , cdn.example.com,",
      SEED: "false",
      CONTENT_DIR: "test/fixtures/content",
      TANDEM_EPHEMERAL_DB: "1",
    });
    expect(env).toMatchObject({
      NODE_ENV: "production",
      PORT: 4173,
      HOST: "0.0.0.0",
      DATABASE_POOL_SIZE: 20,
      APP_URL: "https://success.example.com",
      COOKIE_SECURE: "false",
      COMMUNITY_IMAGE_HOSTS: ["images.example.com", "cdn.example.com"],
      SEED: false,
      CONTENT_DIR: "test/fixtures/content",
      TANDEM_EPHEMERAL_DB: true,
    });
  });

  it("reads TRUST_PROXY in Express's forms: hops, true, or addresses", () => {
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBeUndefined();
    expect(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).TRUST_PROXY).toBe("loopback, 10.0.0.0/8");
  });

  it("names the variable, what it must be and the value it got", () => {
    expect(problemsOf({ PORT: "abc" })).toEqual(["PORT must be a whole number from 1 to 65535, got 'abc'"]);
    expect(problemsOf({ PORT: "70000" })).toEqual(["PORT must be a whole number from 1 to 65535, got '70000'"]);
    expect(problemsOf({ PORT: "80.5" })).toEqual(["PORT must be a whole number from 1 to 65535, got '80.5'"]);
    expect(problemsOf({ DATABASE_POOL_SIZE: "0" })).toEqual([
      "DATABASE_POOL_SIZE must be a whole number from 1 to 1000, got '0'",
    ]);
    expect(problemsOf({ DATABASE_URL: "mysql://x@y/z" })).toEqual([
      "DATABASE_URL must be a postgres or postgresql URL like postgres://user:pass@host:5432/db, got 'mysql://x@y/z'",
    ]);
    expect(problemsOf({ SMTP_URL: "mail.example.com" })).toEqual([
      "SMTP_URL must be a smtp or smtps URL like smtp://user:pass@host:587, got 'mail.example.com'",
    ]);
    expect(problemsOf({ APP_URL: "success.example.com" })).toEqual([
      "APP_URL must be a http or https URL like https://success.example.com, got 'success.example.com'",
    ]);
    expect(problemsOf({ COOKIE_SECURE: "yes" })).toEqual(["COOKIE_SECURE must be true or false, got 'yes'"]);
    expect(problemsOf({ SEED: "no" })).toEqual(["SEED must be true or false, got 'no'"]);
    expect(problemsOf({ WORKERS: "yes" })).toEqual(["WORKERS must be inline or off, got 'yes'"]);
    expect(problemsOf({ NODE_ENV: "prod" })).toEqual(["NODE_ENV must be development, production or test, got 'prod'"]);
    expect(problemsOf({ COMMUNITY_IMAGE_HOSTS: "https://images.example.com" })).toEqual([
      "COMMUNITY_IMAGE_HOSTS must be host names separated by commas, like images.example.com,cdn.example.com, got 'https://images.example.com'",
    ]);
  });

  it("lists every bad value at once, so one start shows them all", () => {
    const error = (() => {
      try {
        parseEnv({ PORT: "abc", SEED: "maybe", HOST: "0.0.0.0" });
      } catch (caught) {
        return caught as EnvError;
      }
      throw new Error("Expected the environment to be refused");
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(error.problems).toHaveLength(2);
    expect(error.message).toBe(
      "Tandem can't start: environment variables are wrong.\n" +
        "  - PORT must be a whole number from 1 to 65535, got 'abc'\n" +
        "  - SEED must be true or false, got 'maybe'",
    );
  });
});

describe("DEFAULT_LOCALE", () => {
  it("takes a supported locale and refuses others with a message naming the variable", () => {
    expect(parseEnv({ DEFAULT_LOCALE: "zh-CN" }).DEFAULT_LOCALE).toBe("zh-CN");
    expect(parseEnv({ DEFAULT_LOCALE: "" }).DEFAULT_LOCALE).toBe("en");
    expect(() => parseEnv({ DEFAULT_LOCALE: "fr" })).toThrow(/DEFAULT_LOCALE must be one of en, zh-CN, got 'fr'/);
  });
});
