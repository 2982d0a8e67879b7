import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
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
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { Button, ButtonLink } from "~/ui/button";
import { SelectField, TextField } from "~/ui/field";
import { Alert, Card, EmptyState } from "~/ui/layout";
import { UseCaseBadges } from "~/ui/use-cases";
import { useFieldError } from "~/ui/use-field-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.references");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireWorkspace(request, "advocacy.view");
  const url = new URL(request.url);
  const filters = DirectoryFiltersSchema.parse(
    Object.fromEntries([...url.searchParams].filter(([, value]) => value !== "")),
  );
  const [directory, choices] = await Promise.all([listReferenceDirectory(filters), listDirectoryChoices()]);
  return { filters, directory, choices };
}

const ReferenceFormSchema = ReferenceRequestSchema.extend({
  advocateName: z.string().trim().max(200, "field.tooLong").default(""),
});

type Answer = { advocateId: string; fieldErrors: Record<string, string | undefined>; formError?: string };

/** Any staff member may log a reference request for a prospect (CSMs field them from sales too). */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.view");
  const form = await request.formData();
  const advocateId = String(form.get("advocateId") ?? "");
  // Every field is checked before anything is written, the name for the notice too.
  const parsed = parseForm(ReferenceFormSchema, form);
  if (!parsed.ok) return data<Answer>({ advocateId, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const { advocateName: name, ...input } = parsed.data;
  const result = await requestReference(actor, input);
  if (!result.ok)
    return data<Answer>(
      { advocateId, fieldErrors: {}, formError: result.error },
      { status: result.error === "not_found" ? 404 : 409 },
    );
  return redirectWithNotice(
    `/advocacy/references${new URL(request.url).search}`,
    serverT(actor.locale)("advocacy:references.requested", { name, prospect: parsed.data.prospectCompany }),
  );
}

export default function References() {
  const { t } = useTranslation("advocacy");
  const fieldError = useFieldError();
  const { filters, directory, choices } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const busy = useNavigation().state !== "idle";
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
            const mine = answer?.advocateId === advocate.userId ? answer : undefined;
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
                    {mine?.formError ? (
                      <Alert tone="error">
                        {t(`references.errors.${mine.formError as "fatigued"}`, { name: advocate.name })}
                      </Alert>
                    ) : null}
                    <Form
                      method="post"
                      className="space-y-3"
                      noValidate
                      aria-label={`${t("references.request")} · ${advocate.name}`}
                    >
                      <input type="hidden" name="advocateId" value={advocate.userId} />
                      <input type="hidden" name="advocateName" value={advocate.name} />
                      <TextField
                        label={t("references.prospect")}
                        name="prospectCompany"
                        required
                        error={fieldError(mine?.fieldErrors.prospectCompany)}
                      />
                      <TextField
                        label={t("references.notes")}
                        name="notes"
                        error={fieldError(mine?.fieldErrors.notes)}
                      />
                      <Button disabled={busy}>{t("references.submit", { name: advocate.name })}</Button>
                    </Form>
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}

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
        </Card>
      ) : null}
    </div>
  );
}
