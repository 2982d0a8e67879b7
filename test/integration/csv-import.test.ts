import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts, activity, ledgerEntries, subscriptions, users } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createSegment,
  createStaff,
  createSubscription,
  signedInRequest,
} from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import { ACCOUNT_COLUMNS, PEOPLE_COLUMNS } from "~/domain/imports/columns";
import { dryRunImport, runImport } from "~/domain/imports/import.server";
import { ledgerSum } from "~/domain/revenue/ledger.server";
import { loader as accountsCsv } from "~/routes/accounts[.]csv";
import { loader as peopleCsv } from "~/routes/accounts.people[.]csv";

const TODAY = "2026-06-01";
const bytes = (text: string) => new TextEncoder().encode(`\uFEFF${text}`);
const accountsFile = (rows: string[]) => bytes([ACCOUNT_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n");
const peopleFile = (rows: string[]) => bytes([PEOPLE_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n");

let n = 0;
async function setup() {
  n += 1;
  const tag = `${n}-${Math.random().toString(36).slice(2, 8)}`;
  const admin = await createStaff("admin");
  const csm = await createStaff("csm", { email: `csm-${tag}@vendor.test` });
  const segment = await createSegment({ name: `Growth ${tag}` });
  return { tag, admin, actor: actorOf(admin) as StaffActor, csm, segment };
}

async function accountsByExternalId(ids: string[]) {
  return db.select().from(accounts).where(inArray(accounts.externalId, ids));
}

describe("importing accounts", () => {
  it("dry-runs, imports with a subscription and a 'new' entry, and re-imports as unchanged", async () => {
    const { tag, actor, csm, segment } = await setup();
    const file = accountsFile([
      `Alpha ${tag},a-${tag},${segment.name},Software,EMEA,25,${csm.email},12000,EUR,2026-01-01,2027-01-01`,
      `Beta ${tag},b-${tag},${segment.name.toUpperCase()},Retail,APAC,5,,,,,2027-03-31`,
    ]);
    const dry = await dryRunImport("accounts", file, TODAY);
    expect(dry).toMatchObject({ counts: { create: 2, update: 0, unchanged: 0, invalid: 0 }, problemCount: 0 });
    expect(await accountsByExternalId([`a-${tag}`, `b-${tag}`])).toHaveLength(0);

    const first = await runImport(actor, "accounts", file, TODAY);
    expect(first).toMatchObject({ ok: true, report: { written: true, counts: { create: 2 } } });
    const [alpha, beta] = (await accountsByExternalId([`a-${tag}`, `b-${tag}`])).sort((x, y) =>
      x.name.localeCompare(y.name),
    );
    expect(alpha).toMatchObject({ segmentId: segment.id, licensedSeats: 25, csmId: csm.id, currency: "EUR" });
    expect(beta).toMatchObject({ csmId: null, renewalDate: "2027-03-31", currency: "USD" });
    const [sub] = await db.select().from(subscriptions).where(eq(subscriptions.accountId, alpha!.id));
    expect(sub).toMatchObject({ arr: 12000, currency: "EUR", startDate: "2026-01-01", renewalDate: "2027-01-01" });
    const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.accountId, alpha!.id));
    expect(entries).toMatchObject([{ kind: "new", arrDelta: 12000, arrAfter: 12000, effectiveOn: "2026-01-01" }]);
    expect(await db.select().from(subscriptions).where(eq(subscriptions.accountId, beta!.id))).toHaveLength(0);
    const created = await db.select().from(activity).where(eq(activity.subjectId, alpha!.id));
    expect(created.map((a) => a.action)).toEqual(["account.created"]);

    const again = await runImport(actor, "accounts", file, TODAY);
    expect(again).toMatchObject({ ok: true, report: { counts: { create: 0, update: 0, unchanged: 2 } } });
    expect(await db.select().from(ledgerEntries).where(eq(ledgerEntries.accountId, alpha!.id))).toHaveLength(1);
    expect((await accountsByExternalId([`a-${tag}`]))[0]!.version).toBe(alpha!.version);
  });

  it("writes the ARR difference as an expansion or contraction, keeping the ledger's sum", async () => {
    const { tag, actor, segment } = await setup();
    const account = await createAccount({ segmentId: segment.id, externalId: `x-${tag}`, name: `Existing ${tag}` });
    await createSubscription(account.id, { arr: 10_000, currency: "USD", startDate: "2026-01-15" });
    const row = (arr: number) =>
      `Existing ${tag},x-${tag},${segment.name},Software,EMEA,10,,${arr},USD,2026-01-15,2027-01-15`;
    const up = await runImport(actor, "accounts", accountsFile([row(14_000)]), TODAY);
    expect(up).toMatchObject({ ok: true, report: { written: true, counts: { update: 1 } } });
    const down = await runImport(actor, "accounts", accountsFile([row(9_000)]), TODAY);
    expect(down).toMatchObject({ ok: true, report: { written: true, counts: { update: 1 } } });
    const entries = await db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.accountId, account.id))
      .orderBy(ledgerEntries.sequence);
    expect(entries.map((e) => [e.kind, e.arrDelta, e.arrAfter, e.sequence, e.effectiveOn])).toEqual([
      ["new", 10_000, 10_000, 1, "2026-01-15"],
      ["expansion", 4_000, 14_000, 2, TODAY],
      ["contraction", -5_000, 9_000, 3, TODAY],
    ]);
    const [sub] = await db.select().from(subscriptions).where(eq(subscriptions.accountId, account.id));
    expect(sub!.arr).toBe(9_000);
    expect(await ledgerSum(account.id)).toBe(9_000);
  });

  it("writes nothing when any row has a problem, and names each", async () => {
    const { tag, actor, segment } = await setup();
    const file = accountsFile([
      `Fine ${tag},f-${tag},${segment.name},Software,EMEA,10,,100,USD,2026-01-01,2027-01-01`,
      `Bad ${tag},g-${tag},No such segment,Software,EMEA,10,ghost@vendor.test,-5,USD,2026-01-01,2027-01-01`,
    ]);
    const result = await runImport(actor, "accounts", file, TODAY);
    expect(result.ok && result.report.written).toBe(false);
    expect(result.ok && result.report.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, "arr", "negative"],
      [3, "segment", "unknown_segment"],
      [3, "csm_email", "unknown_csm"],
    ]);
    expect(await accountsByExternalId([`f-${tag}`, `g-${tag}`])).toHaveLength(0);
  });

  it("refuses a marketing user as CSM and a name another account has", async () => {
    const { tag, segment } = await setup();
    const marketing = await createStaff("marketing");
    const taken = await createAccount({ segmentId: segment.id, name: `Taken ${tag}` });
    const result = await dryRunImport(
      "accounts",
      accountsFile([`Taken ${tag},t-${tag},${segment.name},Software,EMEA,10,${marketing.email},,,,2027-01-01`]),
      TODAY,
    );
    expect(result.problems.map((p) => p.code)).toEqual(["unknown_csm", "name_taken"]);
    expect(taken.externalId).toBeNull();
  });

  it("re-imports its own export as unchanged", async () => {
    const { tag, admin, actor, csm, segment } = await setup();
    const file = accountsFile([
      `Round ${tag},r-${tag},${segment.name},"Logistics, rail",EMEA,42,${csm.email},12500.5,EUR,2026-02-01,2027-02-01`,
      `=Formula ${tag},s-${tag},${segment.name},Software,EMEA,3,${csm.email},,GBP,,2027-09-30`,
    ]);
    expect((await runImport(actor, "accounts", file, TODAY)).ok).toBe(true);
    const response = await accountsCsv({
      request: await signedInRequest(admin.id, `http://localhost/accounts.csv?csm=${csm.id}`),
      params: {},
      context: { clientIp: "127.0.0.1" },
    });
    const exported = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(exported)).toContain(`'=Formula ${tag}`);
    const again = await runImport(actor, "accounts", exported, TODAY);
    expect(again).toMatchObject({ ok: true, report: { counts: { create: 0, update: 0, unchanged: 2, invalid: 0 } } });
  });
});

describe("importing people", () => {
  it("creates members without sending mail, re-imports as unchanged, updates a role", async () => {
    const { tag, admin, actor, segment } = await setup();
    const account = await createAccount({ segmentId: segment.id, externalId: `p-${tag}`, licensedSeats: 5 });
    const file = (role: string) =>
      peopleFile([
        `p-${tag},Ana-${tag}@Customer.test,Ana,champion,CFO`,
        `p-${tag},bo-${tag}@customer.test,Bo,${role},`,
      ]);
    const outboxBefore = await db.execute(sql`select count(*)::int as n from outbox_messages`);
    const first = await runImport(actor, "people", file("member"), TODAY);
    expect(first).toMatchObject({ ok: true, report: { written: true, counts: { create: 2 } } });
    const people = await db.select().from(users).where(eq(users.accountId, account.id)).orderBy(users.name);
    expect(people.map((p) => [p.email, p.accountRole, p.title, p.passwordHash])).toEqual([
      [`ana-${tag}@customer.test`, "champion", "CFO", null],
      [`bo-${tag}@customer.test`, "member", "", null],
    ]);
    const outboxAfter = await db.execute(sql`select count(*)::int as n from outbox_messages`);
    expect(outboxAfter[0]).toEqual(outboxBefore[0]);

    expect(await runImport(actor, "people", file("member"), TODAY)).toMatchObject({
      report: { counts: { create: 0, update: 0, unchanged: 2 } },
    });
    expect(await runImport(actor, "people", file("champion"), TODAY)).toMatchObject({
      report: { written: true, counts: { update: 1, unchanged: 1 } },
    });
    const [bo] = await db
      .select()
      .from(users)
      .where(eq(users.email, `bo-${tag}@customer.test`));
    expect(bo!.accountRole).toBe("champion");

    // The people export re-imports as it is.
    const response = await peopleCsv({
      request: await signedInRequest(admin.id, `http://localhost/accounts/people.csv?segment=${segment.id}`),
      params: {},
      context: { clientIp: "127.0.0.1" },
    });
    const again = await runImport(actor, "people", new Uint8Array(await response.arrayBuffer()), TODAY);
    expect(again).toMatchObject({ ok: true, report: { counts: { unchanged: 2, invalid: 0 } } });
  });

  it("writes nobody when a row names an unknown account or another account's person", async () => {
    const { tag, actor, segment } = await setup();
    const account = await createAccount({ segmentId: segment.id, externalId: `q-${tag}` });
    const other = await createAccount({ segmentId: segment.id });
    const elsewhere = await createCustomer(other.id, "member");
    const result = await runImport(
      actor,
      "people",
      peopleFile([
        `q-${tag},new-${tag}@customer.test,New,member,`,
        `nope-${tag},x-${tag}@customer.test,X,member,`,
        `q-${tag},${elsewhere.email},Moved,member,`,
      ]),
      TODAY,
    );
    expect(result.ok && result.report.problems.map((p) => [p.line, p.code])).toEqual([
      [3, "unknown_account"],
      [4, "email_in_other_account"],
    ]);
    expect(await db.select().from(users).where(eq(users.accountId, account.id))).toHaveLength(0);
  });
});

describe("the import page's action", () => {
  type Answer = {
    data: {
      report?: { counts: Record<string, number>; problemCount: number };
      checked?: string;
      changed?: boolean;
      form?: { error: Record<string, string[]> };
    };
    init: { status: number } | null;
  };
  const context = { clientIp: "127.0.0.1" };
  async function post(userId: string, fields: Record<string, string | Uint8Array>) {
    const { action } = await import("~/routes/accounts.import");
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      body.append(
        name,
        typeof value === "string"
          ? value
          : new File([value as unknown as BlobPart], "import.csv", { type: "text/csv" }),
      );
    }
    const request = await signedInRequest(userId, "http://localhost/accounts/import", { method: "POST", body });
    try {
      return (await action({ request, params: {}, context })) as unknown as Answer | Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("checks, imports only the file it checked, and redirects to the list", async () => {
    const { tag, admin, segment } = await setup();
    const file = accountsFile([`Route ${tag},rt-${tag},${segment.name},Software,EMEA,3,,,,,2027-01-01`]);
    const check = (await post(admin.id, { intent: "check", kind: "accounts", file })) as Answer;
    expect(check.data.report).toMatchObject({ counts: { create: 1 }, problemCount: 0 });
    // Another file sent with the first one's digest is checked, not imported.
    const other = accountsFile([`Other ${tag},ot-${tag},${segment.name},Software,EMEA,3,,,,,2027-01-01`]);
    const switched = (await post(admin.id, {
      intent: "import",
      kind: "accounts",
      file: other,
      checked: check.data.checked!,
    })) as Answer;
    expect(switched.data).toMatchObject({ changed: true, report: { counts: { create: 1 } } });
    expect(await accountsByExternalId([`ot-${tag}`])).toHaveLength(0);
    // So is the same file as people.
    const asPeople = (await post(admin.id, {
      intent: "import",
      kind: "people",
      file,
      checked: check.data.checked!,
    })) as Answer;
    expect(asPeople.data.changed).toBe(true);
    const done = await post(admin.id, { intent: "import", kind: "accounts", file, checked: check.data.checked! });
    expect(done).toBeInstanceOf(Response);
    expect((done as Response).status).toBe(302);
    expect((done as Response).headers.get("Location")).toBe("/accounts");
    expect(await accountsByExternalId([`rt-${tag}`])).toHaveLength(1);
  });

  it("answers 400 without a file and 404 to a CSM", async () => {
    const { admin, csm } = await setup();
    const missing = (await post(admin.id, { intent: "check", kind: "accounts" })) as Answer;
    expect(missing.init?.status).toBe(400);
    expect(missing.data.form?.error).toEqual({ file: ["importFile.required"] });
    const empty = (await post(admin.id, { intent: "check", kind: "accounts", file: new Uint8Array() })) as Answer;
    expect(empty.data.form?.error).toEqual({ file: ["importFile.required"] });
    const refused = await post(csm.id, { intent: "check", kind: "accounts", file: accountsFile([]) });
    expect((refused as Response).status).toBe(404);
  });

  it("serves a header-only template of each kind to admins", async () => {
    const { loader } = await import("~/routes/accounts.import.template[.]csv");
    const { admin } = await setup();
    for (const [kind, header] of [
      ["accounts", ACCOUNT_COLUMNS.join(",")],
      ["people", PEOPLE_COLUMNS.join(",")],
    ] as const) {
      const response = await loader({
        request: await signedInRequest(admin.id, `http://localhost/accounts/import/template.csv?kind=${kind}`),
        params: {},
        context,
      });
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${kind}-template.csv"`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes)).toBe(`${header}\r\n`);
    }
  });
});
