import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase } from "~db/client.server";
import { freePort } from "~db/embedded";
import { loader } from "~/routes/healthz";

describe("GET /healthz", () => {
  const realUrl = process.env.DATABASE_URL;
  afterEach(async () => {
    await closeDatabase();
    process.env.DATABASE_URL = realUrl;
  });

  it("answers 200 with the database up", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: "ok" });
  });

  it("answers 503 when the database can't be reached", async () => {
    await closeDatabase();
    // A port nothing listens on.
    process.env.DATABASE_URL = `postgres://nobody:nothing@127.0.0.1:${await freePort()}/none`;
    const response = await loader();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, db: "down" });
  });
});
