import { REJECTION_MESSAGES } from "./events";
import {
  MAX_BATCH_EVENTS,
  MAX_EVENT_BYTES,
  MAX_MESSAGE_ID_LENGTH,
  MAX_NESTING_DEPTH,
  MAX_REQUEST_BYTES,
} from "./limits";
import { BODY_PROBLEM_MESSAGES } from "./request-body.server";

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

function describe(messages: Record<string, string>): string {
  return Object.entries(messages)
    .map(([code, message]) => `${code}: ${message}`)
    .join("\n");
}

const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });

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

/** The ingest API's OpenAPI document, served at /api/v1/openapi.json. */
export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Tandem ingest API",
    version: "1.0.0",
    description:
      "Segment-compatible product telemetry. Authenticate with a write key (Telemetry → Write keys) as the HTTP Basic user name with an empty password, or as a Bearer token. Events are idempotent by messageId.",
  },
  servers: [{ url: "/api/v1" }],
  paths: {
    "/batch": operation("Send up to 2,500 calls of any type", "Batch"),
    "/track": operation("Record that a product user did something", "Track"),
    "/identify": operation("Say who a product user is (email, name)", "Identify"),
    "/group": operation("Put a product user in an account (groupId = the account's external id)", "Group"),
  },
  components: {
    securitySchemes: { basic: { type: "http", scheme: "basic" }, bearer: { type: "http", scheme: "bearer" } },
    schemas,
  },
} as const;
