import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FormSelectField, FormTextField, useFormMessage } from "./form";
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
  currency: string;
  useCases: string[];
  externalId: string | null;
}

/** The commercial details of an account: shared by the create and edit forms. */
export function AccountFields({
  values,
  fields,
  segments,
  owners,
  timeZones,
  useCaseSuggestions,
}: {
  values: Partial<AccountFieldValues>;
  /** The form's conform metadata of each field (its name, what was typed, its error). */
  fields: Record<string, FieldMetadata<unknown, Record<string, unknown>, string[]>>;
  segments: { id: string; name: string }[];
  owners: { id: string; name: string }[];
  timeZones: string[];
  /** Use cases other accounts have, offered as one-click additions. */
  useCaseSuggestions: string[];
}) {
  const { t } = useTranslation("people");
  const message = useFormMessage();
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormTextField
          meta={fields.name}
          label={t("accountForm.name")}
          defaultValue={values.name}
          required
          maxLength={120}
        />
      </div>
      <FormSelectField
        meta={fields.segmentId}
        label={t("accountForm.segment")}
        defaultValue={values.segmentId}
        hint={t("accountForm.segmentHint")}
        options={segments.map((s) => ({ value: s.id, label: s.name }))}
      />
      <FormSelectField
        meta={fields.csmId}
        label={t("accountForm.csm")}
        defaultValue={values.csmId ?? ""}
        options={[{ value: "", label: t("accountForm.noCsm") }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <FormTextField
        meta={fields.industry}
        label={t("accountForm.industry")}
        defaultValue={values.industry}
        required
        maxLength={80}
      />
      <FormTextField
        meta={fields.region}
        label={t("accountForm.region")}
        defaultValue={values.region}
        required
        maxLength={80}
      />
      <FormTextField
        meta={fields.licensedSeats}
        label={t("accountForm.seats")}
        type="number"
        min={1}
        inputMode="numeric"
        defaultValue={values.licensedSeats}
        required
      />
      <FormTextField
        meta={fields.renewalDate}
        label={t("accountForm.renewal")}
        type="date"
        defaultValue={values.renewalDate}
        required
      />
      <FormTextField
        meta={fields.currency}
        label={t("accountForm.currency")}
        defaultValue={values.currency ?? "USD"}
        maxLength={3}
        autoCapitalize="characters"
        hint={t("accountForm.currencyHint")}
      />
      <FormTextField
        meta={fields.externalId}
        label={t("accountForm.externalId")}
        defaultValue={values.externalId ?? ""}
        maxLength={100}
        autoComplete="off"
        hint={t("accountForm.externalIdHint")}
      />
      <div className="sm:col-span-2">
        <FormSelectField
          meta={fields.timeZone}
          label={t("accountForm.timeZone")}
          defaultValue={values.timeZone ?? "UTC"}
          hint={t("accountForm.timeZoneHint")}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
        />
      </div>
      <div className="sm:col-span-2">
        <UseCasesField
          defaultValue={values.useCases ?? []}
          suggestions={useCaseSuggestions}
          error={message(fields.useCases.errors)}
        />
      </div>
    </div>
  );
}
