import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";

const control =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-inset focus:ring-brand-600";

interface FieldChrome {
  label: string;
  /** The message shown under the field when its value was refused. */
  error?: string;
  hint?: ReactNode;
}

function Chrome({ id, label, error, hint, children }: FieldChrome & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextField({
  label,
  error,
  hint,
  id,
  className = "",
  ...input
}: FieldChrome & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <Chrome id={fieldId} label={label} error={error} hint={hint}>
      <input
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, error, hint)}
        className={`${control} ${error ? "ring-red-400" : "ring-slate-300"} ${className}`}
        {...input}
      />
    </Chrome>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  id,
  className = "",
  ...textarea
}: FieldChrome & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <Chrome id={fieldId} label={label} error={error} hint={hint}>
      <textarea
        id={fieldId}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, error, hint)}
        className={`${control} ${error ? "ring-red-400" : "ring-slate-300"} ${className}`}
        {...textarea}
      />
    </Chrome>
  );
}

/** A checkbox with its label beside it, and the same hint and error as the other fields. */
export function CheckboxField({
  label,
  error,
  hint,
  id,
  ...input
}: FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <input
          id={fieldId}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(fieldId, error, hint)}
          className="mt-0.5 h-4 w-4 rounded border-slate-300 accent-brand-600 focus:ring-brand-600"
          {...input}
        />
        <label htmlFor={fieldId} className="text-sm font-medium text-slate-800">
          {label}
        </label>
      </div>
      {hint && !error ? (
        <p id={`${fieldId}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${fieldId}-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  label,
  error,
  hint,
  id,
  options,
  className = "",
  ...select
}: FieldChrome & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <Chrome id={fieldId} label={label} error={error} hint={hint}>
      <select
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, error, hint)}
        className={`${control} ${error ? "ring-red-400" : "ring-slate-300"} ${className}`}
        {...select}
      >
        <SelectOptions options={options} />
      </select>
    </Chrome>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectOptions({ options }: { options: SelectOption[] }) {
  return (
    <>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}
