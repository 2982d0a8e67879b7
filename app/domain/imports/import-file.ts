import { parse } from "csv-parse/sync";
import { ACCOUNT_COLUMNS, type ImportKind, MAX_IMPORT_ROWS, PEOPLE_COLUMNS } from "./columns";

import { type CsvDelimiter, type CsvEncoding, decodeCsv, detectDelimiter } from "./csv-text";

export { IMPORT_KINDS, type ImportKind } from "./columns";

/*
 * An uploaded CSV file as rows of cells, pure: decoded (csv-text), split with csv-parse, its header
 * checked against the kind's columns. Problems are (line, column, code, value): the page says them
 * in the reader's language; a line of null is about the whole file.
 */

const COLUMNS: Record<ImportKind, readonly string[]> = { accounts: ACCOUNT_COLUMNS, people: PEOPLE_COLUMNS };

export type ProblemCode =
  // The file as a whole.
  | "empty"
  | "not_csv"
  | "undecodable"
  | "unreadable"
  | "wrong_delimiter"
  | "missing_columns"
  | "unknown_columns"
  | "duplicate_columns"
  | "too_many_rows"
  // One row or cell.
  | "cell_count"
  | "required"
  | "too_long"
  | "not_a_number"
  | "negative"
  | "not_whole"
  | "too_large"
  | "unknown_currency"
  | "bad_date"
  | "renewal_before_start"
  | "duplicate_in_file"
  | "unknown_segment"
  | "unknown_csm"
  | "name_taken"
  | "start_date_required"
  | "currency_required"
  | "currency_mismatch"
  | "churned"
  | "would_churn"
  | "unknown_account"
  | "invalid_email"
  | "unknown_role"
  | "email_is_staff"
  | "email_in_other_account"
  | "person_deactivated"
  | "seats_full"
  | "last_champion";

export interface Problem {
  /** The file's line (1 is the header); null for the whole file. */
  line: number | null;
  column: string | null;
  code: ProblemCode;
  /** The cell as written, or what the message names (columns, a delimiter, a count). */
  value?: string;
}

export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export type ParsedFile =
  { ok: true; encoding: CsvEncoding; delimiter: CsvDelimiter; rows: CsvRow[] } | { ok: false; problems: Problem[] };

const fileProblem = (code: ProblemCode, value?: string): ParsedFile => ({
  ok: false,
  problems: [{ line: null, column: null, code, ...(value === undefined ? {} : { value }) }],
});

/** Text that isn't text: NULs (UTF-16 without its BOM, a binary file) or many control characters. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.includes("\u0000")) return true;
  let control = 0;
  for (const char of sample) {
    const code = char.charCodeAt(0);
    if ((code < 0x20 && char !== "\t" && char !== "\n" && char !== "\r") || (code >= 0x7f && code < 0xa0)) control++;
  }
  return control > Math.max(8, sample.length / 100);
}

/**
 * The exporter writes a leading ' before text starting with = + - @ (so a spreadsheet doesn't run
 * it); reading the file back takes it off again.
 */
function cleanCell(raw: string): string {
  const trimmed = raw.trim();
  return /^'[=+\-@\t\r]/.test(trimmed) ? trimmed.slice(1) : trimmed;
}

/** The file's rows by column name, or the problems that stop it being read at all. */
export function parseImportFile(bytes: Uint8Array, kind: ImportKind): ParsedFile {
  if (bytes.length === 0) return fileProblem("empty");
  // A workbook (.xlsx is a zip, .xls an OLE file) rather than its CSV export.
  if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf))
    return fileProblem("not_csv");
  const { text, encoding } = decodeCsv(bytes);
  if (looksBinary(text)) return fileProblem("undecodable");
  if (text.trim() === "") return fileProblem("empty");
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      ok: false,
      problems: [{ line: typeof line === "number" ? line : null, column: null, code: "unreadable" }],
    };
  }
  const [header, ...body] = records;
  if (!header) return fileProblem("empty");
  const expected = COLUMNS[kind];
  const names = header.record.map((cell) =>
    cleanCell(cell)
      .replace(/^\uFEFF/, "")
      .toLowerCase(),
  );
  if (names.length === 1 && expected.length > 1) {
    // One column: the file is separated by something else (a pipe, a colon).
    const other = names[0]!.match(/[|:/\\^#~]/)?.[0];
    return fileProblem("wrong_delimiter", other ?? names[0]!.slice(0, 40));
  }
  const problems: Problem[] = [];
  const missing = expected.filter((column) => !names.includes(column));
  const unknown = names.filter((name) => !expected.includes(name));
  const duplicated = names.filter((name, index) => names.indexOf(name) !== index);
  if (missing.length > 0) problems.push({ line: 1, column: null, code: "missing_columns", value: missing.join(", ") });
  if (unknown.length > 0) {
    problems.push({ line: 1, column: null, code: "unknown_columns", value: unknown.map((n) => n || '""').join(", ") });
  }
  if (duplicated.length > 0) {
    problems.push({ line: 1, column: null, code: "duplicate_columns", value: [...new Set(duplicated)].join(", ") });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (body.length === 0) return fileProblem("empty");
  if (body.length > MAX_IMPORT_ROWS) return fileProblem("too_many_rows", String(MAX_IMPORT_ROWS));
  const rows = body.map(({ record, info }) => {
    const cells: Record<string, string> = {};
    names.forEach((name, index) => (cells[name] = cleanCell(record[index] ?? "")));
    return { line: info.lines, cells, width: record.length };
  });
  const short = rows.filter((row) => row.width !== names.length);
  if (short.length > 0) {
    return {
      ok: false,
      problems: short.map((row) => ({
        line: row.line,
        column: null,
        code: "cell_count" as const,
        value: `${row.width}/${names.length}`,
      })),
    };
  }
  return { ok: true, encoding, delimiter, rows: rows.map(({ line, cells }) => ({ line, cells })) };
}

/** The header-only file a spreadsheet starts from. */
export function templateCsv(kind: ImportKind): string {
  return "\uFEFF" + COLUMNS[kind].join(",") + "\r\n";
}
