import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Table } from "~/ui/table";

/** A chart's figures as a table: the first cell of a row names it (a row header), the rest are numbers. */
export interface ChartTable {
  caption: string;
  head: ReactNode[];
  rows: readonly { key: string; cells: ReactNode[] }[];
}

/**
 * "Show data" under a chart: the same figures as a table, for screen readers and for anyone who
 * wants the numbers. Compact, since charts sit in half-width cards; `maxHeight` scrolls long ones.
 */
export function ChartData({ table, scroll = false }: { table: ChartTable; scroll?: boolean }) {
  const { t } = useTranslation("common");
  return (
    <details className="text-sm print:hidden">
      <summary className="cursor-pointer text-xs font-medium text-brand-700">{t("charts.showData")}</summary>
      <div className={scroll ? "mt-2 max-h-80 overflow-y-auto" : "mt-2"}>
        <Table caption={table.caption} head={table.head} compact>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th
                    key={index}
                    scope="row"
                    className="whitespace-nowrap px-2 py-2 text-left font-medium text-slate-900"
                  >
                    {cell}
                  </th>
                ) : (
                  <td key={index} className="whitespace-nowrap px-2 py-2 tabular-nums text-slate-700">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </Table>
      </div>
    </details>
  );
}
