import { data } from "@remix-run/node";
import { appUrl } from "./env.server";

/** The answer for anything the caller may not know exists: an unknown id and another account's id alike. */
export function notFound(): never {
  throw new Response("Not found", { status: 404, statusText: "Not Found" });
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export type FieldErrors = Record<string, string | undefined>;

/** A 4xx answer with messages keyed by form field, for the form to show next to each field. */
export function invalid(fieldErrors: FieldErrors, status = 400, formError?: string) {
  return data({ ok: false as const, fieldErrors, formError }, { status });
}

export function requestOrigin(request: Request): string {
  return appUrl ?? new URL(request.url).origin;
}
