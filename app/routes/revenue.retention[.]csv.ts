import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { parsePeriod } from "~/domain/revenue/retention";
import { retentionCsv } from "~/domain/revenue/retention-report.server";

/** The period's cohort as CSV: one row per account with what counted in GRR and NRR. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireWorkspace(request, "revenue.report");
  const raw = new URL(request.url).searchParams.get("period");
  const period = parsePeriod(raw);
  if (!period) {
    return new Response("Unknown period: use YYYY-Qn, YYYY-MM, YYYY or YYYY-MM-DD..YYYY-MM-DD.\n", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(await retentionCsv(period), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="retention-${period.key.replace(/[^\w.-]/g, "_")}.csv"`,
    },
  });
}
