import { openApiDocument } from "~/domain/telemetry/openapi.server";

/** The ingest API's description, public like the API's URL itself. */
export function loader() {
  return Response.json(openApiDocument, { headers: { "Cache-Control": "public, max-age=300" } });
}
