import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Explanation, InputChange, InputValue, LinkTarget, MeasureChange } from "~/domain/health/why";
import { formatDate, formatNumber } from "~/lib/format";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { TextField } from "~/ui/field";

const PAGES: Record<LinkTarget, string> = {
  usage: "usage",
  plan: "plan",
  training: "training",
  nps: "nps",
  people: "people",
  health: "health",
};

/** One moved input in words: "Monthly active users 41 → 22". */
function InputLine({ measure, change }: { measure: MeasureChange; change: InputChange }) {
  const { t } = useTranslation("health");
  const locale = useRootData()?.locale ?? "en";
  const value = (v: InputValue) => {
    if (v === null) return t("why.none");
    if (typeof v === "boolean") return v ? t("why.yes") : t("why.no");
    if (typeof v === "number") return formatNumber(v, locale);
    if (change.input === "pulse") return t(`grades.${v as "red"}`, { defaultValue: v });
    return v;
  };
  const label = t(`why.inputs.${measure.key}.${change.input}` as "why.inputs.adoption.monthlyActive", {
    defaultValue: change.input,
  });
  return (
    <>
      {label} {value(change.from)} → {value(change.to)}
    </>
  );
}

/**
 * "Why did it change?": the two days (date inputs, kept in the URL), the overall change, and per
 * measure the points it gained or lost with the inputs that moved, each linked to where its cause
 * can be looked at.
 */
export function WhyChanged({
  accountId,
  range,
  query,
  answer,
  today,
}: {
  accountId: string;
  range: string;
  query: { from: string; to: string };
  answer:
    | { ok: true; explanation: Explanation }
    | { ok: false; problem: "bad_from" | "bad_to" | "future" | "from_after_to" | "no_snapshot" };
  today: string;
}) {
  const { t } = useTranslation("health");
  const locale = useRootData()?.locale ?? "en";
  const n = (value: number) => formatNumber(value, locale);
  const signed = (value: number) => (value > 0 ? `+${n(value)}` : value < 0 ? `−${n(-value)}` : n(0));
  return (
    <div className="space-y-4">
      <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("why.formLabel")}>
        <input type="hidden" name="range" value={range} />
        <TextField label={t("why.from")} name="from" type="date" defaultValue={query.from} max={today} />
        <TextField label={t("why.to")} name="to" type="date" defaultValue={query.to} max={today} />
        <Button variant="secondary">{t("why.submit")}</Button>
      </Form>
      {!answer.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {t(`why.problems.${answer.problem}`)}
        </p>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-slate-800">
            {answer.explanation.delta === null
              ? t("why.overallNone", {
                  from: formatDate(answer.explanation.from, locale),
                  to: formatDate(answer.explanation.to, locale),
                })
              : t("why.overall", {
                  from: formatDate(answer.explanation.from, locale),
                  to: formatDate(answer.explanation.to, locale),
                  before: n(answer.explanation.overallFrom!),
                  after: n(answer.explanation.overallTo!),
                  points: signed(answer.explanation.delta),
                })}
          </p>
          {answer.explanation.changes.length === 0 ? (
            <p className="text-sm text-slate-600">{t("why.nothing")}</p>
          ) : (
            <ul aria-label={t("why.listLabel")} className="space-y-3">
              {answer.explanation.changes.map((change) => {
                const name = t(`measures.${change.key}`);
                return (
                  <li key={change.key} className="rounded-md border border-slate-200 p-3 text-sm">
                    <p className="font-medium text-slate-900">
                      {t("why.measure", { measure: name, points: signed(change.points) })}
                    </p>
                    <p className="text-xs text-slate-600">
                      {t("why.scores", {
                        before: change.scoreFrom === null ? t("noData") : n(change.scoreFrom),
                        after: change.scoreTo === null ? t("noData") : n(change.scoreTo),
                        shareBefore: n(Math.round(change.shareFrom * 100)),
                        shareAfter: n(Math.round(change.shareTo * 100)),
                      })}
                    </p>
                    {change.inputs.length > 0 ? (
                      <ul className="mt-1 space-y-0.5 text-slate-700">
                        {change.inputs.map((input) => (
                          <li key={input.input}>
                            {input.link ? (
                              <Link
                                to={`/accounts/${accountId}/${PAGES[input.link]}`}
                                className="text-brand-700 hover:underline"
                              >
                                <InputLine measure={change} change={input} />
                              </Link>
                            ) : (
                              <InputLine measure={change} change={input} />
                            )}
                            {t("why.inputPoints", { measure: name.toLowerCase(), points: signed(change.points) })}
                          </li>
                        ))}
                      </ul>
                    ) : change.scoreFrom === change.scoreTo ? (
                      <p className="mt-1 text-xs text-slate-600">{t("why.reweighted")}</p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          <p className="text-xs text-slate-500">{t("why.rounding")}</p>
        </div>
      )}
    </div>
  );
}
