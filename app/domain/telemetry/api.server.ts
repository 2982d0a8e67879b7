import { randomUUID } from "node:crypto";
import { type CallType, REJECTION_MESSAGES, type RejectionCode, type ValidEvent, validateEvent } from "./events";
import { type RejectedEvent, recordRequestRejection } from "./ingest-stats.server";
import { ingestEvents } from "./ingest.server";
import { MAX_BATCH_EVENTS } from "./limits";
import { lazyRateLimiter, type RateLimiter } from "./rate-limit";
import { BODY_PROBLEM_MESSAGES, readJsonBody } from "./request-body.server";
import { apiError, authorizeApiRequest } from "./api-keys.server";

type EventResult =
  | { messageId: string; status: "accepted" | "duplicate" }
  | { messageId: string | null; status: "rejected"; reason: RejectionCode; message: string };

interface IngestVerdict {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: EventResult[];
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const EMPTY_VERDICT: IngestVerdict = { accepted: 0, duplicates: 0, rejected: 0, results: [] };

// Per write key: bursts of 200 requests (up to 500,000 events), 100 requests a second sustained.
const rateLimiter = lazyRateLimiter({
  burstEnv: "TELEMETRY_RATE_BURST",
  burst: 200,
  perSecondEnv: "TELEMETRY_RATE_PER_SECOND",
  perSecond: 100,
});

/** The events a body carries: a batch (`{batch:[…]}` or a bare array) or, on a single-call endpoint, one object. */
function eventsOf(body: unknown, single: boolean): { events: unknown[]; sentAt: unknown } | null {
  if (single)
    return body !== null && typeof body === "object" && !Array.isArray(body)
      ? { events: [body], sentAt: undefined }
      : null;
  if (Array.isArray(body)) return { events: body, sentAt: undefined };
  if (body !== null && typeof body === "object" && Array.isArray((body as { batch?: unknown }).batch)) {
    const { batch, sentAt } = body as { batch: unknown[]; sentAt?: unknown };
    return { events: batch, sentAt };
  }
  return null;
}

function parseSentAt(value: unknown): Date | null | "invalid" {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) return "invalid";
  return new Date(value);
}

/**
 * One ingest API request, from the Authorization header to the per-event verdicts. Every answer is
 * JSON; a 200 means at least one event was accepted or recognised as a duplicate.
 */
export async function handleIngestRequest(
  request: Request,
  options: { impliedType?: CallType; limiter?: RateLimiter; now?: () => Date } = {},
): Promise<Response> {
  if (request.method !== "POST") {
    return apiError(405, "method_not_allowed", "Use POST.", {}, { Allow: "POST" });
  }
  const authorized = await authorizeApiRequest(request, "ingest", options.limiter ?? rateLimiter());
  if (!authorized.ok) return authorized.response;
  const source = { id: authorized.keyId };
  // A request refused as a whole still counts on the key's ingestion health page.
  const refuse = async (status: number, code: string, message: string) => {
    await recordRequestRejection(source.id, options.now?.() ?? new Date(), code, message).catch((error: unknown) =>
      console.error("[telemetry] recording a refused request failed", error),
    );
    return apiError(status, code, message, EMPTY_VERDICT);
  };
  const body = await readJsonBody(request);
  if (!body.ok) {
    const { status, code } = body.problem;
    return refuse(status, code, BODY_PROBLEM_MESSAGES[code]);
  }
  const single = options.impliedType !== undefined;
  const call = eventsOf(body.value, single);
  if (!call) {
    const message = single
      ? "The body must be one JSON object."
      : 'The body must be {"batch":[…]} or an array of events.';
    return refuse(400, "invalid_body", message);
  }
  if (call.events.length === 0) return refuse(400, "empty_batch", "The batch has no events.");
  if (call.events.length > MAX_BATCH_EVENTS) {
    return refuse(413, "too_many_events", `A batch may hold at most ${MAX_BATCH_EVENTS} events.`);
  }

  const receivedAt = options.now?.() ?? new Date();
  const batchSentAt = parseSentAt(call.sentAt);
  if (batchSentAt === "invalid") {
    return refuse(400, "invalid_sent_at", "The batch's sentAt must be an ISO 8601 date-time.");
  }
  const verdicts = call.events.map((raw) =>
    validateEvent(raw, {
      impliedType: options.impliedType,
      batchSentAt,
      receivedAt,
      newMessageId: () => `tandem-${randomUUID()}`,
    }),
  );
  const valid = verdicts.flatMap((verdict): ValidEvent[] => (verdict.ok ? [verdict.event] : []));
  const rejected = verdicts.flatMap((verdict, index): RejectedEvent[] =>
    verdict.ok ? [] : [{ reason: verdict.reason, messageId: verdict.messageId, raw: call.events[index] }],
  );
  let accepted: Set<string>;
  try {
    accepted = await ingestEvents({ writeKeyId: source.id, events: valid, receivedAt, rejected });
  } catch (error) {
    console.error("[telemetry] ingest failed", error);
    return apiError(
      503,
      "unavailable",
      "The events could not be stored; nothing was written. Retry later.",
      EMPTY_VERDICT,
      {
        "Retry-After": "5",
      },
    );
  }

  const counted = new Set<string>();
  const results = verdicts.map((verdict): EventResult => {
    if (!verdict.ok) {
      return {
        messageId: verdict.messageId,
        status: "rejected",
        reason: verdict.reason,
        message: REJECTION_MESSAGES[verdict.reason],
      };
    }
    const id = verdict.event.messageId;
    const first = accepted.has(id) && !counted.has(id);
    counted.add(id);
    return { messageId: id, status: first ? "accepted" : "duplicate" };
  });
  const verdict: IngestVerdict = {
    accepted: results.filter((result) => result.status === "accepted").length,
    duplicates: results.filter((result) => result.status === "duplicate").length,
    rejected: results.filter((result) => result.status === "rejected").length,
    results,
  };
  if (verdict.rejected === results.length) {
    return apiError(400, "all_rejected", "Every event was rejected; see results for the reasons.", verdict);
  }
  return Response.json(verdict, { status: 200, headers: { "Cache-Control": "no-store" } });
}
