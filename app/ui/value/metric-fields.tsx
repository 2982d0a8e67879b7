import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FormSelectField, FormTextField, useFormMessage } from "~/ui/form";

export interface MetricFieldValues {
  outcomeId: string;
  name: string;
  unit: string;
  direction: "up" | "down";
  baseline: number | string;
  target: number | string;
  moneyPerUnit: number | string | null;
  valuePeriod: string | null;
}

/** The fields that define a value metric: shared by the add and edit forms. */
export function MetricFields({
  values,
  fields,
  outcomes,
  currency,
}: {
  values: Partial<MetricFieldValues>;
  /** The form's conform fields: each shows its own refusal. */
  fields: Record<string, FieldMetadata<unknown, Record<string, unknown>, string[]>>;
  /** Outcomes to choose from; with one, the choice is a hidden field. */
  outcomes: { id: string; title: string }[];
  currency: string;
}) {
  const { t } = useTranslation("value");
  const message = useFormMessage();
  const meta = (name: keyof MetricFieldValues) => fields[name]!;
  const periods = (["week", "month", "quarter", "year"] as const).map((period) => ({
    value: period,
    label: t(`define.periods.${period}`),
  }));
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {outcomes.length > 1 ? (
        <div className="sm:col-span-2">
          <FormSelectField
            meta={meta("outcomeId")}
            label={t("define.outcome")}
            defaultValue={values.outcomeId}
            options={outcomes.map((outcome) => ({ value: outcome.id, label: outcome.title }))}
          />
        </div>
      ) : (
        <div className="sm:col-span-2">
          <input type="hidden" name="outcomeId" value={values.outcomeId ?? outcomes[0]?.id ?? ""} />
          {/* With one outcome there is no field to choose it: its refusal shows here. */}
          {meta("outcomeId").errors ? (
            <p role="alert" className="text-sm text-red-700">
              {message(meta("outcomeId").errors)}
            </p>
          ) : null}
        </div>
      )}
      <FormTextField
        meta={meta("name")}
        label={t("define.name")}
        defaultValue={values.name}
        placeholder={t("define.namePlaceholder")}
        maxLength={120}
        required
      />
      <FormTextField
        meta={meta("unit")}
        label={t("define.unit")}
        defaultValue={values.unit}
        placeholder={t("define.unitPlaceholder")}
        maxLength={30}
        required
      />
      <FormSelectField
        meta={meta("direction")}
        label={t("define.direction")}
        defaultValue={values.direction ?? "up"}
        options={[
          { value: "up", label: t("metric.direction.up") },
          { value: "down", label: t("metric.direction.down") },
        ]}
      />
      <div className="hidden sm:block" />
      <FormTextField
        meta={meta("baseline")}
        label={t("define.baseline")}
        inputMode="decimal"
        defaultValue={values.baseline}
        required
      />
      <FormTextField
        meta={meta("target")}
        label={t("define.target")}
        inputMode="decimal"
        defaultValue={values.target}
        required
      />
      <FormTextField
        meta={meta("moneyPerUnit")}
        label={t("define.moneyPerUnit", { currency })}
        inputMode="decimal"
        defaultValue={values.moneyPerUnit ?? ""}
        hint={t("define.moneyHint")}
      />
      <FormSelectField
        meta={meta("valuePeriod")}
        label={t("define.period")}
        defaultValue={values.valuePeriod ?? ""}
        hint={t("define.periodHint")}
        options={[{ value: "", label: t("define.periodNone") }, ...periods]}
      />
    </div>
  );
}
