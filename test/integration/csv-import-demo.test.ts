import { beforeAll, describe, expect, it } from "vitest";
import { findUser, signedInRequest } from "~db/seed/factories";
import { isDatabaseEmpty, seedDemo } from "~db/seed/demo";
import { dryRunImport } from "~/domain/imports/import.server";
import { loader as accountsCsv } from "~/routes/accounts[.]csv";
import { loader as peopleCsv } from "~/routes/accounts.people[.]csv";

/* The demo's own exports dry-run as "unchanged" row for row: what the export writes, the import reads. */

beforeAll(async () => {
  expect(await isDatabaseEmpty()).toBe(true);
  await seedDemo();
});

async function exported(loader: typeof accountsCsv, path: string) {
  const admin = await findUser("priya@lumen-analytics.example");
  const response = await loader({
    request: await signedInRequest(admin.id, `http://localhost${path}`),
    params: {},
    context: { clientIp: "127.0.0.1" },
  });
  return new Uint8Array(await response.arrayBuffer());
}

describe("the demo's exports, imported again", () => {
  it("change no account", async () => {
    const report = await dryRunImport("accounts", await exported(accountsCsv, "/accounts.csv"), "2026-06-01");
    expect(report.problems).toEqual([]);
    expect(report.counts).toEqual({ create: 0, update: 0, unchanged: report.rows, invalid: 0 });
    expect(report.rows).toBeGreaterThan(40);
  });

  it("change no person", async () => {
    const report = await dryRunImport("people", await exported(peopleCsv, "/accounts/people.csv"), "2026-06-01");
    expect(report.problems).toEqual([]);
    expect(report.counts).toEqual({ create: 0, update: 0, unchanged: report.rows, invalid: 0 });
  });
});
