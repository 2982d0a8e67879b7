import { type FieldMetadata, type FormMetadata, getFormProps } from "@conform-to/react";
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { FormReply } from "~/lib/forms";
import { CheckboxField, SelectField, type SelectOption, TextAreaField, TextField } from "./field";
import { Alert } from "./layout";

/**
 * Fields of the form pipeline (`~/lib/forms`): each takes conform's metadata for its field, so
 * its name, id, what was typed before a refusal and its error — translated, next to it, tied with
 * aria-invalid and aria-describedby — come from the one `useForm` of the form.
 */

/** Turns the pipeline's message keys into the person's language: "email.invalid" or "plans:actions.errors.stale". */
export function useFormMessage() {
  const { t } = useTranslation();
  return (keys: string[] | undefined, values?: Record<string, unknown>): string | undefined => {
    const key = keys?.[0];
    if (!key) return undefined;
    // The keys come from schemas and ~/lib/errors, checked by their tests, not by the type of `t`.
    const translate = t as unknown as (key: string, options: Record<string, unknown>) => string;
    const fallback = t("fields.field.required");
    return key.includes(":")
      ? translate(key, { ...values, defaultValue: fallback })
      : translate(`fields.${key}`, { ...values, defaultValue: fallback });
  };
}

/** A reply that clears the form: its errors and what was typed. */
const RESET_REPLY: FormReply = { initialValue: null };

/**
 * The reply for `useForm({ lastResult })`. conform keeps a form's last errors when `lastResult`
 * goes away, so a page that stays mounted after a success (a redirect back to itself, a fetcher's
 * `{ ok: true }`) would still show the refusal before it; this answers a reset then instead.
 */
export function useFormReply(reply: FormReply | null | undefined): FormReply | undefined {
  const [replied, setReplied] = useState(false);
  useEffect(() => {
    if (reply) setReplied(true);
  }, [reply]);
  return reply ?? (replied ? RESET_REPLY : undefined);
}

/** `<form>` props of a conform form: its id, noValidate (errors are ours, not the browser's) and onSubmit. */
export function formProps(form: FormMetadata<Record<string, unknown>, string[]>) {
  return getFormProps(form);
}

/** The refusal of the whole form (a stale version, an unknown intent), announced above its fields. */
export function FormErrors({
  form,
  values,
}: {
  form: FormMetadata<Record<string, unknown>, string[]>;
  /** Interpolations the messages of this form may use (e.g. the rate limit's window in minutes). */
  values?: Record<string, unknown>;
}) {
  const message = useFormMessage()(form.errors, values);
  return message ? (
    <div id={form.errorId}>
      <Alert tone="error">{message}</Alert>
    </div>
  ) : null;
}

type Meta = FieldMetadata<unknown, Record<string, unknown>, string[]>;

interface PipelineField {
  meta: Meta;
  label: string;
  hint?: ReactNode;
}

function initialText(meta: Meta): string | undefined {
  return typeof meta.initialValue === "string" ? meta.initialValue : undefined;
}

export function FormTextField({
  meta,
  defaultValue,
  ...input
}: PipelineField & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "form">) {
  const message = useFormMessage()(meta.errors);
  return (
    <TextField
      key={meta.key}
      id={meta.id}
      name={meta.name}
      form={meta.formId}
      // A controlled field (`value`) takes no default: React refuses both.
      defaultValue={input.value === undefined ? (initialText(meta) ?? defaultValue) : undefined}
      error={message}
      {...input}
    />
  );
}

export function FormTextAreaField({
  meta,
  defaultValue,
  ...textarea
}: PipelineField & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "form">) {
  const message = useFormMessage()(meta.errors);
  return (
    <TextAreaField
      key={meta.key}
      id={meta.id}
      name={meta.name}
      form={meta.formId}
      defaultValue={initialText(meta) ?? defaultValue}
      error={message}
      {...textarea}
    />
  );
}

export function FormSelectField({
  meta,
  defaultValue,
  ...select
}: PipelineField &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id" | "form"> & { options: SelectOption[] }) {
  const message = useFormMessage()(meta.errors);
  return (
    <SelectField
      key={meta.key}
      id={meta.id}
      name={meta.name}
      form={meta.formId}
      defaultValue={select.value === undefined ? (initialText(meta) ?? defaultValue) : undefined}
      error={message}
      {...select}
    />
  );
}

export function FormCheckboxField({
  meta,
  defaultChecked,
  ...input
}: PipelineField & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "form" | "type">) {
  const message = useFormMessage()(meta.errors);
  const typed = meta.initialValue;
  return (
    <CheckboxField
      key={meta.key}
      id={meta.id}
      name={meta.name}
      form={meta.formId}
      defaultChecked={typed === undefined ? defaultChecked : typed === (input.value ?? "on")}
      error={message}
      {...input}
    />
  );
}

/**
 * The message of a fetcher's refused submission (the form's own, else its first field's), for the
 * small inline forms that show one message under their buttons.
 */
export function useReplyMessage(answer: { form?: FormReply | null } | null | undefined): string | undefined {
  const message = useFormMessage();
  const errors = answer?.form?.error;
  if (!errors) return undefined;
  return message(errors[""] ?? Object.values(errors).find((keys) => keys && keys.length > 0) ?? undefined);
}
