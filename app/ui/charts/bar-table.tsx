import type { ReactNode } from "react";
import { Table } from "~/ui/table";
import { BAR_MOTION, ChartEmpty, Legend, type Segment, TONES, type Tone, total } from "./tones";

export interface BarRow {
  key: string;
  label: string;
  /** One segment for a plain bar, several for a stacked one; the bar's length is their sum. */
  segments: Segment[];
  /** The numbers after the label, one per column of `head` after the first. */
  cells: ReactNode[];
}

/**
 * A horizontal bar chart that is a table: each row's label sits above its bar, the numbers in the
 * columns beside it. A bar beside each name is all a ranking or a funnel needs, and as a real table
 * it reads the same to a screen reader, on a phone (it scrolls rather than squeezes) and on paper,
 * with no second copy of the numbers to keep in step.
 */
export function BarTable({
  caption,
  head,
  rows,
  legend,
  empty,
}: {
  caption: string;
  head: ReactNode[];
  rows: readonly BarRow[];
  legend?: readonly { tone: Tone; label: string }[];
  /** Shown instead of the chart when every bar is zero. */
  empty: string;
}) {
  const longest = Math.max(0, ...rows.map((row) => total(row.segments)));
  if (longest === 0) return <ChartEmpty>{empty}</ChartEmpty>;
  return (
    <div className="space-y-2">
      {legend ? <Legend items={legend} /> : null}
      <Table caption={caption} head={head}>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className="w-full min-w-36 px-4 py-2.5 text-left align-middle font-medium text-slate-900">
              <span className="block">{row.label}</span>
              <span aria-hidden className={`mt-1.5 flex h-2.5 overflow-hidden rounded-sm bg-slate-100 ${BAR_MOTION}`}>
                <span
                  className={`flex h-full ${BAR_MOTION}`}
                  style={{ width: `${(total(row.segments) / longest) * 100}%` }}
                >
                  {row.segments.map((segment, index) =>
                    segment.value > 0 ? (
                      <span
                        key={index}
                        className={`h-full ${TONES[segment.tone]} ${BAR_MOTION}`}
                        style={{ flexGrow: segment.value }}
                      />
                    ) : null,
                  )}
                </span>
              </span>
            </th>
            {row.cells.map((cell, index) => (
              <td key={index} className="whitespace-nowrap px-4 py-2.5 align-middle tabular-nums text-slate-700">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </Table>
    </div>
  );
}
