import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { IMPORT_KINDS, MAX_IMPORT_BYTES } from "~/domain/imports/columns";
import { type ImportReport, dryRunImport, importDigest, runImport } from "~/domain/imports/import.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { todayIn } from "~/lib/format";
import { invalidForm, readSubmission } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { Button, ButtonLink } from "~/ui/button";
import { FormErrors, FormSelectField, formProps } from "~/ui/form";
import { ImportReportView } from "~/ui/import-report";
import { Alert, Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.importAccounts");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireWorkspace(request, "accounts.import");
  return { maxBytes: MAX_IMPORT_BYTES };
}

const ImportSchema = z.object({
  intent: z.enum(["check", "import"]),
  kind: z.enum(IMPORT_KINDS, { message: "importFile.kind" }),
  file: z
    .instanceof(File, { message: "importFile.required" })
    .refine((file) => file.size > 0, "importFile.required")
    .refine((file) => file.size <= MAX_IMPORT_BYTES, "importFile.tooLarge"),
  // What the dry run checked, so "Import" imports exactly the file that was checked.
  checked: z.string().optional(),
});

/*
 * Where the file lives between the dry run and the import: nowhere. "Import" is a second submit
 * button of the same form, so the browser sends the file again (its input keeps it), and the
 * server checks everything again inside the import's transaction. A hidden field can't hold 10 MB,
 * and a table of uploads would need a migration, a token and a clean-up job for what a second
 * upload does for free. The dry run's digest (of kind + bytes) rides along: when the file (or
 * kind) changed in between, the answer is the new file's dry run, not an import.
 */
export type ImportAnswer = { report: ImportReport; checked: string; changed?: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "accounts.import");
  const parsed = await readSubmission(request, ImportSchema);
  if (!parsed.ok) return parsed.answer;
  const { intent, kind, file, checked } = parsed.data;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const digest = importDigest(kind, bytes);
  const today = todayIn(actor.timeZone);
  if (intent === "check" || checked !== digest) {
    const report = await dryRunImport(kind, bytes, today);
    return data<ImportAnswer>({ report, checked: digest, changed: intent === "import" });
  }
  const outcome = await runImport(actor, kind, bytes, today);
  if (!outcome.ok) {
    return invalidForm(parsed.submission, { formErrors: ["people:imports.conflict"] }, 409);
  }
  if (!outcome.report.written) return data<ImportAnswer>({ report: outcome.report, checked: digest });
  const t = serverT(actor.locale);
  const { create: created, update: updated, unchanged } = outcome.report.counts;
  const counts = { created, updated, unchanged };
  return redirectWithNotice(
    kind === "accounts" ? "/accounts" : "/accounts/import",
    kind === "accounts" ? t("people:imports.done.accounts", counts) : t("people:imports.done.people", counts),
  );
}

export default function ImportAccounts() {
  const { t } = useTranslation(["people", "common"]);
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" ? navigation.formData?.get("intent") : null;
  const [form, fields] = useForm({ lastResult: answer && "form" in answer ? answer.form : undefined });
  const checkedAnswer = answer && "report" in answer ? answer : null;
  const [tooLarge, setTooLarge] = useState(false);
  const report = checkedAnswer?.report ?? null;
  const importable = report !== null && report.problemCount === 0 && report.counts.create + report.counts.update > 0;
  const { onSubmit, ...props } = formProps(form);
  return (
    <>
      <PageHeader title={t("imports.title")} description={t("imports.description")} />
      <Form
        method="post"
        encType="multipart/form-data"
        className="space-y-6"
        {...props}
        onSubmit={(event) => {
          // Past the limit the server only answers 413: say it here, before sending 10 MB and more.
          const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
          if (file && file.size > MAX_IMPORT_BYTES) {
            event.preventDefault();
            setTooLarge(true);
            return;
          }
          setTooLarge(false);
          onSubmit(event);
        }}
      >
        <FormErrors form={form} />
        <Card title={t("imports.fileHeading")}>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <FormSelectField
              meta={fields.kind}
              label={t("imports.kind")}
              defaultValue="accounts"
              options={IMPORT_KINDS.map((kind) => ({ value: kind, label: t(`imports.kinds.${kind}`) }))}
            />
            <div className="space-y-1">
              <label htmlFor={fields.file.id} className="block text-sm font-medium text-slate-800">
                {t("imports.file")}
              </label>
              <input
                id={fields.file.id}
                name={fields.file.name}
                type="file"
                accept=".csv,.txt,text/csv"
                aria-invalid={fields.file.errors || tooLarge ? true : undefined}
                aria-describedby={`${fields.file.id}-hint`}
                className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
                onChange={() => setTooLarge(false)}
              />
              <p id={`${fields.file.id}-hint`} className="text-xs text-slate-500">
                {t("imports.fileHint")}
              </p>
              {fields.file.errors || tooLarge ? (
                <p className="text-sm text-red-700" role="alert">
                  {tooLarge || fields.file.errors?.[0] === "importFile.tooLarge"
                    ? t("imports.tooLarge")
                    : t("imports.fileRequired")}
                </p>
              ) : null}
            </div>
          </div>
          <p className="mt-4 text-sm text-slate-600">
            {t("imports.templates")}{" "}
            <a className="text-brand-700 underline" href="/accounts/import/template.csv?kind=accounts" download>
              {t("imports.kinds.accounts")}
            </a>
            {" · "}
            <a className="text-brand-700 underline" href="/accounts/import/template.csv?kind=people" download>
              {t("imports.kinds.people")}
            </a>
          </p>
        </Card>
        {checkedAnswer ? <input type="hidden" name="checked" value={checkedAnswer.checked} /> : null}
        {checkedAnswer?.changed ? <Alert tone="info">{t("imports.changedSinceCheck")}</Alert> : null}
        {report ? <ImportReportView report={report} /> : null}
        <div className="flex justify-end gap-2">
          <ButtonLink to="/accounts" variant="ghost">
            {t("common:actions.cancel")}
          </ButtonLink>
          <Button name="intent" value="check" variant={importable ? "secondary" : "primary"} disabled={Boolean(busy)}>
            {busy === "check" ? t("imports.checking") : report ? t("imports.checkAgain") : t("imports.check")}
          </Button>
          {importable ? (
            <Button name="intent" value="import" disabled={Boolean(busy)}>
              {busy === "import"
                ? t("imports.importing")
                : t("imports.import", { count: report.counts.create + report.counts.update })}
            </Button>
          ) : null}
        </div>
      </Form>
    </>
  );
}
