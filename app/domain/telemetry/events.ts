import { z } from "zod";
import {
  EARLIEST_TIMESTAMP,
  MAX_EVENT_BYTES,
  MAX_EVENT_NAME_LENGTH,
  MAX_FUTURE_MS,
  MAX_ID_LENGTH,
  MAX_MESSAGE_ID_LENGTH,
  MAX_NESTING_DEPTH,
} from "./limits";

const CALL_TYPES = ["track", "identify", "group"] as const;
export type CallType = (typeof CALL_TYPES)[number];

/** Why an event was refused: a stable code for machines, documented in the OpenAPI document. */
export type RejectionCode =
  | "not_an_object"
  | "missing_type"
  | "unknown_type"
  | "type_mismatch"
  | "missing_event"
  | "event_name_too_long"
  | "missing_user_id"
  | "missing_group_id"
  | "invalid_id"
  | "message_id_too_long"
  | "invalid_object"
  | "too_deep"
  | "invalid_timestamp"
  | "timestamp_in_future"
  | "timestamp_too_old"
  | "event_too_large"
  | "nul_character"
  | "invalid_unicode";

export const REJECTION_MESSAGES: Record<RejectionCode, string> = {
  not_an_object: "Each event must be a JSON object.",
  missing_type: "The event has no type (track, identify or group).",
  unknown_type: "The event's type is not one of track, identify or group.",
  type_mismatch: "The event's type does not match the endpoint it was sent to.",
  missing_event: "A track call needs an event name.",
  event_name_too_long: `An event name has at most ${MAX_EVENT_NAME_LENGTH} characters.`,
  missing_user_id: "The event needs a userId (or, for track, an anonymousId).",
  missing_group_id: "A group call needs a groupId.",
  invalid_id: `Ids must be strings or numbers of at most ${MAX_ID_LENGTH} characters.`,
  message_id_too_long: `A messageId has at most ${MAX_MESSAGE_ID_LENGTH} characters.`,
  invalid_object: "properties, traits and context must be JSON objects.",
  too_deep: `properties, traits and context may be nested at most ${MAX_NESTING_DEPTH} levels deep.`,
  invalid_timestamp: "timestamp and sentAt must be ISO 8601 date-times.",
  timestamp_in_future: "The event's timestamp is more than 23 hours in the future.",
  timestamp_too_old: "The event's timestamp is before the year 2000.",
  event_too_large: `An event may be at most ${MAX_EVENT_BYTES / 1024} KB.`,
  nul_character: "The event contains a NUL character.",
  invalid_unicode: "The event contains an unpaired UTF-16 surrogate.",
};

/** An event that passed validation, with its time corrected for the client's clock. */
export interface ValidEvent {
  type: CallType;
  messageId: string;
  event: string | null;
  userId: string | null;
  anonymousId: string | null;
  /** The group of a group call, or the context.groupId of a track/identify call. */
  groupId: string | null;
  occurredAt: Date;
  originalTimestamp: Date | null;
  sentAt: Date | null;
  properties: Record<string, unknown> | null;
  traits: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
}

export type EventVerdict =
  { ok: true; event: ValidEvent } | { ok: false; messageId: string | null; reason: RejectionCode };

class Rejection extends Error {
  constructor(readonly code: RejectionCode) {
    super(code);
  }
}

const IdSchema = z.union([z.string().min(1).max(MAX_ID_LENGTH), z.number().finite().transform(String)]);
// Offsets are required so a time means one instant whatever the server's zone.
const DateTimeSchema = z.string().datetime({ offset: true });

function optionalId(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  const parsed = IdSchema.safeParse(value);
  if (!parsed.success) throw new Rejection("invalid_id");
  return parsed.data;
}

function optionalDate(value: unknown): Date | null {
  if (value === undefined || value === null) return null;
  if (!DateTimeSchema.safeParse(value).success) throw new Rejection("invalid_timestamp");
  return new Date(value as string);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function depthOf(value: unknown, limit: number): number {
  if (typeof value !== "object" || value === null) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, limit));
    if (deepest >= limit) break;
  }
  return deepest + 1;
}

function optionalObject(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  if (!isPlainObject(value)) throw new Rejection("invalid_object");
  if (depthOf(value, MAX_NESTING_DEPTH + 1) > MAX_NESTING_DEPTH) throw new Rejection("too_deep");
  return value;
}

/**
 * Segment's clock-skew rule: the device's clock may be wrong, but the gap between when the event
 * happened and when the batch was sent is right, so timestamp = receivedAt − (sentAt − timestamp).
 */
function correctSkew(input: { timestamp: Date | null; sentAt: Date | null; receivedAt: Date }): Date {
  if (!input.timestamp) return input.receivedAt;
  if (!input.sentAt) return input.timestamp;
  return new Date(input.receivedAt.getTime() - (input.sentAt.getTime() - input.timestamp.getTime()));
}

function checkEncoding(raw: unknown) {
  const json = JSON.stringify(raw);
  if (Buffer.byteLength(json, "utf8") > MAX_EVENT_BYTES) throw new Rejection("event_too_large");
  // JSON.stringify writes NUL and unpaired surrogates as escapes; PostgreSQL's jsonb takes neither.
  if (json.includes("\\u0000")) throw new Rejection("nul_character");
  if (/\\ud[89a-f][0-9a-f]{2}/i.test(json)) throw new Rejection("invalid_unicode");
}

function validate(
  raw: Record<string, unknown>,
  options: { impliedType?: CallType; batchSentAt: Date | null; receivedAt: Date; newMessageId: () => string },
): ValidEvent {
  checkEncoding(raw);
  let type = raw.type;
  if (options.impliedType) {
    if (type === undefined || type === null) type = options.impliedType;
    else if (type !== options.impliedType) throw new Rejection("type_mismatch");
  }
  if (type === undefined || type === null || type === "") throw new Rejection("missing_type");
  if (!(CALL_TYPES as readonly unknown[]).includes(type)) throw new Rejection("unknown_type");
  const callType = type as CallType;

  if (raw.messageId !== undefined && raw.messageId !== null && typeof raw.messageId !== "string") {
    throw new Rejection("invalid_id");
  }
  const givenMessageId = typeof raw.messageId === "string" && raw.messageId !== "" ? raw.messageId : null;
  if (givenMessageId && givenMessageId.length > MAX_MESSAGE_ID_LENGTH) throw new Rejection("message_id_too_long");

  const userId = optionalId(raw.userId);
  const anonymousId = optionalId(raw.anonymousId);
  const properties = optionalObject(raw.properties);
  const traits = optionalObject(raw.traits);
  const context = optionalObject(raw.context);
  const contextGroupId = optionalId(context?.groupId);

  let event: string | null = null;
  let groupId: string | null = contextGroupId;
  switch (callType) {
    case "track":
      if (typeof raw.event !== "string" || raw.event.trim() === "") throw new Rejection("missing_event");
      if (raw.event.length > MAX_EVENT_NAME_LENGTH) throw new Rejection("event_name_too_long");
      event = raw.event.trim();
      if (!userId && !anonymousId) throw new Rejection("missing_user_id");
      break;
    case "identify":
      if (!userId) throw new Rejection("missing_user_id");
      break;
    case "group":
      groupId = optionalId(raw.groupId);
      if (!groupId) throw new Rejection("missing_group_id");
      break;
  }

  const timestamp = optionalDate(raw.timestamp);
  const sentAt = optionalDate(raw.sentAt) ?? options.batchSentAt;
  const occurredAt = correctSkew({ timestamp, sentAt, receivedAt: options.receivedAt });
  if (occurredAt.getTime() > options.receivedAt.getTime() + MAX_FUTURE_MS) throw new Rejection("timestamp_in_future");
  if (occurredAt.getTime() < EARLIEST_TIMESTAMP) throw new Rejection("timestamp_too_old");

  return {
    type: callType,
    // Without a messageId the event can't be recognised when resent; it is accepted once, under an id of ours.
    messageId: givenMessageId ?? options.newMessageId(),
    event,
    userId,
    anonymousId,
    groupId,
    occurredAt,
    originalTimestamp: timestamp,
    sentAt,
    properties,
    traits,
    context,
  };
}

/** Checks one event of a call; a refusal names its reason and writes nothing. */
export function validateEvent(
  raw: unknown,
  options: { impliedType?: CallType; batchSentAt: Date | null; receivedAt: Date; newMessageId: () => string },
): EventVerdict {
  if (!isPlainObject(raw)) return { ok: false, messageId: null, reason: "not_an_object" };
  try {
    return { ok: true, event: validate(raw, options) };
  } catch (error) {
    if (!(error instanceof Rejection)) throw error;
    const messageId = typeof raw.messageId === "string" ? raw.messageId.slice(0, MAX_MESSAGE_ID_LENGTH) : null;
    return { ok: false, messageId, reason: error.code };
  }
}

/** The name and email a product user's traits give, if they give them as strings. */
export function namesFromTraits(traits: Record<string, unknown> | null): { email: string | null; name: string | null } {
  if (!traits) return { email: null, name: null };
  const text = (value: unknown) =>
    typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, 320) : null;
  const email = text(traits.email);
  const joined = [text(traits.firstName), text(traits.lastName)].filter(Boolean).join(" ");
  return { email: email && email.includes("@") ? email : null, name: text(traits.name) ?? (joined || null) };
}
