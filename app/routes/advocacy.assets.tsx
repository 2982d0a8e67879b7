import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPublishedAssets } from "~/domain/advocacy/opportunities.server";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { cursorParam } from "~/lib/pagination";
import { useRootData } from "~/lib/root-data";
import { EmptyState } from "~/ui/layout";
import { AssetsTable } from "~/ui/advocacy/assets-table";
import { Pager } from "~/ui/pager";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.assets");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.view");
  const cursor = cursorParam.parse(new URL(request.url).searchParams.get("cursor") ?? undefined);
  const { rows, page } = await listPublishedAssets({}, cursor);
  return { assets: rows, page, timeZone: actor.timeZone };
}

export default function Assets() {
  const { t } = useTranslation("advocacy");
  const { assets, page, timeZone } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("assets.intro")}</p>
      {assets.length === 0 && !page.previous ? (
        <EmptyState title={t("assets.caption")}>{t("assets.empty")}</EmptyState>
      ) : (
        <>
          <AssetsTable assets={assets} when={(iso) => formatDateTime(iso, locale, timeZone)} showAccount />
          <Pager label={t("assets.caption")} page={page} />
        </>
      )}
    </div>
  );
}
