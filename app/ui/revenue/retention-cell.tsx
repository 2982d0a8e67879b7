import type { RetentionTotals } from "~/domain/revenue/retention";
import { formatPercent } from "~/lib/format";
import { useRootData } from "~/lib/root-data";
import { Cell } from "~/ui/table";

/** One ratio (GRR or NRR) per currency in a table cell: never added across currencies. */
export function RetentionCell({
  lines,
  metric,
  label,
}: {
  lines: RetentionTotals[];
  metric: "grr" | "nrr";
  label?: string;
}) {
  const locale = useRootData()?.locale ?? "en";
  return (
    <Cell label={label} className="whitespace-normal tabular-nums">
      {lines.length === 0
        ? "—"
        : lines.map((line) => (
            <div key={line.currency}>
              {line[metric] === null ? "—" : formatPercent(line[metric], locale)}{" "}
              <span className="text-xs text-slate-500">{line.currency}</span>
            </div>
          ))}
    </Cell>
  );
}
