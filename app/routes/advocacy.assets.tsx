import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPublishedAssets } from "~/domain/advocacy/opportunities.server";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { EmptyState } from "~/ui/layout";
import { AssetsTable } from "~/ui/advocacy/assets-table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.assets");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.view");
  return { assets: await listPublishedAssets(), timeZone: actor.timeZone };
}

export default function Assets() {
  const { t } = useTranslation("advocacy");
  const { assets, timeZone } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("assets.intro")}</p>
      {assets.length === 0 ? (
        <EmptyState title={t("assets.caption")}>{t("assets.empty")}</EmptyState>
      ) : (
        <AssetsTable assets={assets} when={(iso) => formatDateTime(iso, locale, timeZone)} showAccount />
      )}
    </div>
  );
}
