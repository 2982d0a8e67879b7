import { useTranslation } from "react-i18next";
import { useRootData } from "~/lib/root-data";
import { Card } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export interface TeamAdoption {
  activePeople: number;
  licensedSeats: number;
  activeNames: string[];
  unlinkedActive: number;
  notActiveNames: string[];
  /** Not active beyond the names listed (the list is bounded). */
  notActiveMore?: number;
  features: { name: string; people: number }[];
  featuresInUse: number;
}

/** The champion's summary of their own team's product use in the last 30 days (Team page). */
export function TeamAdoptionCard({ adoption }: { adoption: TeamAdoption }) {
  const { t } = useTranslation("telemetry");
  const root = useRootData();
  return (
    <Card title={t("team.heading")}>
      <div className="space-y-4 text-sm">
        <p className="text-slate-600">{t("team.intro", { vendor: root?.vendorName ?? "" })}</p>
        <dl className="grid grid-cols-2 gap-4">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("team.active")}</dt>
            <dd className="mt-0.5 text-slate-900">
              {t("team.activeValue", { active: adoption.activePeople, seats: adoption.licensedSeats })}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("team.featuresInUse")}</dt>
            <dd className="mt-0.5 text-slate-900">
              {t("team.featuresValue", { inUse: adoption.featuresInUse, total: adoption.features.length })}
            </dd>
          </div>
        </dl>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="font-medium text-slate-900">{t("team.activeNames")}</h3>
            {adoption.activeNames.length === 0 && adoption.unlinkedActive === 0 ? (
              <p className="text-slate-600">{t("team.nobody")}</p>
            ) : (
              <ul className="mt-1 list-inside list-disc text-slate-700">
                {adoption.activeNames.map((name) => (
                  <li key={name}>{name}</li>
                ))}
                {adoption.unlinkedActive > 0 ? <li>{t("team.unlinked", { count: adoption.unlinkedActive })}</li> : null}
              </ul>
            )}
          </div>
          <div>
            <h3 className="font-medium text-slate-900">{t("team.notActive")}</h3>
            {adoption.notActiveNames.length === 0 ? (
              <p className="text-slate-600">{t("team.everyone")}</p>
            ) : (
              <ul className="mt-1 list-inside list-disc text-slate-700">
                {adoption.notActiveNames.map((name, index) => (
                  <li key={`${index}-${name}`}>{name}</li>
                ))}
                {adoption.notActiveMore ? <li>{t("team.notActiveMore", { count: adoption.notActiveMore })}</li> : null}
              </ul>
            )}
          </div>
        </div>
        {adoption.features.length > 0 ? (
          <Table caption={t("team.featuresCaption")} head={[t("usage.feature"), t("usage.people")]}>
            {adoption.features.map((feature) => (
              <tr key={feature.name}>
                <Cell className="font-medium text-slate-900">{feature.name}</Cell>
                <Cell className="tabular-nums">
                  {feature.people > 0 ? t("team.featurePeople", { count: feature.people }) : t("usage.notUsed")}
                </Cell>
              </tr>
            ))}
          </Table>
        ) : null}
      </div>
    </Card>
  );
}
