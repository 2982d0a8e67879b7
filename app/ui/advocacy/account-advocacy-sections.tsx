import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatList } from "~/lib/format";
import type { PageInfo } from "~/lib/pagination";
import type { AskStatus, AskType, ConsentScope, OpportunityStage, ReferenceRequestStatus } from "~db/schema";
import type { NpsSummary } from "~/domain/advocacy/nps";
import { type AssetRow, AssetsTable } from "~/ui/advocacy/assets-table";
import { StageBadge } from "~/ui/advocacy/stage-badge";
import { Badge, Card } from "~/ui/layout";
import { Pager } from "~/ui/pager";
import { Cell, Table } from "~/ui/table";

/** The sections of a staff account's Advocacy tab; each says plainly when it has nothing yet. */

type When = (iso: string) => string;

const ASK_TONES: Record<AskStatus, "neutral" | "brand" | "green" | "red"> = {
  open: "brand",
  snoozed: "neutral",
  accepted: "green",
  declined: "red",
};
const REFERENCE_TONES: Record<ReferenceRequestStatus, "neutral" | "brand" | "green" | "red"> = {
  asked: "brand",
  accepted: "green",
  declined: "red",
  withdrawn: "neutral",
};

function Section({
  title,
  empty,
  isEmpty,
  actions,
  children,
}: {
  title: string;
  empty: string;
  isEmpty: boolean;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card title={title} actions={actions}>
      {isEmpty ? <p className="text-sm text-slate-600">{empty}</p> : children}
    </Card>
  );
}

export function NpsSection({
  summary,
  latest,
  when,
}: {
  summary: NpsSummary;
  latest: { id: string; personName: string; score: number; comment: string; createdAt: string }[];
  when: When;
}) {
  const { t } = useTranslation("advocacy");
  const counts = [
    { label: t("npsReport.promoters"), value: summary.promoters },
    { label: t("npsReport.passives"), value: summary.passives },
    { label: t("npsReport.detractors"), value: summary.detractors },
  ];
  return (
    <Section
      title={t("accountTab.nps")}
      empty={t("accountTab.npsNone")}
      isEmpty={summary.responses === 0 && latest.length === 0}
    >
      <div className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("npsReport.overall")}</dt>
            <dd className="text-2xl font-semibold text-slate-900">{summary.nps ?? t("npsReport.noScore")}</dd>
          </div>
          {counts.map((count) => (
            <div key={count.label}>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{count.label}</dt>
              <dd className="text-2xl font-semibold text-slate-900">{count.value}</dd>
            </div>
          ))}
        </dl>
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t("accountTab.latestAnswers")}</h3>
          <ul className="mt-2 divide-y divide-slate-100">
            {latest.map((answer) => (
              <li key={answer.id} className="py-2 text-sm">
                <span className="font-medium text-slate-900">{answer.personName}</span> · {t("npsReport.score")}{" "}
                {answer.score}{" "}
                <time dateTime={answer.createdAt} className="text-xs text-slate-500">
                  {when(answer.createdAt)}
                </time>
                {answer.comment ? <p className="text-slate-700">“{answer.comment}”</p> : null}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Section>
  );
}

export function OpportunitiesSection({
  opportunities,
  page,
  actions,
}: {
  page: PageInfo;
  opportunities: {
    id: string;
    askType: AskType;
    stage: OpportunityStage;
    advocateName: string | null;
    ownerName: string | null;
    daysInStage: number;
  }[];
  actions?: ReactNode;
}) {
  const { t } = useTranslation("advocacy");
  return (
    <Section
      title={t("accountTab.opportunities")}
      empty={t("accountTab.opportunitiesNone")}
      isEmpty={opportunities.length === 0 && !page.previous}
      actions={actions}
    >
      <Table
        caption={t("accountTab.opportunities")}
        head={[
          t("pipeline.type"),
          t("pipeline.advocate"),
          t("pipeline.stage"),
          t("pipeline.owner"),
          t("pipeline.timeInStage"),
        ]}
      >
        {opportunities.map((row) => (
          <tr key={row.id}>
            <Cell>
              <Link to={`/advocacy/opportunities/${row.id}`} className="font-medium text-brand-700 hover:underline">
                {t(`askTypes.${row.askType}`)}
              </Link>
            </Cell>
            <Cell>{row.advocateName ?? t("accountTab.noAdvocate")}</Cell>
            <Cell>
              <StageBadge stage={row.stage} />
            </Cell>
            <Cell>{row.ownerName ?? t("pipeline.unassigned")}</Cell>
            <Cell>{t("pipeline.days", { count: row.daysInStage })}</Cell>
          </tr>
        ))}
      </Table>
      <Pager label={t("accountTab.opportunities")} page={page} param="opportunities" />
    </Section>
  );
}

type AskRow = {
  id: string;
  askType: AskType;
  signal: string;
  status: AskStatus;
  personName: string;
  createdAt: string;
  respondedAt: string | null;
  snoozedUntil: string | null;
};

function AskTable({ caption, asks, when }: { caption: string; asks: AskRow[]; when: When }) {
  const { t } = useTranslation("advocacy");
  return (
    <Table
      caption={caption}
      head={[
        t("accountTab.person"),
        t("pipeline.type"),
        t("accountTab.why"),
        t("accountTab.status"),
        t("accountTab.asked"),
        t("accountTab.answered"),
      ]}
    >
      {asks.map((ask) => (
        <tr key={ask.id}>
          <Cell>{ask.personName}</Cell>
          <Cell>{t(`askTypes.${ask.askType}`)}</Cell>
          <Cell>{t(`signals.${ask.signal as "manual"}`)}</Cell>
          <Cell>
            <Badge tone={ASK_TONES[ask.status]}>{t(`accountTab.askStatus.${ask.status}`)}</Badge>
            {ask.status === "snoozed" && ask.snoozedUntil ? (
              <div className="text-xs text-slate-500">
                {t("accountTab.snoozedUntil", { date: when(ask.snoozedUntil) })}
              </div>
            ) : null}
          </Cell>
          <Cell>{when(ask.createdAt)}</Cell>
          <Cell>{ask.respondedAt ? when(ask.respondedAt) : "—"}</Cell>
        </tr>
      ))}
    </Table>
  );
}

export function AsksSection({
  open,
  openPage,
  answered,
  answeredPage,
  when,
}: {
  open: AskRow[];
  openPage: PageInfo;
  answered: AskRow[];
  answeredPage: PageInfo;
  when: When;
}) {
  const { t } = useTranslation("advocacy");
  const openCount = openPage.total ?? open.length;
  const answeredCount = answeredPage.total ?? answered.length;
  return (
    <Section
      title={t("accountTab.asks")}
      empty={t("accountTab.asksNone")}
      isEmpty={openCount === 0 && answeredCount === 0}
    >
      <div className="space-y-4">
        <h3 className="text-sm font-semibold text-slate-900">{t("accountTab.asksOpen", { count: openCount })}</h3>
        {open.length > 0 ? (
          <AskTable caption={t("accountTab.asksOpen", { count: openCount })} asks={open} when={when} />
        ) : null}
        <Pager label={t("accountTab.asksOpen", { count: openCount })} page={openPage} param="openAsks" />
        <h3 className="text-sm font-semibold text-slate-900">
          {t("accountTab.asksAnswered", { count: answeredCount })}
        </h3>
        {answered.length > 0 ? (
          <AskTable caption={t("accountTab.asksAnswered", { count: answeredCount })} asks={answered} when={when} />
        ) : null}
        <Pager
          label={t("accountTab.asksAnswered", { count: answeredCount })}
          page={answeredPage}
          param="answeredAsks"
        />
      </div>
    </Section>
  );
}

export function ConsentsSection({
  consents,
  page,
  when,
}: {
  page: PageInfo;
  consents: {
    id: string;
    personName: string;
    askType: AskType;
    uses: string[];
    scope: ConsentScope;
    grantedAt: string;
  }[];
  when: When;
}) {
  const { t, i18n } = useTranslation("advocacy");
  return (
    <Section
      title={t("accountTab.consents")}
      empty={t("accountTab.consentsNone")}
      isEmpty={consents.length === 0 && !page.previous}
    >
      <Table
        caption={t("accountTab.consents")}
        head={[t("accountTab.person"), t("pipeline.type"), t("assets.uses"), t("assets.scope"), t("accountTab.since")]}
      >
        {consents.map((consent) => (
          <tr key={consent.id}>
            <Cell>{consent.personName}</Cell>
            <Cell>{t(`askTypes.${consent.askType}`)}</Cell>
            <Cell>
              {formatList(
                consent.uses.map((use) => t(`usesShort.${use as "name"}`)),
                i18n.language,
                "plain",
              )}
            </Cell>
            <Cell>{t(`scopes.${consent.scope}`)}</Cell>
            <Cell>{when(consent.grantedAt)}</Cell>
          </tr>
        ))}
      </Table>
      <Pager label={t("accountTab.consents")} page={page} param="consents" />
    </Section>
  );
}

export function ReferencesSection({
  references,
  page,
  when,
}: {
  page: PageInfo;
  references: {
    id: string;
    advocateName: string;
    prospectCompany: string;
    status: ReferenceRequestStatus;
    createdAt: string;
  }[];
  when: When;
}) {
  const { t } = useTranslation("advocacy");
  return (
    <Section
      title={t("accountTab.references")}
      empty={t("accountTab.referencesNone")}
      isEmpty={references.length === 0 && !page.previous}
    >
      <Table
        caption={t("accountTab.references")}
        head={[t("pipeline.advocate"), t("references.prospect"), t("accountTab.status"), t("accountTab.requested")]}
      >
        {references.map((request) => (
          <tr key={request.id}>
            <Cell>{request.advocateName}</Cell>
            <Cell>{request.prospectCompany}</Cell>
            <Cell>
              <Badge tone={REFERENCE_TONES[request.status]}>{t(`accountTab.referenceStatus.${request.status}`)}</Badge>
            </Cell>
            <Cell>{when(request.createdAt)}</Cell>
          </tr>
        ))}
      </Table>
      <Pager label={t("accountTab.references")} page={page} param="references" />
    </Section>
  );
}

export function AssetsSection({ assets, page, when }: { assets: AssetRow[]; page: PageInfo; when: When }) {
  const { t } = useTranslation("advocacy");
  return (
    <Section
      title={t("accountTab.assets")}
      empty={t("accountTab.assetsNone")}
      isEmpty={assets.length === 0 && !page.previous}
    >
      <AssetsTable assets={assets} when={when} />
      <Pager label={t("accountTab.assets")} page={page} param="assets" />
    </Section>
  );
}
