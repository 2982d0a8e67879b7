import { pingDatabase } from "~db/client.server";

export async function loader() {
  const ok = await pingDatabase();
  return Response.json(ok ? { ok: true, db: "ok" } : { ok: false, db: "down" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
