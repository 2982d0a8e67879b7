import { type SelectHTMLAttributes, useId } from "react";
import { SelectOptions } from "./field";

/**
 * A select for a table row, where a visible label would repeat on every line: the label is still
 * there for screen readers (visually hidden), so every control keeps a name.
 */
export function CompactSelect({
  label,
  options,
  id,
  className = "",
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; options: { value: string; label: string }[] }) {
  const generated = useId();
  const fieldId = id ?? generated;
  // `relative` keeps the visually hidden (absolutely positioned) label inside a scrolling table;
  // without it the label escapes the scroll container and widens the whole page on a phone.
  return (
    <span className="relative inline-block">
      <label htmlFor={fieldId} className="sr-only">
        {label}
      </label>
      <select
        id={fieldId}
        className={`block rounded-md border-0 bg-white py-1.5 pl-2.5 pr-8 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 ${className}`}
        {...select}
      >
        <SelectOptions options={options} />
      </select>
    </span>
  );
}
