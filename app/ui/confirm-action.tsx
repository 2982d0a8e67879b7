import { type FetcherWithComponents, type Form as RemixForm, useSearchParams } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "./button";

type FormLike = typeof RemixForm | FetcherWithComponents<unknown>["Form"];

/**
 * A destructive action in two steps, for screen readers and keyboards alike (unlike `confirm()`):
 * the first button opens a short inline prompt, whose own button submits. Focus moves into the
 * prompt when it opens and back to the first button when it closes (Cancel or Escape); it closes
 * after the submission.
 *
 * Before the page's JavaScript has loaded, the first button submits a GET form that adds
 * `?confirm=<id>` to the URL and the server renders the prompt open, so it works from the first click.
 */
export function ConfirmAction({
  id,
  Form,
  action,
  fields,
  label,
  accessibleLabel,
  prompt,
  confirmLabel,
  cancelLabel,
  busy,
  busyLabel,
  tone = "danger",
}: {
  /** Unique on the page (e.g. the row's id); names this prompt in the URL when JavaScript is off. */
  id: string;
  /** `Form` or a fetcher's `fetcher.Form`. */
  Form: FormLike;
  action: string;
  /** Hidden fields sent with the confirmation, e.g. `{ intent: "deactivate" }`. */
  fields: Record<string, string>;
  label: string;
  /** The trigger's name for assistive technology when `label` alone is ambiguous (it should start with `label`). */
  accessibleLabel?: string;
  prompt: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  /** What the confirm button says while the submission is under way ("Deleting…"). */
  busyLabel?: string;
  /** "neutral" for a step that only asks to be sure (marking a task done), not a destructive one. */
  tone?: "danger" | "neutral";
}) {
  const neutral = tone === "neutral";
  const [params] = useSearchParams();
  const domId = useId();
  const ids = {
    open: `${domId}open`,
    close: `${domId}close`,
    trigger: `${domId}trigger`,
    panel: `${domId}panel`,
    prompt: `${domId}prompt`,
    confirm: `${domId}confirm`,
  };
  const [open, setOpen] = useState(() => params.get("confirm") === id);
  const wasOpen = useRef(open);
  const wasBusy = useRef(false);

  useEffect(() => {
    if (open && !wasOpen.current) document.getElementById(ids.confirm)?.focus();
    else if (!open && wasOpen.current) document.getElementById(ids.trigger)?.focus();
    wasOpen.current = open;
  }, [open, ids.confirm, ids.trigger]);
  useEffect(() => {
    if (busy) wasBusy.current = true;
    else if (wasBusy.current) {
      wasBusy.current = false;
      setOpen(false);
    }
  }, [busy]);

  return (
    <div className="space-y-2">
      {/* Fallbacks for clicks before hydration: open adds ?confirm=<id>, cancel drops it. */}
      <form id={ids.open} method="get" hidden>
        <input type="hidden" name="confirm" value={id} />
      </form>
      <form id={ids.close} method="get" hidden />
      <Button
        id={ids.trigger}
        form={ids.open}
        variant={neutral ? "secondary" : "danger"}
        className="py-1.5"
        aria-expanded={open}
        aria-controls={ids.panel}
        aria-label={accessibleLabel}
        onClick={(event) => {
          event.preventDefault();
          setOpen((value) => !value);
        }}
      >
        {label}
      </Button>
      {open ? (
        <Form
          id={ids.panel}
          method="post"
          action={action}
          className={`max-w-sm space-y-2 whitespace-normal rounded-md p-3 ring-1 ring-inset ${neutral ? "bg-slate-50 ring-slate-200" : "bg-red-50 ring-red-200"}`}
          onKeyDown={(event) => {
            if (event.key === "Escape") setOpen(false);
          }}
        >
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p id={ids.prompt} className={`text-sm ${neutral ? "text-slate-800" : "text-red-900"}`}>
            {prompt}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              id={ids.confirm}
              variant={neutral ? "primary" : "danger"}
              className="py-1.5"
              disabled={busy}
              aria-busy={busy || undefined}
              aria-describedby={ids.prompt}
            >
              {busy && busyLabel ? busyLabel : confirmLabel}
            </Button>
            <Button
              form={ids.close}
              variant="ghost"
              className="py-1.5"
              onClick={(event) => {
                event.preventDefault();
                setOpen(false);
              }}
            >
              {cancelLabel}
            </Button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
