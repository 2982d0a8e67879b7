import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleRetentionRequest } from "~/domain/revenue/read-api.server";

/** Read API: `GET /api/v1/retention?period=2026-Q3` with a read key (documented in /api/v1/openapi.json). */
export const loader = ({ request }: LoaderFunctionArgs) => handleRetentionRequest(request);

/** Anything but GET is answered in JSON too. */
export const action = ({ request }: ActionFunctionArgs) => handleRetentionRequest(request);
