import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useForm } from "@conform-to/react";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  DirectoryFiltersSchema,
  ReferenceRequestSchema,
  listDirectoryChoices,
  listReferenceDirectory,
  requestReference,
} from "~/domain/advocacy/references.server";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { type FormReply, textField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { cursorParam } from "~/lib/pagination";
import { Button, ButtonLink } from "~/ui/button";
import { SelectField, TextField } from "~/ui/field";
import { FormErrors, FormTextField, formProps } from "~/ui/form";
import { Card, EmptyState } from "~/ui/layout";
import { Pager } from "~/ui/pager";
import { UseCaseBadges } from "~/ui/use-cases";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.references");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireWorkspace(request, "advocacy.view");
  const url = new URL(request.url);
  const filters = DirectoryFiltersSchema.parse(
    Object.fromEntries([...url.searchParams].filter(([name, value]) => value !== "" && name !== "cursor")),
  );
  const cursor = cursorParam.parse(url.searchParams.get("cursor") ?? undefined);
  const [directory, choices] = await Promise.all([
    listReferenceDirectory(filters, new Date(), { cursor }),
    listDirectoryChoices(),
  ]);
  return { filters, directory, choices };
}

const ReferenceFormSchema = ReferenceRequestSchema.extend({
  advocateName: textField({ max: 200 }),
});

/** Any staff member may log a reference request for a prospect (CSMs field them from sales too). */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.view");
  // Every field is checked before anything is written, the name for the notice too.
  const parsed = await readSubmission(request, ReferenceFormSchema);
  if (!parsed.ok) return parsed.answer;
  const { advocateName: name, ...input } = parsed.data;
  const result = await requestReference(actor, input);
  if (!result.ok) return refuse(parsed.submission, "advocacyReference", result.error);
  return redirectWithNotice(
    `/advocacy/references${new URL(request.url).search}`,
    serverT(actor.locale)("advocacy:references.requested", { name, prospect: parsed.data.prospectCompany }),
  );
}

/** The request form of one advocate's card; only the card that was posted shows the answer. */
function RequestForm({ advocate, answer }: { advocate: { userId: string; name: string }; answer?: FormReply }) {
  const { t } = useTranslation("advocacy");
  const busy = useNavigation().state !== "idle";
  const mine = answer?.initialValue?.advocateId === advocate.userId ? answer : undefined;
  const [form, fields] = useForm({ id: `reference-${advocate.userId}`, lastResult: mine });
  return (
    <>
      <FormErrors form={form} values={{ name: advocate.name }} />
      <Form
        method="post"
        className="space-y-3"
        aria-label={`${t("references.request")} · ${advocate.name}`}
        {...formProps(form)}
      >
        <input type="hidden" name="advocateId" value={advocate.userId} />
        <input type="hidden" name="advocateName" value={advocate.name} />
        <FormTextField meta={fields.prospectCompany} label={t("references.prospect")} required />
        <FormTextField meta={fields.notes} label={t("references.notes")} />
        <Button disabled={busy}>{t("references.submit", { name: advocate.name })}</Button>
      </Form>
    </>
  );
}

export default function References() {
  const { t } = useTranslation("advocacy");
  const { filters, directory, choices } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const any = { value: "", label: t("pipeline.any") };

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">{t("references.intro")}</p>
      <Form
        method="get"
        className="grid grid-cols-1 items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4"
        aria-label={t("pipeline.filters")}
      >
        <SelectField
          label={t("pipeline.industry")}
          name="industry"
          defaultValue={filters.industry ?? ""}
          options={[any, ...choices.industries.map((value) => ({ value, label: value }))]}
        />
        <SelectField
          label={t("pipeline.segment")}
          name="segment"
          defaultValue={filters.segment ?? ""}
          options={[any, ...choices.segments.map((segment) => ({ value: segment.id, label: segment.name }))]}
        />
        <SelectField
          label={t("references.region")}
          name="region"
          defaultValue={filters.region ?? ""}
          options={[any, ...choices.regions.map((value) => ({ value, label: value }))]}
        />
        <SelectField
          label={t("references.useCase")}
          name="useCase"
          defaultValue={filters.useCase ?? ""}
          options={[any, ...choices.useCases.map((value) => ({ value, label: value }))]}
        />
        <div className="sm:col-span-2">
          <TextField
            label={t("references.search")}
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            hint={t("references.searchHint")}
          />
        </div>
        <div className="flex gap-2">
          <Button>{t("pipeline.apply")}</Button>
          <ButtonLink to="/advocacy/references" variant="ghost">
            {t("pipeline.clear")}
          </ButtonLink>
        </div>
      </Form>

      {directory.available.length === 0 ? (
        <EmptyState title={t("references.caption")}>{t("references.empty")}</EmptyState>
      ) : (
        <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {directory.available.map((advocate) => {
            return (
              <li key={advocate.userId}>
                <Card title={advocate.name}>
                  <div className="space-y-3 text-sm">
                    <p className="text-slate-700">
                      {advocate.title ? `${advocate.title} · ` : ""}
                      {advocate.accountName} · {advocate.industry} · {advocate.segmentName} · {advocate.region}
                    </p>
                    <UseCaseBadges useCases={advocate.useCases} label={t("references.useCases")} />
                    {advocate.achievements.length > 0 ? (
                      <p className="text-slate-700">
                        <span className="font-medium">{t("references.achieved")}:</span>{" "}
                        {advocate.achievements.join(" · ")}
                      </p>
                    ) : null}
                    {advocate.outcomes.length > 0 ? (
                      <p className="text-slate-700">
                        <span className="font-medium">{t("references.outcomes")}:</span> {advocate.outcomes.join(" · ")}
                      </p>
                    ) : null}
                    <p className="text-slate-600">
                      {t("references.calls")}:{" "}
                      {t("references.callsValue", { count: advocate.callsThisQuarter, limit: String(directory.limit) })}
                    </p>
                    <RequestForm advocate={advocate} answer={answer?.form} />
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      <Pager label={t("references.caption")} page={directory.page} />

      {directory.fatigued.length > 0 ? (
        <Card title={t("references.fatiguedHeading")}>
          <p className="text-sm text-slate-700">{t("references.fatiguedIntro", { count: directory.limit })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {directory.fatigued.map((advocate) => (
              <li key={advocate.userId}>
                {t("references.fatiguedEntry", {
                  name: advocate.name,
                  account: advocate.accountName,
                  count: advocate.callsThisQuarter,
                })}
              </li>
            ))}
          </ul>
          {directory.fatiguedTotal > directory.fatigued.length ? (
            <p className="mt-2 text-sm text-slate-600">
              {t("references.fatiguedMore", { count: directory.fatiguedTotal - directory.fatigued.length })}
            </p>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
