import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { listPlaybooks, listSegmentChoices } from "~/domain/interventions/playbooks.server";
import { pageTitle } from "~/lib/meta";
import { ButtonLink } from "~/ui/button";
import { Badge, EmptyState, PageHeader } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.playbooks");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireWorkspace(request, "playbooks.manage");
  const [rows, segmentRows] = await Promise.all([listPlaybooks(), listSegmentChoices()]);
  const segmentName = new Map(segmentRows.map((row) => [row.id, row.name]));
  return {
    playbooks: rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      trigger: row.trigger,
      segments: row.segmentIds.map((id) => segmentName.get(id) ?? id),
      steps: row.steps,
      enabled: row.enabled,
    })),
  };
}

export default function PlaybooksPage() {
  const { t } = useTranslation("interventions");
  const { playbooks } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={t("playbooks.title")}
        description={t("playbooks.description")}
        actions={<ButtonLink to="/playbooks/new">{t("playbooks.new")}</ButtonLink>}
      />
      {playbooks.length === 0 ? (
        <EmptyState title={t("playbooks.title")}>{t("playbooks.empty")}</EmptyState>
      ) : (
        <Table
          caption={t("playbooks.caption")}
          head={[
            t("playbooks.columns.name"),
            t("playbooks.columns.trigger"),
            t("playbooks.columns.audience"),
            t("playbooks.columns.steps"),
            t("playbooks.columns.status"),
          ]}
        >
          {playbooks.map((playbook) => (
            <tr key={playbook.id} className="align-top">
              <Cell className="min-w-48 whitespace-normal">
                <Link to={`/playbooks/${playbook.id}`} className="font-medium text-slate-900 hover:underline">
                  {playbook.name}
                </Link>
                <p className="text-slate-500">{playbook.description}</p>
              </Cell>
              <Cell className="whitespace-normal">
                {t(`playbooks.triggerSummary.${playbook.trigger.kind}`, {
                  days: "days" in playbook.trigger ? String(playbook.trigger.days) : "",
                })}
              </Cell>
              <Cell className="whitespace-normal">
                {playbook.segments.length ? playbook.segments.join(", ") : t("playbooks.allAccounts")}
              </Cell>
              <Cell className="whitespace-normal">
                <ol className="list-decimal pl-4">
                  {playbook.steps.map((step, index) => (
                    <li key={index}>
                      {t("playbooks.stepSummary", {
                        kind: t(`playbooks.stepKinds.${step.kind}`),
                        days: String(step.delayDays),
                      })}
                    </li>
                  ))}
                </ol>
              </Cell>
              <Cell>
                <Badge tone={playbook.enabled ? "green" : "neutral"}>
                  {playbook.enabled ? t("playbooks.enabledBadge") : t("playbooks.disabledBadge")}
                </Badge>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
