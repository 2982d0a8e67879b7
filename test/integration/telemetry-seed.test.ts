import { inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts } from "~db/schema";
import { DEMO_WRITE_KEY, seedDemo } from "~db/seed/demo";
import { authenticateWriteKey } from "~/domain/telemetry/write-keys.server";

beforeAll(async () => {
  await seedDemo();
});

describe("the demo's telemetry", () => {
  it("has a working demo write key and the accounts' external ids the README names", async () => {
    expect(await authenticateWriteKey(DEMO_WRITE_KEY)).not.toBeNull();
    const rows = await db
      .select({ name: accounts.name, externalId: accounts.externalId })
      .from(accounts)
      .where(inArray(accounts.externalId, ["crm-northwind", "crm-helix", "crm-orbit"]));
    expect(rows.map((row) => row.name).sort()).toEqual(["Helix Health", "Northwind Logistics", "Orbit Retail"]);
  });
});
