import { useId } from "react";

/** A labelled checkbox with an optional hint, in the shared look. */
export function CheckboxField({ label, hint, name, defaultChecked }: { label: string; hint?: string; name: string; defaultChecked?: boolean }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} aria-describedby={hint ? `${id}-hint` : undefined} className="mt-1 h-4 w-4 accent-brand-600" />
      <div>
        <label htmlFor={id} className="text-sm text-slate-800">{label}</label>
        {hint ? <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p> : null}
      </div>
    </div>
  );
}
