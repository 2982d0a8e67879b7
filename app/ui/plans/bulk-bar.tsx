import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/button";
import type { SelectOption } from "~/ui/field";

/** The form the task rows' checkboxes belong to (`form="…"`), wherever on the page they are. */
export const BULK_FORM_ID = "plan-bulk-edit";

const BULK_INVALID_CODES = ["none", "tooMany", "duplicate", "nothing", "reason", "dueDate", "malformed"] as const;

/** What the plan page's action answers the bulk bar. */
export type BulkAnswer = {
  bulk:
    | { ok: true; updated: number }
    | {
        ok: false;
        error: "invalid" | "not_found" | "forbidden" | "stale" | "invalid_assignee" | "before_start";
        titles: string[];
        code?: string;
      };
};

const control =
  "block w-full rounded-md border-0 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600";

/**
 * "N selected: assign to …, set due date, set status, Apply". A plain form: the checked rows are
 * its fields through their `form` attribute, so it works before the page's JavaScript has loaded;
 * once it has, the count follows the selection and a success clears it.
 */
export function BulkBar({
  action,
  selectedCount,
  onApplied,
  onClear,
  assigneesBySide,
  locale,
  fallback,
}: {
  action: string;
  selectedCount: number;
  onApplied: () => void;
  onClear: () => void;
  assigneesBySide: { customer: SelectOption[]; vendor: SelectOption[] };
  locale: string;
  /** The answer of a post made without JavaScript (the page's action data). */
  fallback?: BulkAnswer | null;
}) {
  const { t } = useTranslation("plans");
  const fetcher = useFetcher<BulkAnswer>();
  const form = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState("");
  const busy = fetcher.state !== "idle";
  const answer = (busy ? null : fetcher.data) ?? (fetcher.state === "idle" && !fetcher.data ? fallback : null);
  const applied = useRef<unknown>(null);
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data?.bulk.ok || applied.current === fetcher.data) return;
    applied.current = fetcher.data;
    form.current?.reset();
    setStatus("");
    onApplied();
  }, [fetcher.state, fetcher.data, onApplied]);

  const result = answer?.bulk;
  let message: string | null = null;
  if (result && !result.ok) {
    const titles = new Intl.ListFormat(locale, { type: "conjunction" }).format(result.titles.map((x) => `“${x}”`));
    if (result.error === "invalid") {
      const code = BULK_INVALID_CODES.find((known) => known === result.code) ?? "malformed";
      message = t(`bulk.errors.${code}`);
    } else message = t(`bulk.errors.${result.error}`, { titles });
  }

  return (
    <fetcher.Form
      ref={form}
      id={BULK_FORM_ID}
      method="post"
      action={action}
      aria-label={t("bulk.label")}
      className={`rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200 ${selectedCount > 0 ? "sticky bottom-2 z-10 ring-2 ring-brand-500" : ""}`}
    >
      <input type="hidden" name="intent" value="bulk" />
      <div className="flex flex-wrap items-end gap-3">
        <p className="w-full text-sm font-medium text-slate-800 sm:w-auto sm:self-center" role="status">
          {t("bulk.selected", { count: selectedCount })}
        </p>
        <label className="block w-full text-xs font-medium text-slate-700 sm:w-48">
          {t("bulk.assignee")}
          <select name="assigneeId" className={`${control} mt-1`} defaultValue="">
            <option value="">{t("bulk.keep")}</option>
            <option value="none">{t("tasks.unassigned")}</option>
            {assigneesBySide.customer.length > 0 ? (
              <optgroup label={t("side.customer")}>
                {assigneesBySide.customer.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {assigneesBySide.vendor.length > 0 ? (
              <optgroup label={t("side.vendor")}>
                {assigneesBySide.vendor.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </label>
        <label className="block w-full text-xs font-medium text-slate-700 sm:w-40">
          {t("bulk.dueDate")}
          <input type="date" name="dueDate" className={`${control} mt-1`} />
        </label>
        <label className="block w-full text-xs font-medium text-slate-700 sm:w-40">
          {t("bulk.status")}
          <select
            name="status"
            className={`${control} mt-1`}
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="">{t("bulk.keep")}</option>
            {(["todo", "in_progress", "blocked", "done"] as const).map((value) => (
              <option key={value} value={value}>
                {t(`taskStatus.${value}`)}
              </option>
            ))}
          </select>
        </label>
        {status === "blocked" ? (
          <label className="block w-full text-xs font-medium text-slate-700 sm:w-56">
            {t("bulk.reason")}
            <input name="blockedReason" maxLength={500} className={`${control} mt-1`} />
          </label>
        ) : null}
        <div className="flex gap-2">
          <Button disabled={busy}>{busy ? t("bulk.applying") : t("bulk.apply")}</Button>
          {selectedCount > 0 ? (
            <Button type="button" variant="ghost" onClick={onClear}>
              {t("bulk.clear")}
            </Button>
          ) : null}
        </div>
      </div>
      {message ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {message}
        </p>
      ) : result?.ok ? (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          {t("bulk.updated", { count: result.updated })}
        </p>
      ) : null}
    </fetcher.Form>
  );
}
