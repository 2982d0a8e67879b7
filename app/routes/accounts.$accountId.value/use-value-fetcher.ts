import { useForm } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { FormReply } from "~/lib/forms";
import { useFormMessage, useFormReply } from "~/ui/form";

type ValueAnswer = { ok: true; id: string } | { ok?: undefined; form: FormReply };

/**
 * A fetcher for one value form with its conform form (`form`, `fields` for the Form* fields), the
 * form-level error (a stale edit, a vanished metric), and the form cleared after a successful submission.
 */
export function useValueFetcher({ resetOnSuccess = true } = {}) {
  const message = useFormMessage();
  const fetcher = useFetcher<ValueAnswer>();
  const formRef = useRef<HTMLFormElement>(null);
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  useEffect(() => {
    if (resetOnSuccess && fetcher.state === "idle" && fetcher.data?.ok) formRef.current?.reset();
  }, [resetOnSuccess, fetcher.state, fetcher.data]);

  const reply = answer && !answer.ok ? answer.form : undefined;
  const [form, fields] = useForm({ lastResult: useFormReply(reply) });
  const formError = message(reply?.error?.[""] ?? undefined) ?? null;
  return { fetcher, formRef, form, fields, formError, busy: fetcher.state !== "idle", succeeded: answer?.ok === true };
}
