import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleAccountsRequest } from "~/domain/health/read-api.server";

/** Read API: `GET /api/v1/accounts?cursor=&limit=` with a read key (documented in /api/v1/openapi.json). */
export const loader = ({ request }: LoaderFunctionArgs) => handleAccountsRequest(request);

/** Anything but GET is answered in JSON too. */
export const action = ({ request }: ActionFunctionArgs) => handleAccountsRequest(request);
