import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";

/*
 * postgres.js runs a catalog query (the array types) first on every new connection and used to
 * discard its promise: when that query failed, the process got an unhandled rejection, which ends
 * a Node server. patches/postgres+3.4.9.patch settles it; this proves a failing types query
 * leaves no unhandled rejection and the caller still gets its own answer.
 */
describe("the patched postgres.js driver", () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  let sql: postgres.Sql | undefined;

  afterEach(async () => {
    process.off("unhandledRejection", record);
    await sql?.end({ timeout: 0 });
    unhandled.length = 0;
  });

  it("survives the array-types query failing on a new connection", async () => {
    process.on("unhandledRejection", record);
    // A 1 ms statement timeout, bound at start-up, cancels the catalog query before it finishes.
    sql = postgres(process.env.DATABASE_URL!, {
      max: 1,
      connection: { statement_timeout: 1 },
      onnotice: () => {},
    });
    const outcome = await sql`select 1 as one`.then(
      (rows) => rows[0]?.one as number,
      (error: Error) => error.message,
    );
    // Give any dangling promise the event-loop turns it needs to be reported.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
    expect(outcome === 1 || typeof outcome === "string").toBe(true);
  });
});
