import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import {
  actorOf,
  createAccount,
  createCustomer,
  createStaff,
  createSubscription,
  signedInRequest,
} from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import { accountExportPages } from "~/domain/people/account-export.server";
import { AccountListQuerySchema } from "~/domain/people/account-schemas";
import { addLedgerEntry } from "~/domain/revenue/ledger.server";
import { loader as accountsCsv } from "~/routes/accounts[.]csv";
import { loader as peopleCsv } from "~/routes/accounts.people[.]csv";
import { loader as ledgerCsv } from "~/routes/revenue.ledger[.]csv";

const context = { clientIp: "127.0.0.1" };

async function download(loader: (args: LoaderFunctionArgs) => Promise<Response>, userId: string, path: string) {
  try {
    const response = await loader({
      request: await signedInRequest(userId, `http://localhost${path}`),
      params: {},
      context,
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, text: new TextDecoder().decode(bytes) };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, headers: thrown.headers, bytes: new Uint8Array(), text: "" };
    throw thrown;
  }
}

const lines = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");

describe("the accounts CSV", () => {
  it("is a UTF-8 attachment with a BOM, the import's header and each account with its subscription", async () => {
    const csm = await createStaff("csm");
    const account = await createAccount({
      csmId: csm.id,
      name: `=HYPERLINK("x") Ölwerk ${Date.now()}`,
      externalId: `crm-${Date.now()}`,
      industry: "Logistics, rail",
      licensedSeats: 42,
    });
    await createSubscription(account.id, { arr: 12_500.5, currency: "EUR", startDate: "2026-02-01" });
    const bare = await createAccount({ csmId: csm.id, currency: "GBP", renewalDate: "2027-09-30" });
    const file = await download(accountsCsv, csm.id, "/accounts.csv?csm=mine");
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = lines(file.text);
    expect(header).toBe(
      "name,external_id,segment,industry,region,seats,csm_email,arr,currency,start_date,renewal_date",
    );
    // Only this CSM's two accounts (csm=mine), by name; the formula is defused and quoted.
    expect(rows).toHaveLength(2);
    const row = rows.find((line) => line.includes(account.externalId!))!;
    expect(row.startsWith(`"'=HYPERLINK(""x"") Ölwerk`)).toBe(true);
    expect(row).toContain(`,"Logistics, rail",EMEA,42,${csm.email},12500.5,EUR,2026-02-01,2027-02-01`);
    const bareRow = rows.find((line) => line.startsWith(bare.name))!;
    expect(bareRow.endsWith(`,10,${csm.email},,GBP,,2027-09-30`)).toBe(true);
  });

  it("follows the list's filters, and is for admins and CSMs only (marketing and customers: 404)", async () => {
    const csm = await createStaff("csm");
    const mine = await createAccount({ csmId: csm.id, name: `Filtered Mine ${Date.now()}` });
    await createAccount({ csmId: csm.id, name: `Other Name ${Date.now()}` });
    const file = await download(accountsCsv, csm.id, `/accounts.csv?q=${encodeURIComponent(mine.name)}`);
    expect(
      lines(file.text)
        .slice(1)
        .map((line) => line.split(",")[0]),
    ).toEqual([mine.name]);

    const marketing = await createStaff("marketing");
    expect((await download(accountsCsv, marketing.id, "/accounts.csv")).status).toBe(404);
    expect((await download(peopleCsv, marketing.id, "/accounts/people.csv")).status).toBe(404);
    expect((await download(ledgerCsv, marketing.id, "/revenue/ledger.csv")).status).toBe(404);
    const champion = await createCustomer(mine.id, "champion");
    expect((await download(accountsCsv, champion.id, "/accounts.csv")).status).toBe(404);
  });
});

describe("the people CSV", () => {
  it("lists the active customer people of the filtered accounts in the import's columns", async () => {
    const csm = await createStaff("csm");
    const account = await createAccount({ csmId: csm.id, externalId: `ppl-${Date.now()}` });
    const champion = await createCustomer(account.id, "champion", { title: "+Head of Ops" });
    await createCustomer(account.id, "member", { deactivatedAt: new Date() });
    const elsewhere = await createCustomer((await createAccount()).id, "member");
    const file = await download(peopleCsv, csm.id, "/accounts/people.csv?csm=mine");
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment; filename="people-/);
    const [header, ...rows] = lines(file.text);
    expect(header).toBe("account_external_id,email,name,role,title");
    expect(rows).toEqual([`${account.externalId},${champion.email},${champion.name},champion,'+Head of Ops`]);
    expect(file.text).not.toContain(elsewhere.email);
  });
});

describe("the ledger CSV", () => {
  it("gives every entry in date order, or one period's, and refuses an unknown period", async () => {
    const admin = await createStaff("admin");
    const account = await createAccount({ externalId: `led-${Date.now()}` });
    await createSubscription(account.id, { arr: 8_000, startDate: "2022-01-10" });
    const actor = actorOf(admin) as StaffActor;
    expect(
      await addLedgerEntry(actor, account, {
        accountId: account.id,
        kind: "contraction",
        effectiveOn: "2022-05-01",
        amount: 500,
        note: "-seats, fewer",
      }),
    ).toMatchObject({ ok: true });
    const all = await download(ledgerCsv, admin.id, "/revenue/ledger.csv");
    const [header, ...rows] = lines(all.text);
    expect(header).toBe("account,external_id,date,kind,arr_delta,currency,note");
    const mine = rows.filter((line) => line.includes(account.externalId!));
    expect(mine).toEqual([
      `${account.name},${account.externalId},2022-01-10,new,8000,USD,`,
      `${account.name},${account.externalId},2022-05-01,contraction,-500,USD,"'-seats, fewer"`,
    ]);
    const q2 = await download(ledgerCsv, admin.id, "/revenue/ledger.csv?period=2022-Q2");
    expect(lines(q2.text).slice(1)).toEqual([mine[1]]);
    expect((await download(ledgerCsv, admin.id, "/revenue/ledger.csv?period=2022-Q9")).status).toBe(400);
  });
});

describe("the exports' pages", () => {
  it("walk every row once, in name order, whatever the page size", async () => {
    const csm = await createStaff("csm");
    const tag = `Pagewalk ${Date.now()}`;
    for (const name of [`${tag} d`, `${tag} b`, `${tag} e`, `${tag} a`, `${tag} c`])
      await createAccount({ csmId: csm.id, name });
    const query = AccountListQuerySchema.parse({ q: tag });
    const walk = async (pageSize: number) => {
      const pages: string[][] = [];
      for await (const page of accountExportPages(query, "2026-12-03", pageSize))
        pages.push(page.map((row) => `${row.name}/${row.id}`));
      return pages;
    };
    const [whole] = await walk(1_000);
    expect(whole).toHaveLength(5);
    expect(whole!.map((key) => key.split("/")[0])).toEqual(
      ["a", "b", "c", "d", "e"].map((letter) => `${tag} ${letter}`),
    );
    const inTwos = await walk(2);
    expect(inTwos.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(inTwos.flat()).toEqual(whole);
  });
});
