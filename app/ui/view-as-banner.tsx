import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "./button";

export interface ViewAsBannerData {
  accountName: string;
  name: string;
  role: string;
}

/** The bar on every page while a staff member views the portal as a customer, with its way out. */
export function ViewAsBanner({ viewAs }: { viewAs: ViewAsBannerData }) {
  const { t } = useTranslation();
  return (
    <aside aria-label={t("viewAs.bannerLabel")} className="border-b border-amber-300 bg-amber-50 print:hidden">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-2 sm:px-6">
        <p role="status" className="text-sm font-medium text-amber-900">
          <span data-user-content>
            {t("viewAs.banner", { account: viewAs.accountName, name: viewAs.name, role: viewAs.role })}
          </span>
        </p>
        <Form method="post" action="/view-as">
          <input type="hidden" name="intent" value="exit" />
          <Button type="submit" variant="secondary">
            {t("viewAs.exit")}
          </Button>
        </Form>
      </div>
    </aside>
  );
}
