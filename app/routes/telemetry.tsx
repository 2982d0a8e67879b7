import { NavLink, Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const PAGES = [
  { to: "/telemetry/write-keys", label: "nav.writeKeys" },
  { to: "/telemetry/unmatched", label: "nav.unmatched" },
  { to: "/telemetry/health", label: "nav.health" },
] as const;

/** The telemetry admin pages share a sub-navigation; each page guards itself (telemetry.manage). */
export default function TelemetryLayout() {
  const { t } = useTranslation("telemetry");
  return (
    <>
      <nav aria-label={t("nav.label")} className="mb-6 border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-4 text-sm">
          {PAGES.map((page) => (
            <li key={page.to}>
              <NavLink
                to={page.to}
                prefetch="intent"
                className={({ isActive }) =>
                  `inline-block border-b-2 px-1 pb-2 font-medium ${
                    isActive
                      ? "border-brand-600 text-brand-700"
                      : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                  }`
                }
              >
                {t(page.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
