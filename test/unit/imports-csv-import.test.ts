import { describe, expect, it } from "vitest";
import { ACCOUNT_COLUMNS, PEOPLE_COLUMNS } from "~/domain/imports/columns";
import { type CsvRow, parseImportFile, templateCsv } from "~/domain/imports/import-file";
import {
  type AccountLookups,
  type PeopleLookups,
  parseAmount,
  parseDate,
  planAccounts,
  planPeople,
} from "~/domain/imports/import-plan";
import { planImportedArr } from "~/domain/revenue/import-arr";

const utf8 = (text: string) => new TextEncoder().encode(text);
const header = ACCOUNT_COLUMNS.join(",");
const good = "Acme,crm-1,Enterprise,Software,EMEA,50,csm@vendor.test,12000,EUR,2026-01-01,2027-01-01";

function rowsOf(text: string, kind: "accounts" | "people" = "accounts"): CsvRow[] {
  const parsed = parseImportFile(utf8(text), kind);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.rows;
}

const fileProblems = (bytes: Uint8Array, kind: "accounts" | "people" = "accounts") => {
  const parsed = parseImportFile(bytes, kind);
  return parsed.ok ? [] : parsed.problems.map((p) => [p.line, p.code, p.value]);
};

const lookups = (over: Partial<AccountLookups> = {}): AccountLookups => ({
  segments: new Map([["enterprise", "seg-ent"]]),
  owners: new Map([["csm@vendor.test", "user-csm"]]),
  byExternalId: new Map(),
  byName: new Map(),
  revenue: new Map(),
  today: "2026-06-01",
  ...over,
});

const codes = (plan: { problems: { line: number | null; column: string | null; code: string }[] }) =>
  plan.problems.map((p) => [p.line, p.column, p.code]);

describe("parseImportFile", () => {
  it("reads a UTF-8 file with a BOM (what the export writes) and CRLF lines", () => {
    const parsed = parseImportFile(utf8(`\uFEFF${header}\r\n${good}\r\n`), "accounts");
    expect(parsed.ok && parsed.rows).toEqual([
      {
        line: 2,
        cells: expect.objectContaining({
          name: "Acme",
          external_id: "crm-1",
          arr: "12000",
          renewal_date: "2027-01-01",
        }),
      },
    ]);
  });

  it("reads Excel's UTF-16 with semicolons, and tabs", () => {
    const text = `${ACCOUNT_COLUMNS.join(";")}\r\n${good.replaceAll(",", ";")}\r\n`;
    const parsed = parseImportFile(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]), "accounts");
    expect(parsed.ok && parsed.encoding).toBe("utf-16le");
    expect(parsed.ok && parsed.delimiter).toBe(";");
    expect(parsed.ok && parsed.rows[0]!.cells.segment).toBe("Enterprise");
    const tabs = parseImportFile(utf8(`${ACCOUNT_COLUMNS.join("\t")}\n${good.replaceAll(",", "\t")}\n`), "accounts");
    expect(tabs.ok && tabs.rows[0]!.cells.region).toBe("EMEA");
  });

  it("reads Windows-1252 and takes off the export's formula guard", () => {
    const bytes = new Uint8Array([...utf8(`${header}\n'=Caf`), 0xe9, ...utf8(good.slice(4) + "\n")]);
    const parsed = parseImportFile(bytes, "accounts");
    expect(parsed.ok && parsed.encoding).toBe("windows-1252");
    expect(parsed.ok && parsed.rows[0]!.cells.name).toBe("=Café");
  });

  it("names the line of a quoted cell over two lines by where it ends", () => {
    const parsed = parseImportFile(utf8(`${header}\n"Two\nlines"${good.slice(4)}\n${good}\n`), "accounts");
    expect(parsed.ok && parsed.rows.map((r) => r.line)).toEqual([3, 4]);
  });

  it("refuses an empty file, a header without rows and a workbook", () => {
    expect(fileProblems(new Uint8Array())).toEqual([[null, "empty", undefined]]);
    expect(fileProblems(utf8("\n\n"))).toEqual([[null, "empty", undefined]]);
    expect(fileProblems(utf8(`${header}\n`))).toEqual([[null, "empty", undefined]]);
    expect(fileProblems(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toEqual([[null, "not_csv", undefined]]);
  });

  it("refuses bytes that aren't text (UTF-16 without its BOM, binary)", () => {
    expect(fileProblems(Buffer.from(`${header}\n${good}\n`, "utf16le"))).toEqual([[null, "undecodable", undefined]]);
    expect(fileProblems(new Uint8Array(200).map((_, i) => (i * 7) % 32))).toEqual([[null, "undecodable", undefined]]);
  });

  it("names missing, unknown and repeated columns", () => {
    const header2 = ACCOUNT_COLUMNS.filter((c) => c !== "arr" && c !== "seats").join(",") + ",colour,name";
    expect(fileProblems(utf8(`${header2}\nx\n`))).toEqual([
      [1, "missing_columns", "seats, arr"],
      [1, "unknown_columns", "colour"],
      [1, "duplicate_columns", "name"],
    ]);
    expect(fileProblems(utf8(`${PEOPLE_COLUMNS.join(",")}\nx\n`), "accounts")[0]).toEqual([
      1,
      "missing_columns",
      expect.stringContaining("external_id, segment") as unknown as string,
    ]);
  });

  it("says when the file is separated by something else", () => {
    expect(fileProblems(utf8(`${ACCOUNT_COLUMNS.join("|")}\n${good.replaceAll(",", "|")}\n`))).toEqual([
      [null, "wrong_delimiter", "|"],
    ]);
  });

  it("names rows with too few or too many cells, and an unclosed quote", () => {
    expect(fileProblems(utf8(`${header}\n${good}\nAcme,crm-2\n${good},extra\n`))).toEqual([
      [3, "cell_count", "2/11"],
      [4, "cell_count", "12/11"],
    ]);
    expect(fileProblems(utf8(`${header}\n"Acme${good.slice(4)}\n`))[0]![1]).toBe("unreadable");
  });

  it("skips blank lines and rows of empty cells", () => {
    expect(rowsOf(`${header}\n\n${good}\n,,,,,,,,,,\n`)).toHaveLength(1);
  });

  it("writes a header-only template with a BOM", () => {
    expect(templateCsv("people")).toBe("\uFEFFaccount_external_id,email,name,role,title\r\n");
  });
});

describe("cells", () => {
  it("reads amounts as spreadsheets write them", () => {
    expect(parseAmount("12000")).toEqual({ ok: true, value: 12000 });
    expect(parseAmount("12,000.50")).toEqual({ ok: true, value: 12000.5 });
    expect(parseAmount("-5")).toEqual({ ok: false, code: "negative" });
    expect(parseAmount("12k")).toEqual({ ok: false, code: "not_a_number" });
    expect(parseAmount("1,5")).toEqual({ ok: false, code: "not_a_number" });
  });
  it("reads real calendar dates only", () => {
    expect(parseDate("2026-02-28")).toBe("2026-02-28");
    expect(parseDate("2026-02-30")).toBeNull();
    expect(parseDate("02/01/2026")).toBeNull();
  });
});

describe("planAccounts", () => {
  it("creates a new account with its subscription", () => {
    const plan = planAccounts(rowsOf(`${header}\n${good}\n`), lookups());
    expect(plan.problems).toEqual([]);
    expect(plan.counts).toEqual({ create: 1, update: 0, unchanged: 0, invalid: 0 });
    expect(plan.rows[0]!.arr).toEqual({
      kind: "start",
      arr: 12000,
      currency: "EUR",
      startDate: "2026-01-01",
      renewalDate: "2027-01-01",
    });
  });

  it("names every bad cell with its line and column", () => {
    const bad = [
      ",crm-2,Enterprise,Software,EMEA,-3,csm@vendor.test,-1,EUR,2026-01-01,2027-01-01",
      "Beta,crm-3,Enterprise,Software,EMEA,ten,csm@vendor.test,abc,XYZ,2026-13-01,2027-01-01",
      "Gamma,crm-4,Startups,Software,EMEA,5,nobody@vendor.test,100,USD,2026-05-01,2026-04-01",
      "Delta,crm-5,Enterprise,Software,EMEA,5,not-an-email,100,USD,2026-05-01,someday",
      "Acme,crm-1,Enterprise,Software,EMEA,5,,,,,2027-01-01",
    ];
    const plan = planAccounts(rowsOf(`${header}\n${good}\n${bad.join("\n")}\n`), lookups());
    expect(codes(plan)).toEqual([
      [3, "name", "required"],
      [3, "seats", "negative"],
      [3, "arr", "negative"],
      [4, "seats", "not_a_number"],
      [4, "arr", "not_a_number"],
      [4, "currency", "unknown_currency"],
      [4, "start_date", "bad_date"],
      [5, "renewal_date", "renewal_before_start"],
      [5, "segment", "unknown_segment"],
      [5, "csm_email", "unknown_csm"],
      [6, "csm_email", "invalid_email"],
      [6, "renewal_date", "bad_date"],
      [7, "external_id", "duplicate_in_file"],
      [7, "name", "duplicate_in_file"],
    ]);
    expect(plan.counts).toEqual({ create: 1, update: 0, unchanged: 0, invalid: 5 });
  });

  it("needs a currency and a start date to start a subscription, and a whole number of seats", () => {
    const rows = rowsOf(
      `${header}\nA,a,Enterprise,I,R,1.5,,100,,2026-01-01,2027-01-01\nB,b,Enterprise,I,R,2,,100,USD,,2027-01-01\n`,
    );
    expect(codes(planAccounts(rows, lookups()))).toEqual([
      [2, "seats", "not_whole"],
      [2, "currency", "currency_required"],
      [3, "start_date", "start_date_required"],
    ]);
  });

  it("refuses a name another account has", () => {
    const plan = planAccounts(rowsOf(`${header}\n${good}\n`), lookups({ byName: new Map([["acme", "other-id"]]) }));
    expect(codes(plan)).toEqual([[2, "name", "name_taken"]]);
  });

  const existing = {
    id: "acc-1",
    name: "Acme",
    segmentId: "seg-ent",
    industry: "Software",
    region: "EMEA",
    licensedSeats: 50,
    csmId: "user-csm",
    currency: "EUR",
    renewalDate: "2027-01-01",
  };
  const subscription = {
    arr: 12000,
    currency: "EUR",
    churned: false,
    startDate: "2026-01-01",
    renewalDate: "2027-01-01",
    latestOn: "2026-01-01",
  };
  const known = lookups({
    byExternalId: new Map([["crm-1", existing]]),
    byName: new Map([["acme", "crm-1"]]),
    revenue: new Map([["acc-1", subscription]]),
  });

  it("says unchanged for the same row again, update for a change, with the ARR difference as an entry", () => {
    expect(planAccounts(rowsOf(`${header}\n${good}\n`), known).counts.unchanged).toBe(1);
    const grown = planAccounts(rowsOf(`${header}\n${good.replace("12000", "15000").replace(",50,", ",60,")}\n`), known);
    expect(grown.counts.update).toBe(1);
    expect(grown.rows[0]!.changed).toEqual(["licensedSeats"]);
    expect(grown.rows[0]!.arr).toEqual({
      kind: "entry",
      entryKind: "expansion",
      amount: 3000,
      effectiveOn: "2026-06-01",
      renewalDate: null,
    });
    const shrunk = planAccounts(rowsOf(`${header}\n${good.replace("12000", "10000")}\n`), known);
    expect(shrunk.rows[0]!.arr).toMatchObject({ kind: "entry", entryKind: "contraction", amount: 2000 });
  });

  it("leaves the account's own currency alone when it has a subscription (the column is the subscription's)", () => {
    const usdAccount = lookups({ ...known, byExternalId: new Map([["crm-1", { ...existing, currency: "USD" }]]) });
    expect(planAccounts(rowsOf(`${header}\n${good}\n`), usdAccount).counts.unchanged).toBe(1);
  });

  it("refuses what an import must not do to revenue: churn, re-sign, change currency", () => {
    expect(codes(planAccounts(rowsOf(`${header}\n${good.replace("12000", "0")}\n`), known))).toEqual([
      [2, "arr", "would_churn"],
    ]);
    expect(codes(planAccounts(rowsOf(`${header}\n${good.replace("12000,EUR", "13000,USD")}\n`), known))).toEqual([
      [2, "currency", "currency_mismatch"],
    ]);
    const churned = lookups({ ...known, revenue: new Map([["acc-1", { ...subscription, churned: true, arr: 0 }]]) });
    expect(codes(planAccounts(rowsOf(`${header}\n${good}\n`), churned))).toEqual([[2, "arr", "churned"]]);
  });
});

describe("planImportedArr", () => {
  it("leaves revenue alone without an ARR, but moves the renewal date", () => {
    const state = {
      arr: 5,
      currency: "USD",
      churned: false,
      startDate: "2026-01-01",
      renewalDate: "2027-01-01",
      latestOn: "2026-09-01",
    };
    const row = { arr: null, currency: null, startDate: null, renewalDate: "2027-01-01" };
    expect(planImportedArr(state, row, "2026-06-01")).toEqual({ ok: true, plan: { kind: "none" } });
    expect(planImportedArr(state, { ...row, renewalDate: "2027-02-01" }, "2026-06-01")).toEqual({
      ok: true,
      plan: { kind: "renewal_date", renewalDate: "2027-02-01" },
    });
    // An entry is never dated before the latest one.
    expect(planImportedArr(state, { ...row, arr: 9 }, "2026-06-01")).toMatchObject({
      plan: { effectiveOn: "2026-09-01" },
    });
  });
});

const peopleHeader = PEOPLE_COLUMNS.join(",");
const peopleLookups = (over: Partial<PeopleLookups> = {}): PeopleLookups => ({
  accounts: new Map([
    ["crm-1", { id: "acc-1", licensedSeats: 3, seatsUsed: 1, champions: 1 }],
    ["crm-2", { id: "acc-2", licensedSeats: 10, seatsUsed: 0, champions: 0 }],
  ]),
  users: new Map(),
  ...over,
});

describe("planPeople", () => {
  it("creates people, and names every bad row", () => {
    const rows = rowsOf(
      `${peopleHeader}
crm-1,ana@customer.test,Ana,champion,CFO
crm-1,ANA@customer.test,Ana again,member,
crm-9,bo@customer.test,Bo,member,
crm-1,not-an-email,Cy,member,
crm-1,di@customer.test,Di,owner,
crm-1,,Ed,member,
crm-2,staff@vendor.test,Staff,member,
crm-2,other@customer.test,Other,member,
crm-2,gone@customer.test,Gone,member,
`,
      "people",
    );
    const plan = planPeople(
      rows,
      peopleLookups({
        users: new Map([
          [
            "staff@vendor.test",
            { id: "u1", accountId: null, staff: true, accountRole: null, name: "S", title: "", deactivated: false },
          ],
          [
            "other@customer.test",
            {
              id: "u2",
              accountId: "acc-1",
              staff: false,
              accountRole: "member",
              name: "O",
              title: "",
              deactivated: false,
            },
          ],
          [
            "gone@customer.test",
            {
              id: "u3",
              accountId: "acc-2",
              staff: false,
              accountRole: "member",
              name: "G",
              title: "",
              deactivated: true,
            },
          ],
        ]),
      }),
    );
    expect(codes(plan)).toEqual([
      [3, "email", "duplicate_in_file"],
      [4, "account_external_id", "unknown_account"],
      [5, "email", "invalid_email"],
      [6, "role", "unknown_role"],
      [7, "email", "required"],
      [8, "email", "email_is_staff"],
      [9, "email", "email_in_other_account"],
      [10, "email", "person_deactivated"],
    ]);
    expect(plan.counts).toEqual({ create: 1, update: 0, unchanged: 0, invalid: 8 });
  });

  it("counts seats and keeps a champion", () => {
    const rows = rowsOf(
      `${peopleHeader}\ncrm-1,a@c.test,A,member,\ncrm-1,b@c.test,B,member,\ncrm-1,c@c.test,C,member,\ncrm-1,boss@c.test,Boss,member,\n`,
      "people",
    );
    const plan = planPeople(
      rows,
      peopleLookups({
        users: new Map([
          [
            "boss@c.test",
            {
              id: "u9",
              accountId: "acc-1",
              staff: false,
              accountRole: "champion",
              name: "Boss",
              title: "",
              deactivated: false,
            },
          ],
        ]),
      }),
    );
    expect(codes(plan)).toEqual([
      [4, "email", "seats_full"],
      [5, "role", "last_champion"],
    ]);
  });

  it("says unchanged for a person as they are, update for a new title", () => {
    const person = {
      id: "u2",
      accountId: "acc-1",
      staff: false,
      accountRole: "member" as const,
      name: "O",
      title: "",
      deactivated: false,
    };
    const users = new Map([["o@c.test", person]]);
    expect(
      planPeople(rowsOf(`${peopleHeader}\ncrm-1,O@c.test,O,member,\n`, "people"), peopleLookups({ users })).counts
        .unchanged,
    ).toBe(1);
    const plan = planPeople(
      rowsOf(`${peopleHeader}\ncrm-1,o@c.test,O,Member,CTO\n`, "people"),
      peopleLookups({ users }),
    );
    expect(plan.rows[0]).toMatchObject({ verdict: "update", changed: ["title"], userId: "u2" });
  });
});
