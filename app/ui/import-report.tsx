import { useTranslation } from "react-i18next";
import type { ProblemCode } from "~/domain/imports/import-file";
import { formatNumber } from "~/lib/format";
import { useRootData } from "~/lib/root-data";
import { Alert, Card } from "./layout";
import { Cell, Table } from "./table";

interface Report {
  kind: "accounts" | "people";
  written: boolean;
  counts: { create: number; update: number; unchanged: number; invalid: number };
  rows: number;
  problems: { line: number | null; column: string | null; code: ProblemCode; value?: string }[];
  problemCount: number;
}

/** The dry run's answer: what would be created, updated and left alone, and every problem by line and column. */
export function ImportReportView({ report }: { report: Report }) {
  const { t } = useTranslation("people");
  const locale = useRootData()?.locale ?? "en";
  const n = (value: number) => formatNumber(value, locale);
  const more = report.problemCount - report.problems.length;
  return (
    <Card title={t("imports.reportHeading")}>
      <div className="space-y-4">
        {report.problemCount > 0 ? (
          <Alert tone="error">{t("imports.hasProblems", { count: report.problemCount })}</Alert>
        ) : report.counts.create + report.counts.update === 0 ? (
          <Alert tone="info">{t("imports.nothingToDo")}</Alert>
        ) : (
          <Alert tone="success">{t("imports.ready")}</Alert>
        )}
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={t("imports.countsLabel")}>
          {(["create", "update", "unchanged", "invalid"] as const).map((verdict) => (
            <div key={verdict} className="rounded-md bg-slate-50 p-3">
              <dt className="text-xs text-slate-600">{t(`imports.verdicts.${verdict}`)}</dt>
              <dd className="text-lg font-semibold text-slate-900" data-testid={`import-${verdict}`}>
                {n(report.counts[verdict])}
              </dd>
            </div>
          ))}
        </dl>
        {report.problems.length > 0 ? (
          <Table
            caption={t("imports.problemsCaption")}
            head={[t("imports.line"), t("imports.column"), t("imports.problem")]}
          >
            {report.problems.map((problem, index) => (
              <tr key={index}>
                <Cell>{problem.line === null ? t("imports.wholeFile") : n(problem.line)}</Cell>
                <Cell>{problem.column ? <code>{problem.column}</code> : "—"}</Cell>
                <Cell className="whitespace-normal">
                  {t(`imports.problems.${problem.code}`, { value: problem.value ?? "" })}
                </Cell>
              </tr>
            ))}
          </Table>
        ) : null}
        {more > 0 ? <p className="text-sm text-slate-600">{t("imports.andMore", { count: more })}</p> : null}
      </div>
    </Card>
  );
}
