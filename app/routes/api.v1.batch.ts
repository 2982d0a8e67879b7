import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleIngestRequest } from "~/domain/telemetry/api.server";

/** Segment-compatible ingest: `POST /api/v1/batch` (documented in /api/v1/openapi.json). */
export const action = ({ request }: ActionFunctionArgs) => handleIngestRequest(request);

/** Anything but POST is answered in JSON too. */
export const loader = ({ request }: LoaderFunctionArgs) => handleIngestRequest(request);
