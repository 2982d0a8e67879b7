import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { IMPORT_KINDS, type ImportKind, templateCsv } from "~/domain/imports/import-file";
import { notFound } from "~/lib/http.server";

/** The header-only CSV a spreadsheet starts from: `?kind=accounts` or `?kind=people`. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireWorkspace(request, "accounts.import");
  const kind = new URL(request.url).searchParams.get("kind") ?? "accounts";
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) notFound();
  return new Response(templateCsv(kind as ImportKind), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${kind}-template.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
