import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleAccountHealthRequest } from "~/domain/health/read-api.server";

/** Read API: `GET /api/v1/accounts/{id}/health` with a read key (documented in /api/v1/openapi.json). */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleAccountHealthRequest(request, params.accountId);

/** Anything but GET is answered in JSON too. */
export const action = ({ request, params }: ActionFunctionArgs) =>
  handleAccountHealthRequest(request, params.accountId);
