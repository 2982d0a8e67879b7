import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ASK_TYPES } from "~/domain/advocacy/ask-rules";
import {
  OpportunityFiltersSchema,
  listFilterChoices,
  listOpportunityPage,
} from "~/domain/advocacy/opportunities.server";
import { STAGES, daysInStage, nextStages } from "~/domain/advocacy/pipeline";
import { canInWorkspace } from "~/domain/auth/authorization";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { formatDate } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { cursorParam } from "~/lib/pagination";
import { useRootData } from "~/lib/root-data";
import { PipelineBoard } from "~/ui/advocacy/pipeline-board";
import { StageBadge } from "~/ui/advocacy/stage-badge";
import { Button, ButtonLink } from "~/ui/button";
import { SelectField } from "~/ui/field";
import { EmptyState } from "~/ui/layout";
import { Pager } from "~/ui/pager";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.advocacy");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.view");
  const url = new URL(request.url);
  const filters = OpportunityFiltersSchema.parse(
    Object.fromEntries([...url.searchParams].filter(([, value]) => value !== "")),
  );
  const canManage = canInWorkspace(actor, "advocacy.manage");
  const [{ rows, page, byStage }, choices] = await Promise.all([
    listOpportunityPage(filters, cursorParam.parse(url.searchParams.get("cursor") ?? undefined)),
    listFilterChoices(),
  ]);
  const now = new Date();
  return {
    filters,
    choices,
    canManage,
    opportunities: rows.map((row) => ({
      ...row,
      daysInStage: daysInStage(new Date(row.stageEnteredAt), now),
      // The board's drag and drop offers these columns; the move itself is checked again on the server.
      moves: canManage ? nextStages(row.stage, "staff") : [],
    })),
    page,
    byStage,
  };
}

export default function Pipeline() {
  const { t } = useTranslation("advocacy");
  const { filters, choices, canManage, opportunities, page, byStage } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const any = { value: "", label: t("pipeline.any") };
  const boardStages = filters.stage ? [filters.stage] : STAGES;

  return (
    <div className="space-y-6">
      {canManage ? (
        <div className="flex justify-end">
          <ButtonLink to="/advocacy/opportunities/new">{t("newOpportunity.button")}</ButtonLink>
        </div>
      ) : null}
      <Form
        method="get"
        className="grid grid-cols-1 items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-6"
        aria-label={t("pipeline.filters")}
      >
        <SelectField
          label={t("pipeline.type")}
          name="type"
          defaultValue={filters.type ?? ""}
          options={[any, ...ASK_TYPES.map((type) => ({ value: type, label: t(`askTypes.${type}`) }))]}
        />
        <SelectField
          label={t("pipeline.stage")}
          name="stage"
          defaultValue={filters.stage ?? ""}
          options={[any, ...STAGES.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))]}
        />
        <SelectField
          label={t("pipeline.industry")}
          name="industry"
          defaultValue={filters.industry ?? ""}
          options={[any, ...choices.industries.map((industry) => ({ value: industry, label: industry }))]}
        />
        <SelectField
          label={t("pipeline.segment")}
          name="segment"
          defaultValue={filters.segment ?? ""}
          options={[any, ...choices.segments.map((segment) => ({ value: segment.id, label: segment.name }))]}
        />
        <SelectField
          label={t("pipeline.view")}
          name="view"
          defaultValue={filters.view}
          options={[
            { value: "table", label: t("pipeline.table") },
            { value: "board", label: t("pipeline.board") },
          ]}
        />
        <div className="flex gap-2">
          <Button>{t("pipeline.apply")}</Button>
          <ButtonLink to="/advocacy" variant="ghost">
            {t("pipeline.clear")}
          </ButtonLink>
        </div>
      </Form>

      {opportunities.length === 0 ? (
        <EmptyState title={t("pipeline.caption")}>{t("pipeline.empty")}</EmptyState>
      ) : filters.view === "board" ? (
        <PipelineBoard stages={boardStages} cards={opportunities} byStage={byStage} locale={locale} />
      ) : (
        <Table
          caption={t("pipeline.caption")}
          head={[
            t("pipeline.account"),
            t("pipeline.type"),
            t("pipeline.stage"),
            t("pipeline.advocate"),
            t("pipeline.owner"),
            t("pipeline.due"),
            t("pipeline.timeInStage"),
            t("pipeline.segment"),
          ]}
        >
          {opportunities.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <Cell>
                <Link
                  to={`/advocacy/opportunities/${row.id}`}
                  className="font-medium text-brand-700 hover:underline"
                  aria-label={t("pipeline.open", { name: `${row.accountName} · ${t(`askTypes.${row.askType}`)}` })}
                >
                  {row.accountName}
                </Link>
                <div className="text-xs text-slate-500">{row.industry}</div>
              </Cell>
              <Cell>{t(`askTypes.${row.askType}`)}</Cell>
              <Cell>
                <StageBadge stage={row.stage} />
              </Cell>
              <Cell>{row.advocateName ?? ""}</Cell>
              <Cell>{row.ownerName ?? t("pipeline.unassigned")}</Cell>
              <Cell>{row.dueDate ? formatDate(row.dueDate, locale) : ""}</Cell>
              <Cell>{t("pipeline.days", { count: row.daysInStage })}</Cell>
              <Cell>{row.segmentName}</Cell>
            </tr>
          ))}
        </Table>
      )}
      <Pager label={t("pipeline.caption")} page={page} />
    </div>
  );
}
