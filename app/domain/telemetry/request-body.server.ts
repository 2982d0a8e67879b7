import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import { MAX_REQUEST_BYTES } from "./limits";

const gunzipAsync = promisify(gunzip);

export type BodyProblem =
  | { status: 413; code: "request_too_large" }
  | { status: 415; code: "unsupported_media_type" | "unsupported_encoding" }
  | { status: 400; code: "invalid_gzip" | "invalid_utf8" | "nul_byte" | "invalid_json" | "empty_body" };

export const BODY_PROBLEM_MESSAGES: Record<BodyProblem["code"], string> = {
  request_too_large: `A request may be at most ${MAX_REQUEST_BYTES / 1024 / 1024} MB (after decompression).`,
  unsupported_media_type: "Send the body as JSON with Content-Type: application/json.",
  unsupported_encoding: "Content-Encoding may only be gzip (or none).",
  invalid_gzip: "The body is not valid gzip.",
  invalid_utf8: "The body is not valid UTF-8.",
  nul_byte: "The body contains a NUL byte.",
  invalid_json: "The body is not valid JSON.",
  empty_body: "The body is empty.",
};

async function readAtMost(request: Request, limit: number): Promise<Buffer | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The JSON an API request carries, read with its limits: at most 1 MB, after gunzip when the body
 * is gzip-encoded (decompression stops at the limit, so a small bomb can't fill memory).
 */
export async function readJsonBody(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; problem: BodyProblem }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) {
    return { ok: false, problem: { status: 415, code: "unsupported_media_type" } };
  }
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding !== "gzip" && encoding !== "identity") {
    return { ok: false, problem: { status: 415, code: "unsupported_encoding" } };
  }
  let bytes = await readAtMost(request, MAX_REQUEST_BYTES);
  if (!bytes) return { ok: false, problem: { status: 413, code: "request_too_large" } };
  if (encoding === "gzip") {
    try {
      bytes = await gunzipAsync(bytes, { maxOutputLength: MAX_REQUEST_BYTES });
    } catch (error) {
      const tooLarge = (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
      return {
        ok: false,
        problem: tooLarge ? { status: 413, code: "request_too_large" } : { status: 400, code: "invalid_gzip" },
      };
    }
  }
  if (bytes.length === 0) return { ok: false, problem: { status: 400, code: "empty_body" } };
  if (bytes.includes(0)) return { ok: false, problem: { status: 400, code: "nul_byte" } };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { status: 400, code: "invalid_utf8" } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: { status: 400, code: "invalid_json" } };
  }
}
