import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/lib/format";
import { type PageInfo, hrefWith } from "~/lib/pagination";
import { useRootData } from "~/lib/root-data";

/**
 * "51–100 of 1,234" with Previous / Next links for a keyset-paginated list. The links keep every
 * other search parameter (filters, sort, search), so paging never loses what the person chose.
 * `param` names the cursor parameter, for pages with more than one list.
 */
export function Pager({ label, page, param = "cursor" }: { label: string; page: PageInfo; param?: string }) {
  const { t } = useTranslation("common");
  const location = useLocation();
  const locale = useRootData()?.locale ?? "en";
  if (page.count === 0 && !page.previous) return null;
  const here = `${location.pathname}${location.search}`;
  const range = {
    from: formatNumber(page.from + 1, locale),
    to: formatNumber(page.from + page.count, locale),
    total: page.total === null ? "" : formatNumber(page.total, locale),
  };
  const link = "rounded-md px-3 py-1.5 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50";
  const idle = "rounded-md px-3 py-1.5 text-slate-400 ring-1 ring-slate-200";
  return (
    <nav
      aria-label={t("pager.label", { list: label })}
      className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm print:hidden"
    >
      <p className="text-slate-600" aria-live="polite">
        {page.total === null ? t("pager.range", range) : t("pager.rangeOfTotal", range)}
      </p>
      <div className="flex gap-2">
        {page.previous ? (
          <Link className={link} to={hrefWith(here, { [param]: page.previous })} rel="prev">
            {t("pager.previous")}
          </Link>
        ) : (
          <span className={idle} aria-disabled="true">
            {t("pager.previous")}
          </span>
        )}
        {page.next ? (
          <Link className={link} to={hrefWith(here, { [param]: page.next })} rel="next">
            {t("pager.next")}
          </Link>
        ) : (
          <span className={idle} aria-disabled="true">
            {t("pager.next")}
          </span>
        )}
      </div>
    </nav>
  );
}
