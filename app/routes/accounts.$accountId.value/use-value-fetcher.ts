import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { FormReply } from "~/lib/forms";
import { useFormMessage } from "~/ui/form";

type ValueAnswer = { ok: true; id: string } | { ok?: undefined; form: FormReply };

/**
 * A fetcher for one value form: its field messages in the person's language, the form-level error
 * (a stale edit, a vanished metric), and the form cleared after a successful submission.
 */
export function useValueFetcher({ resetOnSuccess = true } = {}) {
  const message = useFormMessage();
  const fetcher = useFetcher<ValueAnswer>();
  const formRef = useRef<HTMLFormElement>(null);
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  useEffect(() => {
    if (resetOnSuccess && fetcher.state === "idle" && fetcher.data?.ok) formRef.current?.reset();
  }, [resetOnSuccess, fetcher.state, fetcher.data]);

  const errors = answer && !answer.ok ? (answer.form.error ?? {}) : {};
  const messages: Record<string, string | undefined> = {};
  for (const [field, keys] of Object.entries(errors)) if (field) messages[field] = message(keys ?? undefined);
  const formError = message(errors[""] ?? undefined) ?? null;
  return { fetcher, formRef, messages, formError, busy: fetcher.state !== "idle", succeeded: answer?.ok === true };
}
