import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/domain/auth/guards.server";
import { findCourse, loadCatalog, mediaPath } from "~/domain/training/content.server";
import { notFound } from "~/lib/http.server";

const TYPES: Record<string, string> = {
  mp4: "video/mp4",
  webm: "video/webm",
  vtt: "text/vtt",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  svg: "image/svg+xml",
  gif: "image/gif",
  webp: "image/webp",
};

/** A file from a course's media/ folder, for signed-in people; nothing outside that folder. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request);
  const catalog = loadCatalog();
  const course = findCourse(catalog, params.courseSlug);
  const path = course ? mediaPath(catalog, course, params["*"] ?? "") : null;
  if (!path) notFound();
  const extension = path.split(".").pop()?.toLowerCase() ?? "";
  const stream = Readable.toWeb(createReadStream(path)) as ReadableStream;
  return new Response(stream, {
    headers: {
      "Content-Type": TYPES[extension] ?? "application/octet-stream",
      "Content-Length": String(statSync(path).size),
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
