import { REJECTION_MESSAGES } from "./events";
import {
  MAX_BATCH_EVENTS,
  MAX_EVENT_BYTES,
  MAX_MESSAGE_ID_LENGTH,
  MAX_NESTING_DEPTH,
  MAX_REQUEST_BYTES,
} from "./limits";
import { BODY_PROBLEM_MESSAGES } from "./request-body.server";
import { MEASURE_KEYS } from "~/domain/health/measures";
import { ACCOUNTS_PAGE_DEFAULT, ACCOUNTS_PAGE_MAX } from "~/domain/health/read-api";
import { CURRENCIES } from "~/domain/revenue/currencies";
import { FORECAST_CALLS } from "~/domain/revenue/forecast";

const common = {
  messageId: {
    type: "string",
    maxLength: MAX_MESSAGE_ID_LENGTH,
    description: "Unique per source; a resend is a duplicate.",
  },
  timestamp: { type: "string", format: "date-time", description: "When it happened (corrected with sentAt)." },
  sentAt: { type: "string", format: "date-time", description: "When the client sent it, by the client's clock." },
  userId: { type: ["string", "number"] },
  anonymousId: { type: ["string", "number"] },
  context: {
    type: "object",
    description: `Free-form; context.groupId names the account. Nested at most ${MAX_NESTING_DEPTH} levels.`,
    properties: { groupId: { type: ["string", "number"] } },
  },
};

const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });

const object = { type: "object", description: `Nested at most ${MAX_NESTING_DEPTH} levels.` };

const schemas = {
  Track: {
    type: "object",
    required: ["event"],
    description: "userId or anonymousId is required.",
    properties: { type: { const: "track" }, event: { type: "string", maxLength: 200 }, properties: object, ...common },
  },
  Identify: {
    type: "object",
    required: ["userId"],
    properties: {
      type: { const: "identify" },
      traits: { ...object, description: "email, name (or firstName and lastName) name the product user." },
      ...common,
    },
  },
  Group: {
    type: "object",
    required: ["groupId"],
    properties: {
      type: { const: "group" },
      groupId: { type: ["string", "number"], description: "The account's external id in Tandem." },
      traits: object,
      ...common,
    },
  },
  Event: {
    oneOf: [
      { $ref: "#/components/schemas/Track" },
      { $ref: "#/components/schemas/Identify" },
      { $ref: "#/components/schemas/Group" },
    ],
    discriminator: { propertyName: "type" },
  },
  Batch: {
    oneOf: [
      {
        type: "object",
        required: ["batch"],
        properties: {
          batch: { type: "array", maxItems: MAX_BATCH_EVENTS, items: { $ref: "#/components/schemas/Event" } },
          sentAt: common.sentAt,
        },
      },
      { type: "array", maxItems: MAX_BATCH_EVENTS, items: { $ref: "#/components/schemas/Event" } },
    ],
  },
  Verdict: {
    type: "object",
    required: ["accepted", "duplicates", "rejected", "results"],
    properties: {
      accepted: { type: "integer" },
      duplicates: { type: "integer" },
      rejected: { type: "integer" },
      results: {
        type: "array",
        items: {
          type: "object",
          required: ["messageId", "status"],
          properties: {
            messageId: { type: ["string", "null"] },
            status: { enum: ["accepted", "duplicate", "rejected"] },
            reason: { enum: Object.keys(REJECTION_MESSAGES), description: describe(REJECTION_MESSAGES) },
            message: { type: "string" },
          },
        },
      },
      error: { $ref: "#/components/schemas/Error/properties/error" },
    },
  },
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", description: describe(BODY_PROBLEM_MESSAGES) },
          message: { type: "string" },
        },
      },
    },
  },
};

const grade = { type: ["string", "null"], enum: ["red", "yellow", "green", null] };
const forecastCall = { type: ["string", "null"], enum: [...FORECAST_CALLS, null] };
const money = (description: string) => ({ type: "number", description: `${description} In major units.` });
const share = (description: string) => ({
  type: ["number", "null"],
  description: `${description} Null without a cohort.`,
});

// An account's revenue, in the accounts list and the health answer alike.
const revenueProperties = {
  status: {
    enum: ["active", "churned"],
    description: "churned once the subscription churned (its ARR went to zero and it has not re-signed).",
  },
  arr: {
    type: ["number", "null"],
    description:
      "The subscription's annual recurring revenue in major units of currency (0 once churned); null without a subscription.",
  },
  currency: {
    type: ["string", "null"],
    enum: [...CURRENCIES, null],
    description: "ISO 4217; null without a subscription.",
  },
  renewalDate: {
    type: ["string", "null"],
    format: "date",
    description: "The subscription's next renewal; null without one.",
  },
  forecast: {
    type: "object",
    required: ["call", "automatic"],
    description: "The renewal forecast, as on the Renewals page.",
    properties: {
      call: { ...forecastCall, description: "The CSM's call; null until someone makes one." },
      automatic: {
        ...forecastCall,
        description:
          "What health suggests (grade, score and its 30-day trend); will_churn once churned, null without a score or a subscription.",
      },
    },
  },
};

// The read API's answers (health's numbers, app/domain/health/read-api.server.ts; revenue's,
// app/domain/revenue/account-revenue.server.ts and read-api.server.ts).
const readSchemas = {
  Account: {
    type: "object",
    required: ["id", "externalId", "name", "segment", "health", "status", "arr", "currency", "renewalDate", "forecast"],
    properties: {
      id: { type: "string" },
      externalId: {
        type: ["string", "null"],
        description: "The vendor's own id (CRM or billing), as telemetry's groupId.",
      },
      name: { type: "string" },
      segment: {
        type: "object",
        required: ["id", "name"],
        properties: { id: { type: "string" }, name: { type: "string" } },
      },
      health: {
        type: "object",
        required: ["score", "grade"],
        description: "The latest daily snapshot; both null while no health has been computed.",
        properties: { score: { type: ["integer", "null"], minimum: 0, maximum: 100 }, grade },
      },
      ...revenueProperties,
    },
  },
  AccountPage: {
    type: "object",
    required: ["data", "nextCursor"],
    properties: {
      data: { type: "array", items: { $ref: "#/components/schemas/Account" } },
      nextCursor: { type: ["string", "null"], description: "Pass as cursor for the next page; null on the last page." },
    },
  },
  Health: {
    type: "object",
    required: [
      "accountId",
      "score",
      "grade",
      "coverage",
      "modelVersion",
      "computedAt",
      "measures",
      "override",
      "pulse",
      "status",
      "arr",
      "currency",
      "renewalDate",
      "forecast",
    ],
    properties: {
      accountId: { type: "string" },
      score: { type: ["integer", "null"], minimum: 0, maximum: 100, description: "Null when no measure has data." },
      grade,
      coverage: {
        type: ["object", "null"],
        description:
          "What the score rests on: measures with data of those the model weighs, and their share of the weight.",
        required: ["measures", "of", "weight"],
        properties: {
          measures: { type: "integer" },
          of: { type: "integer" },
          weight: { type: "integer", minimum: 0, maximum: 100, description: "Percent of the model's weight." },
        },
      },
      modelVersion: { type: ["integer", "null"], description: "The version of the segment's model that scored it." },
      computedAt: { type: ["string", "null"], format: "date-time" },
      measures: {
        type: "array",
        items: {
          type: "object",
          required: ["key", "label", "score", "weight", "inputs"],
          properties: {
            key: { enum: [...MEASURE_KEYS] },
            label: { type: "string", description: "In English." },
            score: { type: ["integer", "null"], minimum: 0, maximum: 100, description: "Null: no data (not zero)." },
            weight: { type: "integer", description: "The measure's weight in the model (weights sum to 100)." },
            inputs: { type: "object", description: "What the score was computed from (counts, days, shares)." },
          },
        },
      },
      override: {
        type: ["object", "null"],
        description: "A grade a CSM set by hand that counts today, shown beside the computed score.",
        required: ["grade", "reason", "expiresOn"],
        properties: {
          grade: { enum: ["red", "yellow", "green"] },
          reason: { type: "string" },
          expiresOn: { type: "string", format: "date", description: "Its last day." },
        },
      },
      pulse: {
        type: ["object", "null"],
        description: "The CSM's latest pulse (their own read of the account), fresh or not; null until one is set.",
        required: ["grade", "setAt", "expiresAt", "fresh"],
        properties: {
          grade: { enum: ["red", "yellow", "green"] },
          setAt: { type: "string", format: "date-time" },
          expiresAt: { type: "string", format: "date-time" },
          fresh: { type: "boolean", description: "False once expiresAt has passed: the score no longer weighs it." },
        },
      },
      ...revenueProperties,
    },
  },
};

const retentionSchemas = {
  Retention: {
    type: "object",
    required: ["period", "currencies"],
    properties: {
      period: {
        type: "object",
        required: ["key", "start", "end"],
        properties: {
          key: {
            type: "string",
            description: "The period as normalised: 2026-Q3, 2026-07, 2026 or 2026-01-15..2026-02-20.",
          },
          start: { type: "string", format: "date", description: "Its first day." },
          end: { type: "string", format: "date", description: "Its last day." },
        },
      },
      currencies: {
        type: "array",
        description:
          "One entry per currency of the cohort (amounts in different currencies are never added), largest starting ARR first. Empty without a cohort.",
        items: { $ref: "#/components/schemas/RetentionTotals" },
      },
    },
  },
  RetentionTotals: {
    type: "object",
    required: [
      "currency",
      "startArr",
      "expansion",
      "contraction",
      "churn",
      "endArr",
      "grr",
      "nrr",
      "logosAtStart",
      "logosLost",
      "logoChurn",
    ],
    description:
      "The cohort is every account with ARR the day before the period; accounts signed during it are new business and stay out. A churn and a re-sign inside the period net into an expansion or a contraction.",
    properties: {
      currency: { enum: [...CURRENCIES] },
      startArr: money("The cohort's ARR the day before the period."),
      expansion: money("ARR added by the cohort's accounts."),
      contraction: money("ARR removed by accounts that stayed."),
      churn: money("ARR of the accounts lost."),
      endArr: money("The cohort's ARR at the period's end: start + expansion − contraction − churn."),
      grr: share("Gross revenue retention, (start − contraction − churn) ÷ start, as a fraction (0.92 = 92 %)."),
      nrr: share("Net revenue retention, (start + expansion − contraction − churn) ÷ start, as a fraction."),
      logosAtStart: { type: "integer", description: "Accounts in the cohort." },
      logosLost: { type: "integer", description: "Cohort accounts that churned and did not re-sign in the period." },
      logoChurn: share("logosLost ÷ logosAtStart."),
    },
  },
};

const readErrors = {
  "401": { description: "Missing, unknown or revoked key.", content: json("Error") },
  "403": {
    description: "A key without the read scope (a write key): error.code is wrong_scope.",
    content: json("Error"),
  },
  "429": {
    description: "Past the key's rate limit.",
    headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } },
    content: json("Error"),
  },
};

const readPaths = {
  "/accounts": {
    get: {
      summary: "List accounts with their health and revenue, in pages",
      security: [{ bearer: [] }, { basic: [] }],
      parameters: [
        { name: "cursor", in: "query", schema: { type: "string" }, description: "A nextCursor from the page before." },
        {
          name: "limit",
          in: "query",
          schema: { type: "integer", minimum: 1, maximum: ACCOUNTS_PAGE_MAX, default: ACCOUNTS_PAGE_DEFAULT },
        },
      ],
      responses: {
        "200": { description: "One page, in a stable order.", content: json("AccountPage") },
        "400": { description: "A cursor this endpoint didn't make, or a bad limit.", content: json("Error") },
        ...readErrors,
      },
    },
  },
  "/accounts/{id}/health": {
    get: {
      summary: "An account's health: score, grade, coverage and each measure with its inputs",
      security: [{ bearer: [] }, { basic: [] }],
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "200": { description: "The same numbers as the account's Health tab.", content: json("Health") },
        "404": { description: "No account has this id.", content: json("Error") },
        ...readErrors,
      },
    },
  },
};

const retentionPaths = {
  "/retention": {
    get: {
      summary: "Retention over a period per currency: start ARR, expansion, contraction, churn, GRR, NRR, logo churn",
      security: [{ bearer: [] }, { basic: [] }],
      parameters: [
        {
          name: "period",
          in: "query",
          required: true,
          schema: { type: "string", examples: ["2026-Q3", "2026-07", "2026", "2026-01-15..2026-02-20"] },
          description:
            "A quarter (YYYY-Qn), a month (YYYY-MM), a year (YYYY) or a range of days (YYYY-MM-DD..YYYY-MM-DD).",
        },
      ],
      responses: {
        "200": { description: "The same numbers as the Retention page.", content: json("Retention") },
        "400": { description: "A missing or unknown period: error.code is invalid_period.", content: json("Error") },
        ...readErrors,
      },
    },
  },
};

function describe(messages: Record<string, string>): string {
  return Object.entries(messages)
    .map(([code, message]) => `${code}: ${message}`)
    .join("\n");
}

function operation(summary: string, body: string) {
  return {
    post: {
      summary,
      security: [{ basic: [] }, { bearer: [] }],
      requestBody: {
        required: true,
        description: `JSON, optionally gzip-encoded. At most ${MAX_REQUEST_BYTES / 1024 / 1024} MB after decompression, ${MAX_EVENT_BYTES / 1024} KB per event.`,
        content: json(body),
      },
      responses: {
        "200": { description: "At least one event accepted or recognised as a duplicate.", content: json("Verdict") },
        "400": {
          description: "Every event was rejected (with the verdicts), or the body is unusable.",
          content: json("Verdict"),
        },
        "401": { description: "Missing, unknown or revoked write key.", content: json("Error") },
        "403": {
          description: "A key without the ingest scope (a read key): error.code is wrong_scope.",
          content: json("Error"),
        },
        "413": {
          description: `Over ${MAX_REQUEST_BYTES / 1024 / 1024} MB or ${MAX_BATCH_EVENTS} events.`,
          content: json("Error"),
        },
        "415": { description: "Not application/json, or an encoding other than gzip.", content: json("Error") },
        "429": {
          description: "Past the write key's rate limit.",
          headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait." } },
          content: json("Error"),
        },
        "503": { description: "Nothing was stored; retry.", content: json("Error") },
      },
    },
  };
}

/** The API's OpenAPI document (ingest and read), served at /api/v1/openapi.json. */
export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Tandem API",
    version: "1.3.0",
    description:
      "Segment-compatible product telemetry (POST, with a key of scope ingest, a write key) and, with a key of scope read, accounts with their health and revenue and retention per period (GET). Create keys under Telemetry → API keys; send one as a Bearer token or as the HTTP Basic user name with an empty password. A key of the other scope is refused with 403. Events are idempotent by messageId.",
  },
  servers: [{ url: "/api/v1" }],
  paths: {
    "/batch": operation("Send up to 2,500 calls of any type", "Batch"),
    "/track": operation("Record that a product user did something", "Track"),
    "/identify": operation("Say who a product user is (email, name)", "Identify"),
    "/group": operation("Put a product user in an account (groupId = the account's external id)", "Group"),
    ...readPaths,
    ...retentionPaths,
  },
  components: {
    securitySchemes: { basic: { type: "http", scheme: "basic" }, bearer: { type: "http", scheme: "bearer" } },
    schemas: { ...schemas, ...readSchemas, ...retentionSchemas },
  },
} as const;
