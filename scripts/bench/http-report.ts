/**
 * The pure half of `npm run bench:http` (scripts/bench/http.ts): which JS a page makes the browser
 * load, the p95 of a run, and the table of each page against the trivial page measured right before
 * and after it, with the issue's targets flagged.
 */

/** At least this share of the trivial page's req/s… */
export const MIN_THROUGHPUT_RATIO = 0.5;
/** …and at most this multiple of its p95. */
export const MAX_P95_RATIO = 2;

/**
 * The same-origin JS a Remix page loads: its `<link rel="modulepreload">`s, `<script src>`s and the
 * modules its inline `<script type="module">` imports (the entry and route chunks). Absolute paths,
 * each once, in page order.
 */
export function scriptAssets(html: string): string[] {
  const found: string[] = [];
  const add = (path: string | undefined) => {
    if (path && path.startsWith("/") && !path.startsWith("//") && !found.includes(path)) found.push(path);
  };
  for (const tag of html.matchAll(/<link\b[^>]*>/gi)) {
    if (/\brel=["']?modulepreload\b/i.test(tag[0])) add(attribute(tag[0], "href"));
  }
  for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = "", body = ""] = script;
    add(attribute(`<script ${attributes}>`, "src"));
    if (!/\btype=["']?module\b/i.test(attributes)) continue;
    for (const specifier of body.matchAll(/\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g)) add(specifier[1]);
    for (const specifier of body.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) add(specifier[1]);
  }
  return found;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3])!.replaceAll("&amp;", "&") : undefined;
}

/** The q-quantile by the nearest-rank method (0 for no samples). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** One autocannon run against one path. */
export interface Run {
  responses: number;
  seconds: number;
  p95Ms: number;
  /** Responses per HTTP status. */
  statuses: Record<number, number>;
  errors: number;
  timeouts: number;
}

export function throughput(run: Run): number {
  return run.seconds > 0 ? run.responses / run.seconds : 0;
}

export interface PageResult {
  label: string;
  path: string;
  /** Absent when the page was not put under load (its single probe request failed or took too long). */
  run?: Run;
  /** The trivial page's runs right before and right after this page's. */
  trivialBefore: Run;
  trivialAfter: Run;
  htmlBytes: number | null;
  jsGzBytes: number | null;
  /** Why the page was not loaded, or anything else the reader must know. */
  note?: string;
}

export interface Row {
  label: string;
  reqPerSecond: number | null;
  p95Ms: number | null;
  throughputRatio: number | null;
  p95Ratio: number | null;
  statuses: string;
  htmlBytes: number | null;
  jsGzBytes: number | null;
  misses: string[];
}

const isOk = (status: number) => status >= 200 && status < 300;

export function nonSuccess(run: Run): number {
  return (
    Object.entries(run.statuses).reduce((sum, [status, count]) => sum + (isOk(Number(status)) ? 0 : count), 0) +
    run.errors
  );
}

/** A page's figures against the mean of the trivial runs around it, and the targets it misses. */
export function toRow(page: PageResult): Row {
  const trivialThroughput = (throughput(page.trivialBefore) + throughput(page.trivialAfter)) / 2;
  const trivialP95 = (page.trivialBefore.p95Ms + page.trivialAfter.p95Ms) / 2;
  const run = page.run;
  if (!run || run.responses === 0) {
    return {
      label: page.label,
      reqPerSecond: run ? 0 : null,
      p95Ms: null,
      throughputRatio: run ? 0 : null,
      p95Ratio: null,
      statuses: run
        ? `no answer in ${run.seconds.toFixed(0)} s${run.errors > 0 ? ` (err×${run.errors})` : ""}`
        : (page.note ?? "not run"),
      htmlBytes: page.htmlBytes,
      jsGzBytes: page.jsGzBytes,
      misses: [run ? "no answer" : "not run"],
    };
  }
  const reqPerSecond = throughput(run);
  const throughputRatio = trivialThroughput > 0 ? reqPerSecond / trivialThroughput : null;
  const p95Ratio = trivialP95 > 0 ? run.p95Ms / trivialP95 : null;
  const misses: string[] = [];
  if (throughputRatio === null || throughputRatio < MIN_THROUGHPUT_RATIO) misses.push("req/s");
  if (p95Ratio === null || p95Ratio > MAX_P95_RATIO) misses.push("p95");
  const failed = nonSuccess(run);
  if (failed > 0 || page.note) misses.push("status");
  return {
    label: page.label,
    reqPerSecond,
    p95Ms: run.p95Ms,
    throughputRatio,
    p95Ratio,
    statuses: page.note ? `${formatStatuses(run)}; ${page.note}` : formatStatuses(run),
    htmlBytes: page.htmlBytes,
    jsGzBytes: page.jsGzBytes,
    misses,
  };
}

/** "200×412", "200×3 500×2 err×1": every status seen; non-2xx and errors counted apart. */
export function formatStatuses(run: Run): string {
  const parts = Object.entries(run.statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}×${count}`);
  if (run.errors > 0) parts.push(`err×${run.errors}`);
  if (run.timeouts > 0) parts.push(`timeout×${run.timeouts}`);
  const failed = nonSuccess(run);
  return `${parts.join(" ") || "none"}${failed > 0 ? ` (${failed} non-2xx)` : ""}`;
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "–";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const figure = (value: number | null, digits: number) => (value === null ? "–" : value.toFixed(digits));
const ratio = (value: number | null) => (value === null ? "–" : `${value.toFixed(2)}×`);

/** A Markdown table, so a run's output pastes into the docs and the issue as it is. */
export function formatTable(rows: Row[]): string {
  const header = [
    "page",
    "req/s",
    "p95 ms",
    "req/s ÷ trivial",
    "p95 ÷ trivial",
    "statuses",
    "HTML",
    "JS gz",
    "targets",
  ];
  const body = rows.map((row) => [
    row.label,
    figure(row.reqPerSecond, 1),
    figure(row.p95Ms, 0),
    ratio(row.throughputRatio),
    ratio(row.p95Ratio),
    row.statuses,
    formatBytes(row.htmlBytes),
    formatBytes(row.jsGzBytes),
    row.misses.length === 0 ? "ok" : `✗ ${row.misses.join(", ")}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...body.map(line)].join("\n");
}
