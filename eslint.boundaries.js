// Area boundaries as lint rules (issue 9): each area under app/domain/<area> owns the tables in
// db/schema/<area>.ts. Another area reaches them only through the owner's exported functions
// (~/domain/<owner>/...), so an owner can change its tables, invariants and events in one place.
//
// The one written exception: people's `accounts` and `users` (and `segments`, the lookup of an account's
// segment name) may be read by any area: read-only joins for names, emails, account scope and time
// zone, which would otherwise cost every list a second query. Writing them stays with the people area,
// which the no-restricted-syntax rule below enforces for insert/update/delete.
//
// The table lists are read from the schema files, so a new `export const x = pgTable(` is covered
// without touching this file.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const schemaDir = join(import.meta.dirname, "db/schema");

/** Area name (schema file name) → the tables it exports. */
const tablesByArea = Object.fromEntries(
  readdirSync(schemaDir)
    .filter((file) => file.endsWith(".ts") && file !== "index.ts")
    .map((file) => {
      const source = readFileSync(join(schemaDir, file), "utf8");
      const tables = [...source.matchAll(/export\s+const\s+(\w+)\s*=\s*pgTable\s*\(/g)].map((match) => match[1]);
      return [file.slice(0, -".ts".length), tables];
    }),
);

export const areas = Object.keys(tablesByArea).sort();

/** Tables any area may read (joins only; see the header). */
const sharedReadOnly = { people: ["accounts", "users", "segments"] };

const dbPrefix = String.raw`^(?:~db|(?:\.\.?\/)+(?:\.\.\/)*db)`;
const ext = String.raw`(?:\.(?:ts|js))?$`;
// `~db/schema`, its index and the owner's own file, through the alias or any relative path.
const schemaImport = (owner) => `${dbPrefix}/schema(?:/index|/${owner})?${ext}`;

function crossAreaPatterns(area) {
  return areas
    .filter((owner) => owner !== area)
    .map((owner) => ({
      regex: schemaImport(owner),
      importNames: tablesByArea[owner].filter((table) => !(sharedReadOnly[owner] ?? []).includes(table)),
      message:
        `${owner} tables belong to the ${owner} area: call its exported functions (app/domain/${owner}/*) instead` +
        (sharedReadOnly[owner] ? ` (other areas may only read ${sharedReadOnly[owner].join(", ")}).` : "."),
    }))
    .filter((pattern) => pattern.importNames.length > 0);
}

// Only app/domain talks to the database: routes parse, authorize and call a domain function; ui renders.
const outsideDomainPatterns = [
  {
    regex: schemaImport("\\w+"),
    importNames: Object.values(tablesByArea).flat(),
    message:
      "Only app/domain reads and writes tables: call the owning area's exported function (app/domain/<area>/*) instead.",
  },
  {
    regex: `${dbPrefix}/client(?:\\.server)?${ext}`,
    // The health check's whole job is to ping the database; it reads no table.
    allowImportNames: ["pingDatabase"],
    message: "Only app/domain uses the database client: call the owning area's exported function instead.",
  },
];

const writeMethods = "insert|update|delete";

function sharedWriteSelectors(area) {
  return Object.entries(sharedReadOnly)
    .filter(([owner]) => owner !== area)
    .flatMap(([owner, tables]) =>
      tables.map((table) => ({
        selector: `CallExpression[callee.property.name=/^(${writeMethods})$/][arguments.0.name='${table}']`,
        message: `${owner} owns writes to ${table}: other areas only read it; call app/domain/${owner}/* to change it.`,
      })),
    );
}

const restrict = (patterns) => ["error", { patterns }];

/** Flat-config entries: one per area, one for the rest of app/. */
export const areaBoundaries = [
  ...areas.map((area) => ({
    files: [`app/domain/${area}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": restrict(crossAreaPatterns(area)),
      "no-restricted-syntax": ["error", ...sharedWriteSelectors(area)],
    },
  })),
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/domain/**"],
    rules: { "no-restricted-imports": restrict(outsideDomainPatterns) },
  },
];
