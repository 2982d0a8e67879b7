import { isCurrency } from "~/domain/revenue/currencies";
import { type ArrPlan, type ImportedArrState, planImportedArr } from "~/domain/revenue/import-arr";
import type { CsvRow, Problem, ProblemCode } from "./import-file";

/*
 * The dry run's verdicts, pure: each row of a parsed file against what the database holds (the
 * lookups, read in a few batched queries by import.server.ts) → create, update or unchanged, and
 * every problem as (line, column, code). The real run computes the same plan inside its transaction
 * and writes only when no row has a problem.
 */

export type Verdict = "create" | "update" | "unchanged" | "invalid";

// ---------------------------------------------------------------------------------------------
// Cells

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A plain address: something@domain.tld, no spaces (what zod's email() accepts, give or take).
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:]{2,}$/;

/** A real calendar day as YYYY-MM-DD, or null. */
export function parseDate(value: string): string | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : null;
}

type NumberCell = { ok: true; value: number } | { ok: false; code: ProblemCode };

/** A number as a spreadsheet writes it: "12000", "12000.50", "12,000.50" (with a `,` only as thousands). */
export function parseAmount(value: string): NumberCell {
  const compact = value.replace(/[\s_]/g, "");
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact) ? compact.replace(/,/g, "") : compact;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return { ok: false, code: "not_a_number" };
  const number = Number(plain);
  if (!Number.isFinite(number)) return { ok: false, code: "not_a_number" };
  if (number < 0) return { ok: false, code: "negative" };
  return { ok: true, value: number };
}

const isEmail = (value: string) => value.length <= 254 && EMAIL.test(value);

// ---------------------------------------------------------------------------------------------
// Accounts

const MAX_SEATS = 100_000;

interface AccountRowValues {
  name: string;
  externalId: string;
  segmentName: string;
  industry: string;
  region: string;
  seats: number;
  csmEmail: string | null;
  arr: number | null;
  currency: string | null;
  startDate: string | null;
  renewalDate: string;
}

interface ExistingAccount {
  id: string;
  name: string;
  segmentId: string;
  industry: string;
  region: string;
  licensedSeats: number;
  csmId: string | null;
  currency: string;
  renewalDate: string;
}

export interface AccountLookups {
  /** Segments by lower-case name. */
  segments: ReadonlyMap<string, string>;
  /** Active CSMs and admins by lower-case email → user id. */
  owners: ReadonlyMap<string, string>;
  /** Accounts by external id. */
  byExternalId: ReadonlyMap<string, ExistingAccount>;
  /** Accounts by lower-case name → their external id (null: none). */
  byName: ReadonlyMap<string, string | null>;
  /** Subscriptions by account id (absent: none). */
  revenue: ReadonlyMap<string, NonNullable<ImportedArrState>>;
  /** The importer's date: ARR changes are dated today. */
  today: string;
}

/** The account's columns as written to the accounts table. */
interface AccountWrite {
  name: string;
  externalId: string;
  segmentId: string;
  industry: string;
  region: string;
  licensedSeats: number;
  csmId: string | null;
  currency: string;
  renewalDate: string;
}

export interface AccountRowPlan {
  line: number;
  verdict: Verdict;
  externalId: string;
  name: string;
  /** The account's id when it exists. */
  accountId: string | null;
  write: AccountWrite | null;
  /** Which account columns change (for the activity entry); empty when created. */
  changed: string[];
  arr: ArrPlan;
}

export interface ImportPlan<Row> {
  rows: Row[];
  problems: Problem[];
  counts: Record<Verdict, number>;
}

function required(row: CsvRow, column: string, max: number, problems: Problem[]): string {
  const value = row.cells[column] ?? "";
  if (value === "") problems.push({ line: row.line, column, code: "required" });
  else if (value.length > max) problems.push({ line: row.line, column, code: "too_long", value: value.slice(0, 40) });
  return value;
}

/** One row's cells as values, with the problems a row has on its own. */
function readAccountRow(row: CsvRow): { values: AccountRowValues; problems: Problem[] } {
  const problems: Problem[] = [];
  const line = row.line;
  const name = required(row, "name", 120, problems);
  const externalId = required(row, "external_id", 200, problems);
  const segmentName = required(row, "segment", 120, problems);
  const industry = required(row, "industry", 80, problems);
  const region = required(row, "region", 80, problems);

  let seats = 0;
  const seatsCell = row.cells.seats ?? "";
  if (seatsCell === "") problems.push({ line, column: "seats", code: "required" });
  else {
    const parsed = parseAmount(seatsCell);
    if (!parsed.ok) problems.push({ line, column: "seats", code: parsed.code, value: seatsCell });
    else if (!Number.isInteger(parsed.value) || parsed.value === 0) {
      problems.push({ line, column: "seats", code: "not_whole", value: seatsCell });
    } else if (parsed.value > MAX_SEATS) problems.push({ line, column: "seats", code: "too_large", value: seatsCell });
    else seats = parsed.value;
  }

  const csmCell = (row.cells.csm_email ?? "").toLowerCase();
  if (csmCell !== "" && !isEmail(csmCell)) {
    problems.push({ line, column: "csm_email", code: "invalid_email", value: row.cells.csm_email });
  }

  let arr: number | null = null;
  const arrCell = row.cells.arr ?? "";
  if (arrCell !== "") {
    const parsed = parseAmount(arrCell);
    if (parsed.ok) arr = parsed.value;
    else problems.push({ line, column: "arr", code: parsed.code, value: arrCell });
  }

  const currencyCell = (row.cells.currency ?? "").toUpperCase();
  if (currencyCell !== "" && !isCurrency(currencyCell)) {
    problems.push({ line, column: "currency", code: "unknown_currency", value: row.cells.currency });
  }

  const startCell = row.cells.start_date ?? "";
  const startDate = startCell === "" ? null : parseDate(startCell);
  if (startCell !== "" && !startDate) problems.push({ line, column: "start_date", code: "bad_date", value: startCell });
  const renewalCell = row.cells.renewal_date ?? "";
  const renewalDate = renewalCell === "" ? null : parseDate(renewalCell);
  if (renewalCell === "") problems.push({ line, column: "renewal_date", code: "required" });
  else if (!renewalDate) problems.push({ line, column: "renewal_date", code: "bad_date", value: renewalCell });
  if (startDate && renewalDate && renewalDate <= startDate) {
    problems.push({ line, column: "renewal_date", code: "renewal_before_start", value: renewalCell });
  }

  return {
    values: {
      name,
      externalId,
      segmentName,
      industry,
      region,
      seats,
      csmEmail: csmCell === "" ? null : csmCell,
      arr,
      currency: currencyCell === "" ? null : currencyCell,
      startDate,
      renewalDate: renewalDate ?? "",
    },
    problems,
  };
}

const emptyCounts = (): Record<Verdict, number> => ({ create: 0, update: 0, unchanged: 0, invalid: 0 });

/** Marks the second and later rows that repeat a key (case as `normalize` says) as duplicates. */
function markDuplicates<T>(
  items: readonly T[],
  key: (item: T) => string,
  line: (item: T) => number,
  column: string,
  problems: Problem[],
) {
  const first = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value === "") continue;
    const seen = first.get(value);
    if (seen === undefined) first.set(value, line(item));
    else problems.push({ line: line(item), column, code: "duplicate_in_file", value: `${value} (${seen})` });
  }
}

/** Every account row's verdict and problem against the lookups. */
export function planAccounts(rows: readonly CsvRow[], lookups: AccountLookups): ImportPlan<AccountRowPlan> {
  const problems: Problem[] = [];
  const read = rows.map((row) => ({ line: row.line, ...readAccountRow(row) }));
  for (const item of read) problems.push(...item.problems);
  markDuplicates(
    read,
    (r) => r.values.externalId,
    (r) => r.line,
    "external_id",
    problems,
  );
  markDuplicates(
    read,
    (r) => r.values.name.toLowerCase(),
    (r) => r.line,
    "name",
    problems,
  );

  const plans: AccountRowPlan[] = [];
  for (const { line, values, problems: own } of read) {
    const rowProblems: Problem[] = [];
    const existing = values.externalId ? (lookups.byExternalId.get(values.externalId) ?? null) : null;
    const segmentId = values.segmentName ? lookups.segments.get(values.segmentName.toLowerCase()) : undefined;
    if (values.segmentName && !segmentId) {
      rowProblems.push({ line, column: "segment", code: "unknown_segment", value: values.segmentName });
    }
    const csmId = values.csmEmail ? lookups.owners.get(values.csmEmail) : null;
    if (values.csmEmail && isEmail(values.csmEmail) && !csmId) {
      rowProblems.push({ line, column: "csm_email", code: "unknown_csm", value: values.csmEmail });
    }
    if (values.name) {
      const holder = lookups.byName.get(values.name.toLowerCase());
      if (holder !== undefined && holder !== values.externalId) {
        rowProblems.push({ line, column: "name", code: "name_taken", value: values.name });
      }
    }
    let arr: ArrPlan = { kind: "none" };
    if (values.renewalDate) {
      const state = existing ? (lookups.revenue.get(existing.id) ?? null) : null;
      const planned = planImportedArr(
        state,
        {
          arr: values.arr,
          currency: values.currency,
          startDate: values.startDate,
          renewalDate: values.renewalDate,
        },
        lookups.today,
      );
      if (planned.ok) arr = planned.plan;
      // A bad start/renewal pair is already named by the row's own check.
      else if (!(planned.error === "renewal_before_start" && values.startDate)) {
        rowProblems.push({ line, column: planned.column, code: planned.error, value: row(values, planned.column) });
      }
    }
    problems.push(...rowProblems);
    const invalid = rowProblems.length > 0 || own.length > 0 || !segmentId || csmId === undefined;
    if (invalid) {
      plans.push({
        line,
        verdict: "invalid",
        externalId: values.externalId,
        name: values.name,
        accountId: null,
        write: null,
        changed: [],
        arr,
      });
      continue;
    }
    const write: AccountWrite = {
      name: values.name,
      externalId: values.externalId,
      segmentId: segmentId!,
      industry: values.industry,
      region: values.region,
      licensedSeats: values.seats,
      csmId: csmId ?? null,
      // With a subscription the file's currency is the subscription's (what the export writes), so
      // the account's own currency (of its value amounts) stays as it is.
      currency:
        existing && lookups.revenue.has(existing.id)
          ? existing.currency
          : (values.currency ?? existing?.currency ?? "USD"),
      renewalDate: values.renewalDate,
    };
    const changed = existing
      ? (
          ["name", "segmentId", "industry", "region", "licensedSeats", "csmId", "currency", "renewalDate"] as const
        ).filter((key) => existing[key] !== write[key])
      : [];
    const verdict: Verdict = !existing ? "create" : changed.length > 0 || arr.kind !== "none" ? "update" : "unchanged";
    plans.push({
      line,
      verdict,
      externalId: values.externalId,
      name: values.name,
      accountId: existing?.id ?? null,
      write,
      changed,
      arr,
    });
  }
  return finish(plans, problems);
}

function row(values: AccountRowValues, column: string): string | undefined {
  switch (column) {
    case "arr":
      return values.arr === null ? undefined : String(values.arr);
    case "currency":
      return values.currency ?? undefined;
    case "start_date":
      return values.startDate ?? undefined;
    default:
      return values.renewalDate || undefined;
  }
}

function finish<Row extends { line: number; verdict: Verdict }>(plans: Row[], problems: Problem[]): ImportPlan<Row> {
  const badLines = new Set(problems.map((p) => p.line));
  const counts = emptyCounts();
  for (const plan of plans) {
    if (badLines.has(plan.line)) plan.verdict = "invalid";
    counts[plan.verdict]++;
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { rows: plans, problems, counts };
}

// ---------------------------------------------------------------------------------------------
// People

const PERSON_ROLES = ["champion", "member"] as const;
type PersonRole = (typeof PERSON_ROLES)[number];

interface PeopleAccount {
  id: string;
  licensedSeats: number;
  /** Active people and pending invitations: what the seats are measured against. */
  seatsUsed: number;
  /** Active champions. */
  champions: number;
}

interface ExistingPerson {
  id: string;
  accountId: string | null;
  staff: boolean;
  accountRole: PersonRole | null;
  name: string;
  title: string;
  deactivated: boolean;
}

export interface PeopleLookups {
  /** Accounts by external id. */
  accounts: ReadonlyMap<string, PeopleAccount>;
  /** Users by lower-case email. */
  users: ReadonlyMap<string, ExistingPerson>;
}

export interface PersonRowPlan {
  line: number;
  verdict: Verdict;
  email: string;
  accountId: string | null;
  userId: string | null;
  write: { email: string; name: string; accountRole: PersonRole; title: string } | null;
  changed: string[];
}

/** Every people row's verdict and problem against the lookups. */
export function planPeople(rows: readonly CsvRow[], lookups: PeopleLookups): ImportPlan<PersonRowPlan> {
  const problems: Problem[] = [];
  const plans: PersonRowPlan[] = [];
  const seats = new Map<string, number>();
  const champions = new Map<string, number>();
  const demotions: { line: number; accountId: string }[] = [];
  const emails = rows.map((row) => ({ line: row.line, email: (row.cells.email ?? "").toLowerCase() }));
  markDuplicates(
    emails,
    (r) => r.email,
    (r) => r.line,
    "email",
    problems,
  );

  for (const row of rows) {
    const line = row.line;
    const rowProblems: Problem[] = [];
    const externalId = required(row, "account_external_id", 200, rowProblems);
    const email = (row.cells.email ?? "").toLowerCase();
    if (email === "") rowProblems.push({ line, column: "email", code: "required" });
    else if (!isEmail(email))
      rowProblems.push({ line, column: "email", code: "invalid_email", value: row.cells.email });
    const name = required(row, "name", 120, rowProblems);
    const roleCell = (row.cells.role ?? "").toLowerCase();
    const role = (PERSON_ROLES as readonly string[]).includes(roleCell) ? (roleCell as PersonRole) : null;
    if (roleCell === "") rowProblems.push({ line, column: "role", code: "required" });
    else if (!role) rowProblems.push({ line, column: "role", code: "unknown_role", value: row.cells.role });
    const title = row.cells.title ?? "";
    if (title.length > 120) rowProblems.push({ line, column: "title", code: "too_long", value: title.slice(0, 40) });

    const account = externalId ? lookups.accounts.get(externalId) : undefined;
    if (externalId && !account) {
      rowProblems.push({ line, column: "account_external_id", code: "unknown_account", value: externalId });
    }
    const existing = email ? lookups.users.get(email) : undefined;
    if (existing && account) {
      if (existing.staff) rowProblems.push({ line, column: "email", code: "email_is_staff", value: email });
      else if (existing.accountId !== account.id) {
        rowProblems.push({ line, column: "email", code: "email_in_other_account", value: email });
      } else if (existing.deactivated) {
        rowProblems.push({ line, column: "email", code: "person_deactivated", value: email });
      }
    }
    if (account && role && !champions.has(account.id)) champions.set(account.id, account.champions);
    if (account && role && rowProblems.length === 0) {
      if (!existing) {
        const used = (seats.get(account.id) ?? account.seatsUsed) + 1;
        seats.set(account.id, used);
        if (used > account.licensedSeats) {
          rowProblems.push({ line, column: "email", code: "seats_full", value: String(account.licensedSeats) });
        }
        if (role === "champion") champions.set(account.id, champions.get(account.id)! + 1);
      } else if (existing.accountRole !== role) {
        champions.set(account.id, champions.get(account.id)! + (role === "champion" ? 1 : -1));
        if (role === "member") demotions.push({ line, accountId: account.id });
      }
    }
    problems.push(...rowProblems);
    if (rowProblems.length > 0 || !account || !role) {
      plans.push({
        line,
        verdict: "invalid",
        email,
        accountId: account?.id ?? null,
        userId: null,
        write: null,
        changed: [],
      });
      continue;
    }
    const write = { email, name, accountRole: role, title };
    const changed = existing
      ? (["name", "accountRole", "title"] as const).filter((key) => existing[key] !== write[key])
      : [];
    plans.push({
      line,
      verdict: !existing ? "create" : changed.length > 0 ? "update" : "unchanged",
      email,
      accountId: account.id,
      userId: existing?.id ?? null,
      write,
      changed,
    });
  }
  // A demotion may not leave an account without a champion (people's own rule for role changes).
  for (const demotion of demotions) {
    if ((champions.get(demotion.accountId) ?? 0) < 1) {
      problems.push({ line: demotion.line, column: "role", code: "last_champion", value: "member" });
    }
  }
  return finish(plans, problems);
}
