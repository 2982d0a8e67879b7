import { ChartData, type ChartTable } from "./chart-data";
import { BAR_MOTION, ChartEmpty, Legend, type Segment, TONES, type Tone, total } from "./tones";

export interface Column {
  key: string;
  /** The axis label under the column (a short month or quarter). */
  label: string;
  segments: Segment[];
  /** A figure printed above the column (e.g. the month's NPS). */
  note?: string;
}

/**
 * Columns over time, stacked when a column has several segments. HTML boxes sized in percent of
 * the tallest column, so it needs no chart library and fits a phone's width at any number of
 * columns (every other axis label hides when they get narrow). To assistive technology it is one
 * image with a summary; the numbers are in the table under "Show data" (left off paper, where the
 * columns and their figures print).
 */
export function ColumnChart({
  summary,
  columns,
  legend,
  table,
  empty,
}: {
  /** The image's accessible name: what the chart shows, with its key figures. */
  summary: string;
  columns: readonly Column[];
  legend?: readonly { tone: Tone; label: string }[];
  table: ChartTable;
  /** Shown instead of the chart when every column is empty. */
  empty: string;
}) {
  const tallest = Math.max(0, ...columns.map((column) => total(column.segments)));
  if (tallest === 0) return <ChartEmpty>{empty}</ChartEmpty>;
  const crowded = columns.length > 6;
  return (
    <figure className="space-y-2">
      <div role="img" aria-label={summary}>
        <div aria-hidden className="flex h-40 items-end gap-1 border-b border-slate-300 sm:gap-2">
          {columns.map((column) => (
            <div key={column.key} className="flex h-full min-w-0 flex-1 flex-col items-center justify-end">
              {column.note ? (
                <span className="mb-0.5 truncate text-[11px] font-medium tabular-nums text-slate-700">
                  {column.note}
                </span>
              ) : null}
              <div
                className={`flex w-full max-w-10 flex-col-reverse overflow-hidden rounded-t-sm ${BAR_MOTION}`}
                style={{ height: `${(total(column.segments) / tallest) * 80}%` }}
              >
                {column.segments.map((segment, index) =>
                  segment.value > 0 ? (
                    <span
                      key={index}
                      className={`w-full ${TONES[segment.tone]} ${BAR_MOTION}`}
                      style={{ flexGrow: segment.value }}
                    />
                  ) : null,
                )}
              </div>
            </div>
          ))}
        </div>
        <div aria-hidden className="mt-1 flex gap-1 sm:gap-2">
          {columns.map((column, index) => (
            <span
              key={column.key}
              className={`min-w-0 flex-1 truncate text-center text-[11px] text-slate-500 ${crowded && index % 2 === 1 ? "invisible sm:visible" : ""}`}
            >
              {column.label}
            </span>
          ))}
        </div>
      </div>
      {legend ? (
        <figcaption>
          <Legend items={legend} />
        </figcaption>
      ) : null}
      <ChartData table={table} />
    </figure>
  );
}
