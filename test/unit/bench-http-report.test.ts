import { describe, expect, it } from "vitest";
import { benchId } from "../../scripts/bench/http-data";
import {
  type PageResult,
  type Run,
  formatBytes,
  formatStatuses,
  formatTable,
  quantile,
  scriptAssets,
  toRow,
} from "../../scripts/bench/http-report";
import { isId } from "~/lib/ids";

const run = (overrides: Partial<Run> = {}): Run => ({
  responses: 100,
  seconds: 10,
  p95Ms: 100,
  statuses: { 200: 100 },
  errors: 0,
  timeouts: 0,
  ...overrides,
});

const page = (overrides: Partial<PageResult> = {}): PageResult => ({
  label: "plan page",
  path: "/accounts/x/plan",
  run: run(),
  trivialBefore: run({ responses: 120, p95Ms: 80 }),
  trivialAfter: run({ responses: 80, p95Ms: 120 }),
  htmlBytes: 2048,
  jsGzBytes: 90 * 1024,
  ...overrides,
});

describe("scriptAssets", () => {
  it("finds modulepreloads, script srcs and the inline module's imports, each once, same-origin only", () => {
    const html = `<!DOCTYPE html><html><head>
      <link rel="modulepreload" href="/assets/manifest-1.js"/>
      <link rel="modulepreload" href="/assets/entry.client-2.js">
      <link rel=modulepreload href=/assets/root-3.js>
      <link rel="stylesheet" href="/assets/tailwind-4.css">
      <link rel="modulepreload" href="https://cdn.example/x.js">
      </head><body>
      <script>window.__remixContext = {"url":"/x"};</script>
      <script type="module" async="">import "/assets/manifest-1.js";
import * as route0 from "/assets/root-3.js";
import * as route1 from "/assets/route-5.js";
window.__remixRouteModules = {"root":route0};
import("/assets/entry.client-2.js");</script>
      <script src="/assets/legacy-6.js"></script>
      <script src="//other.example/y.js"></script>
      </body></html>`;
    expect(scriptAssets(html)).toEqual([
      "/assets/manifest-1.js",
      "/assets/entry.client-2.js",
      "/assets/root-3.js",
      "/assets/route-5.js",
      "/assets/legacy-6.js",
    ]);
  });

  it("ignores imports in classic scripts and pages without scripts", () => {
    expect(scriptAssets(`<script>const s = 'import "/assets/no.js"';</script>`)).toEqual([]);
    expect(scriptAssets("<p>plain</p>")).toEqual([]);
  });
});

describe("quantile", () => {
  it("takes the nearest rank and is 0 without samples", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(samples, 0.95)).toBe(95);
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([], 0.95)).toBe(0);
  });
});

describe("toRow", () => {
  it("compares a page with the mean of the trivial runs around it", () => {
    const row = toRow(page({ run: run({ responses: 60, p95Ms: 150 }) }));
    expect(row.reqPerSecond).toBe(6);
    expect(row.throughputRatio).toBeCloseTo(0.6);
    expect(row.p95Ratio).toBeCloseTo(1.5);
    expect(row.misses).toEqual([]);
  });

  it("flags a page below half the trivial throughput or above twice its p95", () => {
    expect(toRow(page({ run: run({ responses: 49, p95Ms: 201 }) })).misses).toEqual(["req/s", "p95"]);
    expect(toRow(page({ run: run({ responses: 50, p95Ms: 200 }) })).misses).toEqual([]);
  });

  it("flags non-2xx answers and errors and counts them in the statuses", () => {
    const row = toRow(page({ run: run({ statuses: { 200: 97, 500: 3 }, errors: 1 }) }));
    expect(row.misses).toEqual(["status"]);
    expect(row.statuses).toBe("200×97 500×3 err×1 (4 non-2xx)");
  });

  it("flags a run the server did not survive, with the note beside its statuses", () => {
    const row = toRow(page({ note: "the server exited (1) and was restarted" }));
    expect(row.statuses).toBe("200×100; the server exited (1) and was restarted");
    expect(row.misses).toEqual(["status"]);
  });

  it("says when a page got no answer or was not put under load", () => {
    expect(toRow(page({ run: run({ responses: 0, statuses: {}, timeouts: 8 }) }))).toMatchObject({
      reqPerSecond: 0,
      p95Ms: null,
      statuses: "no answer in 10 s",
      misses: ["no answer"],
    });
    expect(toRow(page({ run: undefined, note: "one request: 500" }))).toMatchObject({
      reqPerSecond: null,
      statuses: "one request: 500",
      misses: ["not run"],
    });
  });
});

describe("formatting", () => {
  it("prints bytes, statuses and a Markdown table with a flag per row", () => {
    expect(formatBytes(null)).toBe("–");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(90 * 1024)).toBe("90.0 KB");
    expect(formatBytes(15.9 * 1024 * 1024)).toBe("15.9 MB");
    expect(formatStatuses(run({ statuses: { 302: 1, 200: 4 } }))).toBe("200×4 302×1 (1 non-2xx)");

    const table = formatTable([toRow(page()), toRow(page({ label: "slow", run: run({ responses: 10 }) }))]).split("\n");
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(/^\| page +\| req\/s +\| p95 ms/);
    expect(table[2]).toMatch(
      /\| plan page .*\| 10\.0 .*\| 1\.00× .*\| 1\.00× .*\| 200×100 .*\| 2\.0 KB .*\| 90\.0 KB .*\| ok/,
    );
    expect(table[3]).toMatch(/\| slow .*\| 0\.10× .*\| ✗ req\/s +\|$/);
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
  });
});

describe("benchId", () => {
  it("makes ids the routes accept, one per row number", () => {
    expect(benchId("bacc", 2)).toBe("baccaaaaaaaaaaac");
    expect(isId(benchId("btsk", 1_000_000))).toBe(true);
    expect(benchId("btsk", 255)).not.toBe(benchId("btsk", 254));
  });
});
