import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/button";
import { SelectField, TextField } from "~/ui/field";
import { Alert, Card } from "~/ui/layout";
import { useFieldError } from "~/ui/use-field-error";

export function ApplyTemplateForm({
  templates,
  suggestedTemplateId,
  today,
  hasPlan,
  errors,
}: {
  templates: { id: string; name: string; segmentName: string | null }[];
  suggestedTemplateId: string | undefined;
  today: string;
  hasPlan: boolean;
  errors?: Record<string, string | undefined>;
}) {
  const { t } = useTranslation("plans");
  const fieldError = useFieldError();
  const submitting = useNavigation().formData?.get("intent") === "apply";
  return (
    <Card title={t("apply.title")}>
      <Form method="post" className="grid grid-cols-1 gap-4 sm:grid-cols-2" noValidate>
        <input type="hidden" name="intent" value="apply" />
        {hasPlan ? (
          <div className="sm:col-span-2">
            <Alert tone="info">{t("apply.replaceWarning")}</Alert>
          </div>
        ) : null}
        <div className="sm:col-span-2">
          <SelectField
            label={t("apply.template")}
            name="templateId"
            defaultValue={suggestedTemplateId}
            hint={t("apply.templateHint")}
            options={templates.map((template) => ({
              value: template.id,
              label: template.segmentName
                ? t("apply.templateOption", { name: template.name, segment: template.segmentName })
                : template.name,
            }))}
            error={
              errors?.templateId === "unknown_template"
                ? t("apply.errors.unknown_template")
                : fieldError(errors?.templateId)
            }
          />
        </div>
        <TextField
          label={t("apply.startDate")}
          name="startDate"
          type="date"
          defaultValue={today}
          required
          error={fieldError(errors?.startDate)}
        />
        <TextField label={t("apply.name")} name="name" maxLength={120} error={fieldError(errors?.name)} />
        <div className="sm:col-span-2">
          <Button disabled={submitting}>{t("apply.submit")}</Button>
        </div>
      </Form>
    </Card>
  );
}
