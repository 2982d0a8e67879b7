import { inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts } from "~db/schema";
import { DEMO_READ_KEY, DEMO_WRITE_KEY, seedDemo } from "~db/seed/demo";
import { getAccountById } from "~/domain/people/accounts.server";
import { getAccountUsage, getTeamAdoption } from "~/domain/telemetry/usage.server";
import { authenticateApiKey } from "~/domain/telemetry/api-keys.server";

beforeAll(async () => {
  await seedDemo();
});

describe("the demo's telemetry", () => {
  it("has a working demo write key, a demo read key and the accounts' external ids the README names", async () => {
    expect(await authenticateApiKey(DEMO_WRITE_KEY)).toMatchObject({ scope: "ingest" });
    expect(await authenticateApiKey(DEMO_READ_KEY)).toMatchObject({ scope: "read" });
    const rows = await db
      .select({ name: accounts.name, externalId: accounts.externalId })
      .from(accounts)
      .where(inArray(accounts.externalId, ["crm-northwind", "crm-helix", "crm-orbit"]));
    expect(rows.map((row) => row.name).sort()).toEqual(["Helix Health", "Northwind Logistics", "Orbit Retail"]);
  });
});

describe("the demo's usage", () => {
  async function usageOf(externalId: string) {
    const [row] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(inArray(accounts.externalId, [externalId]));
    const account = (await getAccountById(row!.id))!;
    return { account, usage: await getAccountUsage(account, { page: 1 }) };
  }

  it("tells each account's story: Orbit broad and rising, Helix falling, Northwind ramping up", async () => {
    const orbit = (await usageOf("crm-orbit")).usage;
    expect(orbit.mau).toBeGreaterThan(orbit.previousMau);
    expect(orbit.adoption.breadth).toBe(1);
    expect(orbit.utilisation).toBeGreaterThan(0.6);

    const helix = (await usageOf("crm-helix")).usage;
    expect(helix.mau).toBeLessThan(helix.previousMau * 0.7);
    expect(helix.adoption.breadth!).toBeLessThan(helix.adoption.previousBreadth!);
    expect(helix.quiet.rows.map((row) => row.name)).toEqual(expect.arrayContaining(["Owen Fletcher", "Mia Santos"]));

    const northwind = (await usageOf("crm-northwind")).usage;
    expect(northwind.mau).toBeGreaterThan(northwind.previousMau);
    expect(northwind.series[0]!.monthly).toBeLessThan(northwind.mau / 2);
  });

  it("links the demo people to their product users, so Hannah sees who on her team is active", async () => {
    const { account } = await usageOf("crm-northwind");
    const team = await getTeamAdoption(account);
    expect(team.activeNames).toEqual(expect.arrayContaining(["Hannah Okafor", "Tom Reyes", "Aisha Patel"]));
    expect(team.activeNames).not.toContain("Lukas Becker");
    expect(team.unlinkedActive).toBeGreaterThan(0);
  });
});
