import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AskType, ConsentScope } from "~db/schema";
import { formatInstantDate, formatList } from "~/lib/format";
import { useRootData } from "~/lib/root-data";
import { ConfirmAction } from "~/ui/confirm-action";
import { Badge, Card } from "~/ui/layout";

export interface ConsentRow {
  id: string;
  askType: AskType;
  uses: string[];
  scope: ConsentScope;
  grantedAt: string;
  withdrawnAt: string | null;
}

/** A person's consents in Settings: what, where, when — each withdrawable in two steps. */
export function ConsentList({ consents, busy }: { consents: ConsentRow[]; busy: boolean }) {
  const { t } = useTranslation(["advocacy", "common"]);
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const timeZone = root?.user?.timeZone ?? "UTC";
  const day = (instant: string) => formatInstantDate(instant, locale, timeZone);
  return (
    <Card title={t("consents.heading")}>
      <p className="text-sm text-slate-600">{t("consents.intro", { vendor: root?.vendorName ?? "" })}</p>
      {consents.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("consents.empty")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {consents.map((consent) => {
            const type = t(`askTypes.${consent.askType}`);
            return (
              <li
                key={consent.id}
                className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start sm:justify-between"
                aria-label={type}
              >
                <div className="space-y-0.5 text-sm">
                  <div className="font-medium text-slate-900">{t("consents.forType", { type })}</div>
                  <div className="text-slate-700">
                    {t("consents.uses", {
                      uses: formatList(
                        consent.uses.map((use) => t(`usesShort.${use as "name"}`)),
                        locale,
                      ),
                    })}
                  </div>
                  <div className="text-slate-700">{t("consents.scope", { scope: t(`scopes.${consent.scope}`) })}</div>
                  <div className="text-xs text-slate-500">
                    {t("consents.granted", { date: day(consent.grantedAt) })}
                  </div>
                </div>
                {consent.withdrawnAt ? (
                  <Badge>{t("consents.withdrawnOn", { date: day(consent.withdrawnAt) })}</Badge>
                ) : (
                  <ConfirmAction
                    id={consent.id}
                    Form={Form}
                    action={`/settings/consents/${consent.id}`}
                    fields={{ intent: "withdraw" }}
                    label={t("consents.withdraw")}
                    accessibleLabel={t("consents.withdrawLabel", { type })}
                    prompt={t("consents.withdrawPrompt")}
                    confirmLabel={t("consents.withdrawConfirm")}
                    cancelLabel={t("common:actions.cancel")}
                    busy={busy}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
