import { useTranslation } from "react-i18next";
import { formatList } from "~/lib/format";
import type { AskType, ConsentScope } from "~db/schema";
import { Cell, Table } from "~/ui/table";

export interface AssetRow {
  id: string;
  askType: AskType;
  title: string | null;
  accountName?: string;
  advocateName: string | null;
  scope: ConsentScope;
  uses: string[];
  stageEnteredAt: string;
}

/** Published assets with the consent they rest on; the account column only where several accounts are listed. */
export function AssetsTable({
  assets,
  when,
  showAccount = false,
}: {
  assets: AssetRow[];
  when: (iso: string) => string;
  showAccount?: boolean;
}) {
  const { t, i18n } = useTranslation("advocacy");
  const head = [
    t("assets.asset"),
    ...(showAccount ? [t("pipeline.account")] : []),
    t("pipeline.advocate"),
    t("assets.scope"),
    t("assets.uses"),
    t("assets.since"),
  ];
  return (
    <Table caption={t("assets.caption")} head={head}>
      {assets.map((asset) => (
        <tr key={asset.id}>
          <Cell className="min-w-48 whitespace-normal">
            <div className="font-medium text-slate-900">{asset.title ?? t(`askTypes.${asset.askType}`)}</div>
            <div className="text-xs text-slate-500">{t(`askTypes.${asset.askType}`)}</div>
          </Cell>
          {showAccount ? <Cell>{asset.accountName}</Cell> : null}
          <Cell>{asset.advocateName ?? ""}</Cell>
          <Cell>{t(`scopes.${asset.scope}`)}</Cell>
          <Cell>
            {formatList(
              asset.uses.map((use) => t(`usesShort.${use as "name"}`)),
              i18n.language,
              "plain",
            )}
          </Cell>
          <Cell>{when(asset.stageEnteredAt)}</Cell>
        </tr>
      ))}
    </Table>
  );
}
