import type { NextFunction, Request, Response } from "express";
import { MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES, bodyLimitFor, isBodyTooLarge } from "./body-limit";

/** Longer addresses are no link Tandem makes; 8 KB of headers in all is Node's own limit (431). */
export const MAX_URL_LENGTH = 4_096;
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// Past this much (about 60 MB: a 50 MB upload still gets its 413) we stop reading a refused body and close the connection instead.
const MAX_DRAIN_BYTES = 6 * MAX_IMPORT_BODY_BYTES;

function refuse(req: Request, res: Response, status: number, message: string) {
  res.status(status).type("text/plain").set("Cache-Control", "no-store");
  if (!BODY_METHODS.has(req.method) || req.readableEnded) {
    res.send(message);
    return;
  }
  // Answering before the body is read makes Node close the socket under a client still sending it,
  // which then sees a reset instead of this answer: read the rest (up to a bound) first.
  let drained = 0;
  const answer = () => {
    if (!res.headersSent) res.set("Connection", "close").send(message);
  };
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN_BYTES) {
      answer();
      req.destroy();
    }
  });
  req.once("end", answer);
  req.once("error", answer);
  req.resume();
}

/**
 * Bad input refused at the edge with a 4xx and a message, before Remix (or PostgreSQL) sees it:
 * - a NUL byte anywhere in the address (`?q=%00`): PostgreSQL text can't hold one. No person types
 *   it — it comes from tools and probes — so an honest 400 beats silently changing the search;
 * - an address longer than MAX_URL_LENGTH (414);
 * - a body over MAX_BODY_BYTES (413), or one of unknown length (411); the CSV import
 *   (/accounts/import) takes up to MAX_IMPORT_BODY_BYTES, and its 413 says so;
 * - a page's form action posted as anything but form data (415): JSON, or no Content-Type at all.
 *   The public API (`/api/`) speaks JSON and does its own checks.
 */
export function guardRequests(req: Request, res: Response, next: NextFunction) {
  const url = req.originalUrl;
  if (url.length > MAX_URL_LENGTH) {
    return refuse(
      req,
      res,
      414,
      `This address is too long. Addresses in Tandem are at most ${MAX_URL_LENGTH} characters.`,
    );
  }
  if (/%00/i.test(url) || url.includes("\0")) {
    return refuse(
      req,
      res,
      400,
      "This address contains a NUL character (%00), which Tandem can't read. Remove it and try again.",
    );
  }
  // The API measures its bodies itself (after gunzip) and answers in JSON.
  if (url.startsWith("/api/")) return next();
  const limit = bodyLimitFor(url);
  if (isBodyTooLarge(req.get("content-length"), limit)) {
    return refuse(
      req,
      res,
      413,
      limit === MAX_BODY_BYTES
        ? "This request is too large. Forms in Tandem take at most 1 MB."
        : "This file is too large. An import takes a CSV file of at most 10 MB: split it into smaller files and import them one by one.",
    );
  }
  if (!BODY_METHODS.has(req.method)) return next();
  if (req.get("transfer-encoding") && !req.get("content-length")) {
    return refuse(req, res, 411, "Send this form with its length (Content-Length), as browsers do.");
  }
  const type = (req.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) {
    return refuse(
      req,
      res,
      415,
      "This form takes form data (application/x-www-form-urlencoded or multipart/form-data). Send it from the page.",
    );
  }
  next();
}
