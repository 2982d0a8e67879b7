import { useTranslation } from "react-i18next";
import { formatDate, formatFigure } from "~/lib/format";
import { DAY_MS } from "~/lib/time";

export interface ChartMetric {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  current: number;
  measurements: { measuredOn: string; value: number }[];
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/**
 * A metric over time: the baseline and target as dashed lines, the readings as a line that starts
 * at the baseline on the plan's first day. Lines are an SVG stretched over the plot (percent
 * coordinates, strokes that don't scale); labels and points are HTML laid over it, so text stays
 * readable from a phone to a printed page, and no chart library is needed. Screen readers get the
 * summary in the label and the readings in the table beside it.
 */
export function MetricChart({
  metric,
  startDate,
  today,
  locale,
}: {
  metric: ChartMetric;
  startDate: string;
  today: string;
  locale: string;
}) {
  const { t } = useTranslation("value");
  const points = [{ measuredOn: startDate, value: metric.baseline }, ...metric.measurements];
  const first = day(startDate);
  const last = Math.max(day(today), ...points.map((point) => day(point.measuredOn)), first + 1);
  const values = [metric.baseline, metric.target, ...points.map((point) => point.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const margin = (high - low || Math.abs(high) || 1) * 0.12;
  const [yMin, yMax] = [low - margin, high + margin];

  // Percent of the plot's width and height.
  const x = (iso: string) => ((day(iso) - first) / (last - first)) * 100;
  const y = (value: number) => (1 - (value - yMin) / (yMax - yMin)) * 100;
  const line = points.map((point) => `${x(point.measuredOn).toFixed(2)},${y(point.value).toFixed(2)}`).join(" ");
  const endDate = new Date(last * DAY_MS).toISOString().slice(0, 10);
  const label = (value: number) => `${formatFigure(value, locale)} ${metric.unit}`;

  return (
    <figure className="max-w-2xl space-y-1">
      <div
        role="img"
        aria-label={t("metric.chart", {
          name: metric.name,
          baseline: label(metric.baseline),
          target: label(metric.target),
          count: metric.measurements.length,
          current: label(metric.current),
        })}
        className="grid grid-cols-[auto_1fr] gap-x-2"
      >
        <div aria-hidden className="relative w-12 text-right text-xs tabular-nums">
          <span className="absolute right-0 -translate-y-1/2 text-slate-600" style={{ top: `${y(metric.baseline)}%` }}>
            {formatFigure(metric.baseline, locale)}
          </span>
          <span
            className="absolute right-0 -translate-y-1/2 font-medium text-green-700"
            style={{ top: `${y(metric.target)}%` }}
          >
            {formatFigure(metric.target, locale)}
          </span>
        </div>
        <div aria-hidden className="relative h-40 border-b border-l border-slate-300 sm:h-48">
          <svg
            viewBox="0 0 100 100"
            preserveAspectRatio="none"
            className="absolute inset-0 h-full w-full overflow-visible"
          >
            <line
              x1={0}
              x2={100}
              y1={y(metric.baseline)}
              y2={y(metric.baseline)}
              className="stroke-slate-500"
              strokeWidth={1.5}
              strokeDasharray="5 4"
              vectorEffect="non-scaling-stroke"
            />
            <line
              x1={0}
              x2={100}
              y1={y(metric.target)}
              y2={y(metric.target)}
              className="stroke-green-600"
              strokeWidth={1.5}
              strokeDasharray="5 4"
              vectorEffect="non-scaling-stroke"
            />
            {metric.measurements.length > 0 ? (
              <polyline
                points={line}
                fill="none"
                className="stroke-brand-600"
                strokeWidth={2}
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
              />
            ) : null}
          </svg>
          {metric.measurements.map((point, index) => (
            <span
              key={`${point.measuredOn}-${index}`}
              className="absolute h-2.5 w-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full bg-brand-600 ring-2 ring-white"
              style={{ left: `${x(point.measuredOn)}%`, top: `${y(point.value)}%` }}
            />
          ))}
        </div>
        <div />
        <div aria-hidden className="flex justify-between pt-1 text-xs text-slate-500">
          <span>{formatDate(startDate, locale)}</span>
          <span>{formatDate(endDate, locale)}</span>
        </div>
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 pt-1 text-xs text-slate-600" aria-hidden>
        <span className="flex items-center gap-1.5">
          <span className="inline-block w-4 border-t-2 border-dashed border-slate-500" />
          {t("metric.chartBaseline")}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block w-4 border-t-2 border-dashed border-green-600" />
          {t("metric.chartTarget")}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-2 w-2 rounded-full bg-brand-600" />
          {t("metric.chartMeasured")}
        </span>
      </figcaption>
    </figure>
  );
}
