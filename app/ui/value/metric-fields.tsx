import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "~/ui/field";

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
  errors,
  outcomes,
  currency,
}: {
  values: Partial<MetricFieldValues>;
  /** Translated messages per field. */
  errors: Record<string, string | undefined>;
  /** Outcomes to choose from; with one, the choice is a hidden field. */
  outcomes: { id: string; title: string }[];
  currency: string;
}) {
  const { t } = useTranslation("value");
  const periods = (["week", "month", "quarter", "year"] as const).map((period) => ({
    value: period,
    label: t(`define.periods.${period}`),
  }));
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {outcomes.length > 1 ? (
        <div className="sm:col-span-2">
          <SelectField
            label={t("define.outcome")}
            name="outcomeId"
            defaultValue={values.outcomeId}
            options={outcomes.map((outcome) => ({ value: outcome.id, label: outcome.title }))}
            error={errors.outcomeId}
          />
        </div>
      ) : (
        <input type="hidden" name="outcomeId" value={values.outcomeId ?? outcomes[0]?.id ?? ""} />
      )}
      <TextField
        label={t("define.name")}
        name="name"
        defaultValue={values.name}
        placeholder={t("define.namePlaceholder")}
        maxLength={120}
        required
        error={errors.name ?? (outcomes.length > 1 ? undefined : errors.outcomeId)}
      />
      <TextField
        label={t("define.unit")}
        name="unit"
        defaultValue={values.unit}
        placeholder={t("define.unitPlaceholder")}
        maxLength={30}
        required
        error={errors.unit}
      />
      <SelectField
        label={t("define.direction")}
        name="direction"
        defaultValue={values.direction ?? "up"}
        options={[
          { value: "up", label: t("metric.direction.up") },
          { value: "down", label: t("metric.direction.down") },
        ]}
        error={errors.direction}
      />
      <div className="hidden sm:block" />
      <TextField
        label={t("define.baseline")}
        name="baseline"
        inputMode="decimal"
        defaultValue={values.baseline}
        required
        error={errors.baseline}
      />
      <TextField
        label={t("define.target")}
        name="target"
        inputMode="decimal"
        defaultValue={values.target}
        required
        error={errors.target}
      />
      <TextField
        label={t("define.moneyPerUnit", { currency })}
        name="moneyPerUnit"
        inputMode="decimal"
        defaultValue={values.moneyPerUnit ?? ""}
        hint={t("define.moneyHint")}
        error={errors.moneyPerUnit}
      />
      <SelectField
        label={t("define.period")}
        name="valuePeriod"
        defaultValue={values.valuePeriod ?? ""}
        hint={t("define.periodHint")}
        options={[{ value: "", label: t("define.periodNone") }, ...periods]}
        error={errors.valuePeriod}
      />
    </div>
  );
}
