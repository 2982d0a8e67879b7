import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "./field";
import { UseCasesField } from "./use-cases";

export interface AccountFieldValues {
  name: string;
  segmentId: string;
  industry: string;
  region: string;
  licensedSeats: number | string;
  renewalDate: string;
  csmId: string | null;
  timeZone: string;
  annualCost: number | null;
  currency: string;
  useCases: string[];
  externalId: string | null;
}

/** The commercial details of an account: shared by the create and edit forms. */
export function AccountFields({
  values,
  errors,
  segments,
  owners,
  timeZones,
  useCaseSuggestions,
}: {
  values: Partial<AccountFieldValues>;
  /** Translated messages per field. */
  errors?: Record<string, string | undefined>;
  segments: { id: string; name: string }[];
  owners: { id: string; name: string }[];
  timeZones: string[];
  /** Use cases other accounts have, offered as one-click additions. */
  useCaseSuggestions: string[];
}) {
  const { t } = useTranslation("people");
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <TextField
          label={t("accountForm.name")}
          name="name"
          defaultValue={values.name}
          required
          maxLength={120}
          error={errors?.name}
        />
      </div>
      <SelectField
        label={t("accountForm.segment")}
        name="segmentId"
        defaultValue={values.segmentId}
        hint={t("accountForm.segmentHint")}
        options={segments.map((s) => ({ value: s.id, label: s.name }))}
        error={errors?.segmentId}
      />
      <SelectField
        label={t("accountForm.csm")}
        name="csmId"
        defaultValue={values.csmId ?? ""}
        options={[{ value: "", label: t("accountForm.noCsm") }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
        error={errors?.csmId}
      />
      <TextField
        label={t("accountForm.industry")}
        name="industry"
        defaultValue={values.industry}
        required
        maxLength={80}
        error={errors?.industry}
      />
      <TextField
        label={t("accountForm.region")}
        name="region"
        defaultValue={values.region}
        required
        maxLength={80}
        error={errors?.region}
      />
      <TextField
        label={t("accountForm.seats")}
        name="licensedSeats"
        type="number"
        min={1}
        inputMode="numeric"
        defaultValue={values.licensedSeats}
        required
        error={errors?.licensedSeats}
      />
      <TextField
        label={t("accountForm.renewal")}
        name="renewalDate"
        type="date"
        defaultValue={values.renewalDate}
        required
        error={errors?.renewalDate}
      />
      <TextField
        label={t("accountForm.annualCost")}
        name="annualCost"
        inputMode="decimal"
        defaultValue={values.annualCost ?? ""}
        hint={t("accountForm.annualCostHint")}
        error={errors?.annualCost}
      />
      <TextField
        label={t("accountForm.currency")}
        name="currency"
        defaultValue={values.currency ?? "USD"}
        maxLength={3}
        autoCapitalize="characters"
        hint={t("accountForm.currencyHint")}
        error={errors?.currency}
      />
      <TextField
        label={t("accountForm.externalId")}
        name="externalId"
        defaultValue={values.externalId ?? ""}
        maxLength={100}
        autoComplete="off"
        hint={t("accountForm.externalIdHint")}
        error={errors?.externalId}
      />
      <div className="sm:col-span-2">
        <SelectField
          label={t("accountForm.timeZone")}
          name="timeZone"
          defaultValue={values.timeZone ?? "UTC"}
          hint={t("accountForm.timeZoneHint")}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
          error={errors?.timeZone}
        />
      </div>
      <div className="sm:col-span-2">
        <UseCasesField defaultValue={values.useCases ?? []} suggestions={useCaseSuggestions} error={errors?.useCases} />
      </div>
    </div>
  );
}
