import { createHash } from "node:crypto";
import { db, type Executor } from "~db/client.server";
import type { StaffActor } from "~/domain/auth/actor";
import {
  accountImportLookups,
  isUniqueViolation,
  peopleImportLookups,
  writeImportedAccounts,
  writeImportedPeople,
} from "~/domain/people/import.server";
import { importRevenueStates, writeImportedRevenue } from "~/domain/revenue/import.server";
import { type CsvRow, type ImportKind, type Problem, parseImportFile } from "./import-file";
import { type ImportPlan, type Verdict, planAccounts, planPeople } from "./import-plan";

/*
 * The CSV import of accounts and people (issue 15 item 6). A dry run reads the file, looks up what
 * it names in a fixed number of batched queries and answers every row's verdict and problem; the
 * real run does the same inside one transaction and writes only when no row has a problem — a file
 * with any error writes nothing. Rows are matched by external id (accounts) and email (people), so
 * importing the same file again changes nothing and says "unchanged".
 */

/** What a dry run checked (the kind and the bytes), so an import can tell it is the same file. */
export function importDigest(kind: ImportKind, bytes: Uint8Array): string {
  return createHash("sha256").update(kind).update(bytes).digest("hex");
}

/** How many problems an answer carries; the page says "and N more" past it. */
const MAX_REPORTED_PROBLEMS = 200;

export interface ImportReport {
  kind: ImportKind;
  /** True only for a real run that wrote. */
  written: boolean;
  counts: Record<Verdict, number>;
  rows: number;
  problems: Problem[];
  problemCount: number;
  /** Whether the file could be read at all (false: its problems are about the whole file). */
  readable: boolean;
}

/** Rolls the transaction back while keeping the plan's answer. */
class NothingWritten extends Error {
  constructor(readonly report: ImportReport) {
    super("nothing written");
  }
}

function report(kind: ImportKind, plan: ImportPlan<{ verdict: Verdict }>, written: boolean): ImportReport {
  return {
    kind,
    written,
    counts: plan.counts,
    rows: plan.rows.length,
    problems: plan.problems.slice(0, MAX_REPORTED_PROBLEMS),
    problemCount: plan.problems.length,
    readable: true,
  };
}

function unreadable(kind: ImportKind, problems: Problem[]): ImportReport {
  return {
    kind,
    written: false,
    counts: { create: 0, update: 0, unchanged: 0, invalid: 0 },
    rows: 0,
    problems: problems.slice(0, MAX_REPORTED_PROBLEMS),
    problemCount: problems.length,
    readable: false,
  };
}

const lower = (values: Iterable<string>) => [...new Set([...values].filter(Boolean).map((v) => v.toLowerCase()))];

async function planAccountRows(tx: Executor, rows: CsvRow[], today: string, lock: boolean) {
  const lookups = await accountImportLookups(tx, {
    externalIds: [...new Set(rows.map((row) => row.cells.external_id ?? "").filter(Boolean))],
    names: lower(rows.map((row) => row.cells.name ?? "")),
    ownerEmails: lower(rows.map((row) => row.cells.csm_email ?? "")),
  });
  const revenue = await importRevenueStates(
    tx,
    [...lookups.byExternalId.values()].map((account) => account.id),
    { lock },
  );
  return { plan: planAccounts(rows, { ...lookups, revenue, today }), revenue };
}

async function planPeopleRows(tx: Executor, rows: CsvRow[]) {
  const lookups = await peopleImportLookups(tx, {
    externalIds: [...new Set(rows.map((row) => row.cells.account_external_id ?? "").filter(Boolean))],
    emails: lower(rows.map((row) => row.cells.email ?? "")),
  });
  return planPeople(rows, lookups);
}

/** What importing the file would do, writing nothing. `today` is the importer's date (ARR changes are dated so). */
export async function dryRunImport(kind: ImportKind, bytes: Uint8Array, today: string): Promise<ImportReport> {
  const parsed = parseImportFile(bytes, kind);
  if (!parsed.ok) return unreadable(kind, parsed.problems);
  if (kind === "accounts") return report(kind, (await planAccountRows(db, parsed.rows, today, false)).plan, false);
  return report(kind, await planPeopleRows(db, parsed.rows), false);
}

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; error: "conflict" };

/**
 * Imports the file in one transaction: planned again against the locked rows, written only when
 * no row has a problem (the report then says so, with `written: false`). Sends no mail.
 */
export async function runImport(
  actor: StaffActor,
  kind: ImportKind,
  bytes: Uint8Array,
  today: string,
): Promise<ImportOutcome> {
  const parsed = parseImportFile(bytes, kind);
  if (!parsed.ok) return { ok: true, report: unreadable(kind, parsed.problems) };
  try {
    const done = await db.transaction(async (tx) => {
      if (kind === "accounts") {
        const { plan, revenue } = await planAccountRows(tx, parsed.rows, today, true);
        if (plan.problems.length > 0) throw new NothingWritten(report(kind, plan, false));
        const changes = plan.rows.filter((row) => row.verdict === "create" || row.verdict === "update");
        const ids = await writeImportedAccounts(
          tx,
          actor,
          changes.map((row) => ({ write: row.write!, existingId: row.accountId, changed: row.changed })),
        );
        await writeImportedRevenue(
          tx,
          actor,
          changes
            .filter((row) => row.arr.kind !== "none")
            .map((row) => ({ accountId: ids.get(row.externalId)!, plan: row.arr })),
          revenue,
        );
        return report(kind, plan, true);
      }
      const plan = await planPeopleRows(tx, parsed.rows);
      if (plan.problems.length > 0) throw new NothingWritten(report(kind, plan, false));
      await writeImportedPeople(
        tx,
        actor,
        plan.rows
          .filter((row) => row.verdict === "create" || row.verdict === "update")
          .map((row) => ({ ...row.write!, accountId: row.accountId!, userId: row.userId, changed: row.changed })),
      );
      return report(kind, plan, true);
    });
    return { ok: true, report: done };
  } catch (error) {
    if (error instanceof NothingWritten) return { ok: true, report: error.report };
    // Another import (or a person's edit) took the same external id, name or email meanwhile.
    if (isUniqueViolation(error)) return { ok: false, error: "conflict" };
    throw error;
  }
}
