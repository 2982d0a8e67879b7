import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { ledgerCsv } from "~/domain/imports/exports.server";
import { parsePeriod } from "~/domain/revenue/retention";
import { todayIn } from "~/lib/format";

/** The ARR ledger as CSV: every entry, or one period's (`?period=2026-Q3`). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "accounts.export");
  const raw = new URL(request.url).searchParams.get("period");
  const period = raw ? parsePeriod(raw) : null;
  if (raw && !period) {
    return new Response("Unknown period: use YYYY-Qn, YYYY-MM, YYYY or YYYY-MM-DD..YYYY-MM-DD.\n", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return ledgerCsv(period, todayIn(actor.timeZone));
}
