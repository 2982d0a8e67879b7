import { ChartData, type ChartTable } from "./chart-data";
import { ChartEmpty, Legend, type Tone } from "./tones";

const STROKES: Record<Tone, string> = {
  brand: "stroke-brand-600",
  green: "stroke-green-600",
  red: "stroke-red-600",
  slate: "stroke-slate-400",
};

export interface Line {
  key: string;
  label: string;
  tone: Tone;
  values: readonly number[];
}

const WIDTH = 600;
const HEIGHT = 160;

/**
 * Several series over the same days as lines (where stacked columns would add up what doesn't
 * add up, like daily and monthly active users). An SVG scaled to its box, so it needs no chart
 * library; like the column chart, one image with a summary to assistive technology and the
 * numbers in the table under "Show data".
 */
export function LineChart({
  summary,
  lines,
  labels,
  table,
  empty,
}: {
  summary: string;
  lines: readonly Line[];
  /** The first and last axis labels (e.g. the first and last day). */
  labels: readonly [string, string];
  table: ChartTable;
  empty: string;
}) {
  const highest = Math.max(0, ...lines.flatMap((line) => line.values));
  if (highest === 0) return <ChartEmpty>{empty}</ChartEmpty>;
  const points = (values: readonly number[]) =>
    values
      .map((value, index) => {
        const x = values.length > 1 ? (index / (values.length - 1)) * WIDTH : WIDTH / 2;
        const y = HEIGHT - (value / highest) * (HEIGHT - 8);
        return `${x.toFixed(1)},${y.toFixed(1)}`;
      })
      .join(" ");
  return (
    <figure className="space-y-2">
      <div role="img" aria-label={summary}>
        <svg
          aria-hidden
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-40 w-full border-b border-slate-300"
        >
          {lines.map((line) => (
            <polyline
              key={line.key}
              points={points(line.values)}
              fill="none"
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
              className={STROKES[line.tone]}
            />
          ))}
        </svg>
        <div aria-hidden className="mt-1 flex justify-between text-[11px] text-slate-500">
          <span>{labels[0]}</span>
          <span>{labels[1]}</span>
        </div>
      </div>
      <figcaption>
        <Legend items={lines.map((line) => ({ tone: line.tone, label: line.label }))} />
      </figcaption>
      <ChartData table={table} scroll />
    </figure>
  );
}
