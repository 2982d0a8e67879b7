import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { accountsCsv } from "~/domain/imports/exports.server";
import { AccountListQuerySchema } from "~/domain/people/account-schemas";
import { todayIn } from "~/lib/format";

/** The accounts list under its current filters as CSV, in the accounts import's columns. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "accounts.export");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = AccountListQuerySchema.parse({ ...params, csm: params.csm === "mine" ? actor.id : params.csm });
  return accountsCsv(query, todayIn(actor.timeZone));
}
