import { useFetcher } from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { EditAnswer } from "~/domain/plans/plan-edit-rules";
import { buttonClass } from "~/ui/button";
import { Alert } from "~/ui/layout";

/**
 * A fetcher for one of the plan-editing routes, with the refusal turned into words: a message per
 * field (next to it) and one for the form (a stale version, a vanished item). `onSuccess` runs
 * once each time a submission is accepted, e.g. to close the disclosure and clear the form.
 */
export function useEditFetcher(onSuccess?: () => void) {
  const { t } = useTranslation("planEditing");
  const fetcher = useFetcher<EditAnswer>();
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

  const refusal = !busy && fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const fieldError = (name: string) => {
    const code = refusal?.fieldErrors[name];
    return code ? (t(`fields.${code}` as "fields.field.required", { defaultValue: t("fields.field.required") }) as string) : undefined;
  };
  const formError = refusal ? t(`errors.${refusal.error}`) : undefined;
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
      <summary aria-label={accessibleSummary} className={buttonClass(variant, "cursor-pointer list-none py-1.5 [&::-webkit-details-marker]:hidden")}>
        {summary}
      </summary>
      <div className="mt-2 max-w-xl whitespace-normal rounded-md bg-slate-50 p-3 text-left ring-1 ring-inset ring-slate-200">{children}</div>
    </details>
  );
}
