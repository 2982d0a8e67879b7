import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  getOpportunity,
  listPossibleOwners,
  moveOpportunity,
  updateOpportunityDetails,
} from "~/domain/advocacy/opportunities.server";
import { OPPORTUNITY_NOTES_MAX, OpportunityDetailsSchema } from "~/domain/advocacy/opportunity-schemas";
import { listCaseStudyVersions, listPlanFacts } from "~/domain/advocacy/case-studies.server";
import { listCaseStudyComments, staffTakesPart } from "~/domain/advocacy/case-study-comments.server";
import { listPossibleAdvocates } from "~/domain/advocacy/new-opportunity.server";
import { STAGES, daysInStage, nextStages } from "~/domain/advocacy/pipeline";
import { canInWorkspace } from "~/domain/auth/authorization";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { formatDateTime, formatList } from "~/lib/format";
import { replyFor, versionField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { CaseStudyEditor } from "~/ui/advocacy/case-study-editor";
import { advocateLabel } from "~/ui/advocacy/advocate-label";
import { StageBadge } from "~/ui/advocacy/stage-badge";
import { Button } from "~/ui/button";
import { FormErrors, FormSelectField, FormTextAreaField, FormTextField, formProps, useFormReply } from "~/ui/form";
import { Alert, Card, Facts } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "common:titles.opportunity", { name: data?.opportunity.accountName ?? "" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.view");
  if (!isId(params.opportunityId)) notFound();
  const [opportunity, owners] = await Promise.all([getOpportunity(params.opportunityId), listPossibleOwners()]);
  if (!opportunity) notFound();
  const canManage = canInWorkspace(actor, "advocacy.manage");
  const isCaseStudy = opportunity.askType === "case_study";
  const [versions, facts, comments, advocates] = await Promise.all([
    isCaseStudy ? listCaseStudyVersions(opportunity.id) : Promise.resolve(null),
    isCaseStudy && canManage && opportunity.stage === "in_production"
      ? listPlanFacts(actor, opportunity.accountId)
      : Promise.resolve([]),
    isCaseStudy ? listCaseStudyComments(actor, [opportunity.id]) : Promise.resolve([]),
    // Who to ask can change until someone is asked.
    canManage && opportunity.stage === "identified"
      ? listPossibleAdvocates(opportunity.accountId)
      : Promise.resolve(null),
  ]);
  return {
    caseStudy: versions
      ? {
          versions,
          facts,
          editable: canManage && opportunity.stage === "in_production",
          comments,
          takesPart: staffTakesPart(actor, opportunity),
          stage: opportunity.stage,
        }
      : null,
    opportunity: { ...opportunity, daysInStage: daysInStage(new Date(opportunity.stageEnteredAt), new Date()) },
    moves: canManage ? nextStages(opportunity.stage, "staff") : [],
    owners,
    advocates,
    canManage,
    timeZone: actor.timeZone,
  };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("move"),
    to: z.enum(STAGES),
    version: versionField(),
    // The pipeline board's drag and drop: answered in place (its fetcher), not by opening this page.
    via: z.literal("board").optional(),
  }),
  OpportunityDetailsSchema.extend({ intent: z.literal("details") }),
]);

/** The refusals that belong next to one field of the details form; the others are said above the form. */
const OPPORTUNITY_ERROR_FIELD: Partial<Record<string, string>> = {
  invalid_advocate: "advocateId",
  invalid_owner: "ownerId",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.manage");
  if (!isId(params.opportunityId)) notFound();
  const id = params.opportunityId;
  const parsed = await readSubmission(request, ActionSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  const result =
    input.intent === "move"
      ? await moveOpportunity(actor, id, input)
      : await updateOpportunityDetails(actor, id, input);
  if (!result.ok) {
    // Gone since the page loaded: the same 404 as a wrong id.
    if (result.error === "not_found") notFound();
    return refuse(parsed.submission, "advocacyOpportunity", result.error, OPPORTUNITY_ERROR_FIELD[result.error]);
  }
  if (input.intent === "move" && input.via === "board") return { ok: true as const, moved: input.to };
  const t = serverT(actor.locale);
  return redirectWithNotice(
    `/advocacy/opportunities/${id}`,
    input.intent === "move"
      ? t("advocacy:opportunity.moved", { stage: t(`advocacy:stages.${input.to}`) })
      : t("advocacy:opportunity.saved"),
  );
}

export default function OpportunityPage() {
  const { t, i18n } = useTranslation("advocacy");
  const answer = useActionData<typeof action>();
  const { opportunity, moves, owners, advocates, canManage, timeZone, caseStudy } = useLoaderData<typeof loader>();
  const moveReply = replyFor(answer, "move");
  const [moveForm, moveFields] = useForm({ lastResult: useFormReply(moveReply) });
  const [detailsForm, detailFields] = useForm({ lastResult: useFormReply(replyFor(answer, "details")) });
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const locale = useRootData()?.locale ?? "en";
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  const type = t(`askTypes.${opportunity.askType}`);
  const context = opportunity.askContext;
  const stageName = (stage: string | null | undefined) => (stage ? t(`stages.${stage as "asked"}`) : "");
  const requestedStage = moveReply?.initialValue?.to;
  // What a refused move's message names: the stage it is in, the one asked for, who and what.
  const messageValues = {
    from: stageName(opportunity.stage),
    to: stageName(typeof requestedStage === "string" ? requestedStage : null),
    type,
    name: opportunity.advocateName ?? "",
    scope: opportunity.consentScope ? t(`scopes.${opportunity.consentScope}`) : "",
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-xl font-semibold text-slate-900">
          {t("opportunity.heading", { type, account: opportunity.accountName })}
        </h2>
        <StageBadge stage={opportunity.stage} />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("opportunity.stage")}>
            <div className="space-y-4">
              <p className="text-sm text-slate-700">
                {t("opportunity.since", {
                  date: when(opportunity.stageEnteredAt),
                  days: t("pipeline.days", { count: opportunity.daysInStage }),
                })}
              </p>
              <FormErrors form={moveForm} values={messageValues} />
              {canManage ? (
                moves.length > 0 ? (
                  <Form method="post" className="flex flex-col gap-3 sm:flex-row sm:items-end" {...formProps(moveForm)}>
                    <input type="hidden" name="intent" value="move" />
                    <input type="hidden" name="version" value={opportunity.version} />
                    <div className="sm:w-64">
                      <FormSelectField
                        meta={moveFields.to}
                        label={t("opportunity.move")}
                        hint={t("opportunity.moveHint")}
                        options={moves.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))}
                      />
                    </div>
                    <Button disabled={busy}>{t("opportunity.moveSubmit")}</Button>
                  </Form>
                ) : (
                  <p className="text-sm text-slate-600">{t("opportunity.noMoves")}</p>
                )
              ) : null}
            </div>
          </Card>
          {caseStudy && (caseStudy.versions.length > 0 || caseStudy.editable) ? (
            <CaseStudyEditor
              opportunityId={opportunity.id}
              versions={caseStudy.versions}
              facts={caseStudy.facts}
              editable={caseStudy.editable}
              comments={caseStudy.comments}
              takesPart={caseStudy.takesPart}
              stage={caseStudy.stage}
              advocateName={opportunity.advocateName ?? ""}
            />
          ) : null}
          {canManage ? (
            <Card title={t("opportunity.details")}>
              <Form method="post" className="space-y-4" {...formProps(detailsForm)}>
                <input type="hidden" name="intent" value="details" />
                <input type="hidden" name="version" value={opportunity.version} />
                <FormErrors form={detailsForm} values={messageValues} />
                {advocates ? (
                  <FormSelectField
                    meta={detailFields.advocateId}
                    label={t("newOpportunity.advocate")}
                    defaultValue={opportunity.advocateId ?? ""}
                    options={[
                      { value: "", label: t("newOpportunity.noAdvocate") },
                      ...advocates.map((person) => ({ value: person.id, label: advocateLabel(person) })),
                    ]}
                  />
                ) : null}
                <FormSelectField
                  meta={detailFields.ownerId}
                  label={t("opportunity.owner")}
                  defaultValue={opportunity.ownerId ?? ""}
                  options={[
                    { value: "", label: t("pipeline.unassigned") },
                    ...owners.map((owner) => ({ value: owner.id, label: owner.name })),
                  ]}
                />
                <FormTextField
                  meta={detailFields.dueDate}
                  label={t("opportunity.dueDate")}
                  type="date"
                  defaultValue={opportunity.dueDate ?? ""}
                />
                <FormTextAreaField
                  meta={detailFields.notes}
                  label={t("opportunity.notes")}
                  rows={4}
                  maxLength={OPPORTUNITY_NOTES_MAX}
                  defaultValue={opportunity.notes}
                />
                <Button disabled={busy}>{t("opportunity.save")}</Button>
              </Form>
            </Card>
          ) : null}
          <Card title={t("opportunity.history")}>
            <ol className="space-y-2">
              {opportunity.transitions.map((entry) => (
                <li key={entry.id} className="text-sm text-slate-800">
                  {t("opportunity.historyEntry", {
                    from: entry.from ? stageName(entry.from) : "—",
                    to: stageName(entry.to),
                  })}{" "}
                  <span className="text-slate-600">
                    {entry.actorName ? t("opportunity.historyBy", { name: entry.actorName }) : t("opportunity.system")}
                  </span>{" "}
                  <time dateTime={entry.at} className="text-xs text-slate-500">
                    {when(entry.at)}
                  </time>
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="space-y-6">
          <Card title={t("opportunity.advocate")}>
            <Facts
              items={[
                {
                  label: t("opportunity.advocate"),
                  value: `${opportunity.advocateName ?? ""}${opportunity.advocateTitle ? ` · ${opportunity.advocateTitle}` : ""}`,
                },
                {
                  label: t("opportunity.achievement"),
                  value: context?.milestoneTitle
                    ? `“${context.milestoneTitle}”`
                    : context?.score !== undefined
                      ? `NPS ${context.score}`
                      : "—",
                },
              ]}
            />
          </Card>
          <Card title={t("opportunity.consent")}>
            {opportunity.consentScope ? (
              <div className="space-y-1 text-sm text-slate-800">
                <p>
                  {t("consents.uses", {
                    uses: formatList(
                      (opportunity.consentUses ?? []).map((use) => t(`usesShort.${use as "name"}`)),
                      i18n.language,
                    ),
                  })}
                </p>
                <p>{t("consents.scope", { scope: t(`scopes.${opportunity.consentScope}`) })}</p>
                {opportunity.consentWithdrawnAt ? (
                  <Alert tone="error">
                    {t("opportunity.consentWithdrawn", { date: when(opportunity.consentWithdrawnAt) })}
                  </Alert>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-slate-600">{t("opportunity.noConsent")}</p>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
