import { useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/button";
import type { FormReply } from "~/lib/forms";
import { FormErrors, FormSelectField, FormTextField, formProps } from "~/ui/form";
import { Alert, Card } from "~/ui/layout";
import { usePendingIntent } from "~/ui/use-pending-intent";

export function ApplyTemplateForm({
  templates,
  suggestedTemplateId,
  today,
  hasPlan,
  reply,
}: {
  templates: { id: string; name: string; segmentName: string | null }[];
  suggestedTemplateId: string | undefined;
  today: string;
  hasPlan: boolean;
  reply?: FormReply;
}) {
  const { t } = useTranslation("plans");
  const [form, fields] = useForm({ id: "apply", lastResult: reply });
  const submitting = usePendingIntent() === "apply";
  return (
    <Card title={t("apply.title")}>
      <Form method="post" className="grid grid-cols-1 gap-4 sm:grid-cols-2" {...formProps(form)}>
        <div className="sm:col-span-2">
          <FormErrors form={form} />
        </div>
        <input type="hidden" name="intent" value="apply" />
        {hasPlan ? (
          <div className="sm:col-span-2">
            <Alert tone="info">{t("apply.replaceWarning")}</Alert>
          </div>
        ) : null}
        <div className="sm:col-span-2">
          <FormSelectField
            meta={fields.templateId}
            label={t("apply.template")}
            defaultValue={suggestedTemplateId}
            hint={t("apply.templateHint")}
            options={templates.map((template) => ({
              value: template.id,
              label: template.segmentName
                ? t("apply.templateOption", { name: template.name, segment: template.segmentName })
                : template.name,
            }))}
          />
        </div>
        <FormTextField meta={fields.startDate} label={t("apply.startDate")} type="date" defaultValue={today} required />
        <FormTextField meta={fields.name} label={t("apply.name")} maxLength={120} />
        <div className="sm:col-span-2">
          <Button disabled={submitting}>{t("apply.submit")}</Button>
        </div>
      </Form>
    </Card>
  );
}
