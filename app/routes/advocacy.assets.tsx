import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPublishedAssets } from "~/domain/advocacy/opportunities.server";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { EmptyState } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

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
        <Table caption={t("assets.caption")} head={[t("assets.asset"), t("pipeline.account"), t("pipeline.advocate"), t("assets.scope"), t("assets.uses"), t("assets.since")]}>
          {assets.map((asset) => (
            <tr key={asset.id}>
              <Cell className="min-w-48 whitespace-normal">
                <div className="font-medium text-slate-900">{asset.title ?? t(`askTypes.${asset.askType}`)}</div>
                <div className="text-xs text-slate-500">{t(`askTypes.${asset.askType}`)}</div>
              </Cell>
              <Cell>{asset.accountName}</Cell>
              <Cell>{asset.advocateName ?? ""}</Cell>
              <Cell>{t(`scopes.${asset.scope}`)}</Cell>
              <Cell>{asset.uses.map((use) => t(`usesShort.${use as "name"}`)).join(", ")}</Cell>
              <Cell>{formatDateTime(asset.stageEnteredAt, locale, timeZone)}</Cell>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
