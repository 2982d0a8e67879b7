import { useFetcher } from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { FetcherAnswer } from "~/lib/forms";
import { useFormMessage } from "~/ui/form";
import { Button, buttonClass } from "~/ui/button";
import { ConfirmAction } from "~/ui/confirm-action";
import { Alert } from "~/ui/layout";

/**
 * A fetcher for one of the plan-editing routes, with the refusal turned into words: a message per
 * field (next to it) and one for the form (a stale version, a vanished item). `onSuccess` runs
 * once each time a submission is accepted, e.g. to close the disclosure and clear the form.
 */
export function useEditFetcher(onSuccess?: () => void) {
  const message = useFormMessage();
  const fetcher = useFetcher<FetcherAnswer>();
  const busy = fetcher.state !== "idle";
  const wasBusy = useRef(false);
  const succeeded = useRef(onSuccess);
  succeeded.current = onSuccess;
  useEffect(() => {
    if (busy) wasBusy.current = true;
    else if (wasBusy.current) {
      wasBusy.current = false;
      if (fetcher.data?.ok) succeeded.current?.();
    }
  }, [busy, fetcher.data]);

  const refusal = !busy && fetcher.data && !fetcher.data.ok ? fetcher.data.form.error : undefined;
  const fieldError = (name: string) => message(refusal?.[name] ?? undefined);
  const formError = message(refusal?.[""] ?? undefined);
  return { fetcher, busy, fieldError, formError };
}

/** The form-level message of a refused edit, announced when it appears. */
export function FormError({ message }: { message: string | undefined }) {
  return message ? <Alert tone="error">{message}</Alert> : null;
}

/**
 * An inline editor behind a button-like summary: a native <details>, so it opens with the keyboard
 * and works before the page's JavaScript has loaded. `close()` folds it and returns focus to the summary.
 */
export function useDisclosure() {
  const ref = useRef<HTMLDetailsElement>(null);
  const close = () => {
    if (!ref.current) return;
    ref.current.open = false;
    ref.current.querySelector("summary")?.focus();
  };
  return { ref, close };
}

export function Disclosure({
  summary,
  accessibleSummary,
  disclosure,
  children,
  variant = "secondary",
}: {
  summary: string;
  /** The summary's fuller text for screen readers, when `summary` alone is ambiguous (it should start with `summary`). */
  accessibleSummary?: string;
  disclosure: ReturnType<typeof useDisclosure>;
  children: ReactNode;
  variant?: "secondary" | "ghost";
}) {
  return (
    <details ref={disclosure.ref} className="group w-full">
      <summary
        aria-label={accessibleSummary}
        className={buttonClass(variant, "cursor-pointer list-none py-1.5 [&::-webkit-details-marker]:hidden")}
      >
        {summary}
      </summary>
      <div className="mt-2 max-w-xl whitespace-normal rounded-md bg-slate-50 p-3 text-left ring-1 ring-inset ring-slate-200">
        {children}
      </div>
    </details>
  );
}

type FieldError = (name: string) => string | undefined;

/**
 * "Add …" on the plan: a blank form behind a disclosure, which clears and folds itself once the
 * new item is saved (and keeps what was typed when it is refused).
 */
export function AddDisclosure({
  summary,
  accessibleSummary,
  action,
  intent,
  submitLabel,
  fields,
}: {
  summary: string;
  accessibleSummary?: string;
  action: string;
  intent?: string;
  submitLabel: string;
  fields: (fieldError: FieldError) => ReactNode;
}) {
  const { t } = useTranslation("planEditing");
  const disclosure = useDisclosure();
  const form = useRef<HTMLFormElement>(null);
  const { fetcher, busy, fieldError, formError } = useEditFetcher(() => {
    form.current?.reset();
    disclosure.close();
  });
  return (
    <Disclosure summary={summary} accessibleSummary={accessibleSummary} disclosure={disclosure}>
      <fetcher.Form ref={form} method="post" action={action} noValidate className="space-y-3">
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        <FormError message={formError} />
        {fields(fieldError)}
        <Button disabled={busy}>{busy ? t("saving") : submitLabel}</Button>
      </fetcher.Form>
    </Disclosure>
  );
}

/**
 * "Edit" on an outcome, milestone or task: its fields, and deleting it behind a confirmation. The
 * form is keyed by version, so after any change (here or by someone else) the fields start again
 * from what is saved; both forms send the version they were shown, and a stale one is refused.
 */
export function EditDisclosure({
  kind,
  item,
  action,
  fields,
  footnote,
  deletion,
}: {
  kind: "outcome" | "milestone" | "task";
  item: { id: string; title: string; version: number };
  action: string;
  fields: (fieldError: FieldError) => ReactNode;
  footnote?: string;
  /** What the delete confirmation says, and anything else it sends; none: the viewer may not delete. */
  deletion: { prompt: string; fields?: Record<string, string> } | null;
}) {
  const { t } = useTranslation("planEditing");
  const disclosure = useDisclosure();
  const edit = useEditFetcher(disclosure.close);
  const remove = useEditFetcher();
  return (
    <Disclosure
      summary={t("edit")}
      accessibleSummary={t("editFor", { title: item.title })}
      disclosure={disclosure}
      variant="ghost"
    >
      <edit.fetcher.Form key={item.version} method="post" action={action} noValidate className="space-y-3">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={item.version} />
        <FormError message={edit.formError} />
        {fields(edit.fieldError)}
        {footnote ? <p className="text-xs text-slate-500">{footnote}</p> : null}
        <Button disabled={edit.busy}>{edit.busy ? t("saving") : t("save")}</Button>
      </edit.fetcher.Form>
      {deletion ? (
        <div className="mt-4 border-t border-slate-200 pt-3">
          <FormError message={remove.formError} />
          <ConfirmAction
            id={`delete-${kind}-${item.id}`}
            Form={remove.fetcher.Form}
            action={action}
            fields={{ intent: "delete", version: String(item.version), ...deletion.fields }}
            label={t("delete")}
            accessibleLabel={t("deleteFor", { title: item.title })}
            prompt={deletion.prompt}
            confirmLabel={t("delete")}
            cancelLabel={t("cancel")}
            busy={remove.busy}
          />
        </div>
      ) : null}
    </Disclosure>
  );
}
