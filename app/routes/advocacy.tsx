import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { PageHeader } from "~/ui/layout";

/** The frame of marketing's advocacy pages: pipeline, NPS, ask rules. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireWorkspace(request, "advocacy.view");
  return null;
}

function tabClass({ isActive }: { isActive: boolean }) {
  return `whitespace-nowrap border-b-2 px-1 pb-2 text-sm font-medium ${
    isActive
      ? "border-brand-600 text-brand-700"
      : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
  }`;
}

export default function AdvocacyFrame() {
  const { t } = useTranslation("advocacy");
  return (
    <>
      <PageHeader title={t("staff.title")} description={t("staff.description")} />
      <nav aria-label={t("staff.sections")} className="mb-6 border-b border-slate-200">
        <ul className="-mb-px flex gap-6 overflow-x-auto">
          <li>
            <NavLink to="/advocacy" end className={tabClass}>
              {t("staff.pipeline")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/advocacy/dashboard" className={tabClass}>
              {t("staff.dashboard")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/advocacy/nps" className={tabClass}>
              {t("staff.nps")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/advocacy/references" className={tabClass}>
              {t("staff.references")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/advocacy/assets" className={tabClass}>
              {t("staff.assets")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/advocacy/rules" className={tabClass}>
              {t("staff.rules")}
            </NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
