import { useTranslation } from "react-i18next";
import { formatDate, formatFigure } from "~/lib/format";

export interface ChartMetric {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  current: number;
  measurements: { measuredOn: string; value: number }[];
}

const WIDTH = 600;
const HEIGHT = 200;
const PAD = { left: 56, right: 16, top: 14, bottom: 26 };
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * A metric over time: the baseline and target as dashed lines, the readings as a line that starts
 * at the baseline on the plan's first day. Drawn as SVG on the server, so it needs no chart library
 * and prints as sharply as the text around it. Screen readers get the summary in its label and the
 * readings in the table next to it.
 */
export function MetricChart({ metric, startDate, today, locale }: { metric: ChartMetric; startDate: string; today: string; locale: string }) {
  const { t } = useTranslation("value");
  const points = [{ measuredOn: startDate, value: metric.baseline }, ...metric.measurements];
  const first = day(startDate);
  const last = Math.max(day(today), ...points.map((point) => day(point.measuredOn)), first + 1);
  const values = [metric.baseline, metric.target, ...points.map((point) => point.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const margin = (high - low || Math.abs(high) || 1) * 0.12;
  const [yMin, yMax] = [low - margin, high + margin];

  const x = (iso: string) => PAD.left + ((day(iso) - first) / (last - first)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - (value - yMin) / (yMax - yMin)) * (HEIGHT - PAD.top - PAD.bottom);
  const line = points.map((point) => `${x(point.measuredOn).toFixed(1)},${y(point.value).toFixed(1)}`).join(" ");
  const endDate = new Date(last * 86_400_000).toISOString().slice(0, 10);

  return (
    <figure className="max-w-2xl space-y-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full"
        role="img"
        aria-label={t("metric.chart", {
          name: metric.name,
          baseline: `${formatFigure(metric.baseline, locale)} ${metric.unit}`,
          target: `${formatFigure(metric.target, locale)} ${metric.unit}`,
          count: metric.measurements.length,
          current: `${formatFigure(metric.current, locale)} ${metric.unit}`,
        })}
      >
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} className="stroke-slate-300" strokeWidth={1} />
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(metric.baseline)} y2={y(metric.baseline)} className="stroke-slate-500" strokeWidth={1.5} strokeDasharray="5 4" />
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(metric.target)} y2={y(metric.target)} className="stroke-green-600" strokeWidth={1.5} strokeDasharray="5 4" />
        <text x={PAD.left - 6} y={y(metric.baseline) + 4} textAnchor="end" className="fill-slate-600 text-[13px]">
          {formatFigure(metric.baseline, locale)}
        </text>
        <text x={PAD.left - 6} y={y(metric.target) + 4} textAnchor="end" className="fill-green-700 text-[13px]">
          {formatFigure(metric.target, locale)}
        </text>
        <text x={PAD.left} y={HEIGHT - 8} className="fill-slate-500 text-[13px]">
          {formatDate(startDate, locale)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="fill-slate-500 text-[13px]">
          {formatDate(endDate, locale)}
        </text>
        {metric.measurements.length > 0 ? <polyline points={line} fill="none" className="stroke-brand-600" strokeWidth={2} strokeLinejoin="round" /> : null}
        {metric.measurements.map((point, index) => (
          <circle key={`${point.measuredOn}-${index}`} cx={x(point.measuredOn)} cy={y(point.value)} r={4} className="fill-brand-600 stroke-white" strokeWidth={1.5} />
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-hidden>
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
