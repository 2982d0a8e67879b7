import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const TABS = {
  accounts: "/portfolio",
  team: "/portfolio?view=team",
  renewals: "/revenue/renewals",
  retention: "/revenue/retention",
  performance: "/revenue/performance",
} as const;

export type PortfolioTab = keyof typeof TABS;

/** The portfolio's pages (one item in the top bar): the ranked accounts, the team, renewals, retention. */
export function PortfolioTabs({ current }: { current: PortfolioTab }) {
  const { t } = useTranslation("revenue");
  return (
    <nav aria-label={t("portfolio.views")} className="mb-4 overflow-x-auto border-b border-slate-200 print:hidden">
      <ul className="flex gap-4 text-sm">
        {(Object.keys(TABS) as PortfolioTab[]).map((tab) => (
          <li key={tab}>
            <Link
              to={TABS[tab]}
              aria-current={tab === current ? "page" : undefined}
              className={`-mb-px block whitespace-nowrap border-b-2 px-1 pb-2 font-medium ${
                tab === current
                  ? "border-brand-600 text-brand-700"
                  : "border-transparent text-slate-600 hover:text-slate-900"
              }`}
            >
              {t(`portfolio.view.${tab}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
