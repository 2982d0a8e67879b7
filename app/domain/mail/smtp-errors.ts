/**
 * Whether a failed delivery is worth trying again, and the reason to show on /outbox. Only a
 * recipient the server refuses for good (a 5xx to RCPT TO: no such mailbox, relaying denied) is
 * final; a connection refused, a timeout or any 4xx ("try again later") is retried with backoff.
 */
export interface DeliveryFailure {
  permanent: boolean;
  reason: string;
}

interface SmtpErrorShape {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  rejected?: unknown;
}

export function classifyDeliveryError(error: unknown): DeliveryFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as SmtpErrorShape;
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const command = typeof e.command === "string" ? e.command.toUpperCase() : "";
  const rejected = Array.isArray(e.rejected) && e.rejected.length > 0;
  const permanent = responseCode !== undefined && responseCode >= 500 && (command.startsWith("RCPT") || rejected);
  const reason =
    typeof e.response === "string" && e.response ? e.response : error instanceof Error ? error.message : String(error);
  // A reason is for a person reading /outbox, not a stack trace: one line, bounded.
  return { permanent, reason: reason.replace(/\s+/g, " ").trim().slice(0, 500) };
}
