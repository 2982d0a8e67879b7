import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  OpportunityDetailsSchema,
  getOpportunity,
  listPossibleOwners,
  moveOpportunity,
  updateOpportunityDetails,
} from "~/domain/advocacy/opportunities.server";
import { listCaseStudyVersions, listPlanFacts } from "~/domain/advocacy/case-studies.server";
import { listCaseStudyComments, staffTakesPart } from "~/domain/advocacy/case-study-comments.server";
import { listPossibleAdvocates } from "~/domain/advocacy/new-opportunity.server";
import { STAGES, daysInStage, nextStages } from "~/domain/advocacy/pipeline";
import { canInWorkspace } from "~/domain/auth/authorization";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { formatDateTime, formatList } from "~/lib/format";
import { parseForm } from "~/lib/forms";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { CaseStudyEditor } from "~/ui/advocacy/case-study-editor";
import { advocateLabel } from "~/ui/advocacy/advocate-label";
import { StageBadge } from "~/ui/advocacy/stage-badge";
import { Button } from "~/ui/button";
import { SelectField, TextAreaField, TextField } from "~/ui/field";
import { Alert, Card, Facts } from "~/ui/layout";
import { useFieldError } from "~/ui/use-field-error";

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

const MoveSchema = z.object({ to: z.enum(STAGES), version: z.coerce.number().int().min(1) });
const MOVE_STATUS = {
  not_found: 404,
  stale: 409,
  same_stage: 409,
  not_allowed: 409,
  needs_consent: 409,
  needs_public_consent: 409,
  needs_approval: 409,
  needs_draft: 409,
  needs_advocate: 409,
  advocate_inactive: 409,
  overdue_milestones: 409,
  recent_detractor: 409,
  cooldown: 409,
  declined_recently: 409,
} as const;

type ActionAnswer = {
  intent: "move" | "details";
  fieldErrors: Record<string, string | undefined>;
  formError?: string;
  from?: string;
  to?: string;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.manage");
  if (!isId(params.opportunityId)) notFound();
  const id = params.opportunityId;
  const form = await request.formData();
  const t = serverT(actor.locale);
  if (form.get("intent") === "move") {
    const parsed = MoveSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success)
      return data<ActionAnswer>({ intent: "move", fieldErrors: { to: "field.required" } }, { status: 400 });
    const before = await getOpportunity(id);
    if (!before) notFound();
    const result = await moveOpportunity(actor, id, parsed.data);
    if (!result.ok) {
      if (result.error === "not_found") notFound();
      return data<ActionAnswer>(
        { intent: "move", fieldErrors: {}, formError: result.error, from: before.stage, to: parsed.data.to },
        { status: MOVE_STATUS[result.error] },
      );
    }
    return redirectWithNotice(
      `/advocacy/opportunities/${id}`,
      t("advocacy:opportunity.moved", { stage: t(`advocacy:stages.${parsed.data.to}`) }),
    );
  }
  const parsed = parseForm(OpportunityDetailsSchema, form);
  if (!parsed.ok) return data<ActionAnswer>({ intent: "details", fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await updateOpportunityDetails(actor, id, parsed.data);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    if (result.error === "invalid_owner")
      return data<ActionAnswer>({ intent: "details", fieldErrors: {}, formError: "invalid_owner" }, { status: 400 });
    if (result.error === "invalid_advocate")
      return data<ActionAnswer>(
        { intent: "details", fieldErrors: { advocateId: "advocacy.advocateNotInAccount" } },
        { status: 400 },
      );
    return data<ActionAnswer>({ intent: "details", fieldErrors: {}, formError: "stale" }, { status: 409 });
  }
  return redirectWithNotice(`/advocacy/opportunities/${id}`, t("advocacy:opportunity.saved"));
}

export default function OpportunityPage() {
  const { t, i18n } = useTranslation("advocacy");
  const fieldError = useFieldError();
  const answer = useActionData<typeof action>();
  const { opportunity, moves, owners, advocates, canManage, timeZone, caseStudy } = useLoaderData<typeof loader>();
  const detailErrors = answer?.intent === "details" ? answer.fieldErrors : {};
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const locale = useRootData()?.locale ?? "en";
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  const type = t(`askTypes.${opportunity.askType}`);
  const context = opportunity.askContext;
  const stageName = (stage: string | null | undefined) => (stage ? t(`stages.${stage as "asked"}`) : "");
  const errorText = (code: string | undefined) =>
    code
      ? t(`opportunity.errors.${code as "stale"}`, {
          from: stageName(answer?.from),
          to: stageName(answer?.to),
          type,
          name: opportunity.advocateName ?? "",
          scope: opportunity.consentScope ? t(`scopes.${opportunity.consentScope}`) : "",
        })
      : null;

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
              {answer?.intent === "move" && answer.formError ? (
                <Alert tone="error">{errorText(answer.formError)}</Alert>
              ) : null}
              {canManage ? (
                moves.length > 0 ? (
                  <Form method="post" className="flex flex-col gap-3 sm:flex-row sm:items-end">
                    <input type="hidden" name="intent" value="move" />
                    <input type="hidden" name="version" value={opportunity.version} />
                    <div className="sm:w-64">
                      <SelectField
                        label={t("opportunity.move")}
                        name="to"
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
              <Form method="post" className="space-y-4" noValidate>
                <input type="hidden" name="intent" value="details" />
                <input type="hidden" name="version" value={opportunity.version} />
                {answer?.intent === "details" && answer.formError ? (
                  <Alert tone="error">{errorText(answer.formError)}</Alert>
                ) : null}
                {advocates ? (
                  <SelectField
                    label={t("newOpportunity.advocate")}
                    name="advocateId"
                    defaultValue={opportunity.advocateId ?? ""}
                    error={fieldError(detailErrors.advocateId)}
                    options={[
                      { value: "", label: t("newOpportunity.noAdvocate") },
                      ...advocates.map((person) => ({ value: person.id, label: advocateLabel(person) })),
                    ]}
                  />
                ) : null}
                <SelectField
                  label={t("opportunity.owner")}
                  name="ownerId"
                  defaultValue={opportunity.ownerId ?? ""}
                  options={[
                    { value: "", label: t("pipeline.unassigned") },
                    ...owners.map((owner) => ({ value: owner.id, label: owner.name })),
                  ]}
                />
                <TextField
                  label={t("opportunity.dueDate")}
                  name="dueDate"
                  type="date"
                  defaultValue={opportunity.dueDate ?? ""}
                  error={fieldError(detailErrors.dueDate)}
                />
                <TextAreaField
                  label={t("opportunity.notes")}
                  name="notes"
                  rows={4}
                  defaultValue={opportunity.notes}
                  error={fieldError(detailErrors.notes)}
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
