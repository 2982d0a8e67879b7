import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useFieldError } from "~/ui/use-field-error";

type ValueAnswer = { ok: boolean; id?: string; fieldErrors: Record<string, string | undefined>; formError?: string };

/**
 * A fetcher for one value form: its field messages in the person's language, the form-level error
 * (a stale edit, a vanished metric), and the form cleared after a successful submission.
 */
export function useValueFetcher({ resetOnSuccess = true } = {}) {
  const { t } = useTranslation("value");
  const fieldError = useFieldError();
  const fetcher = useFetcher<ValueAnswer>();
  const formRef = useRef<HTMLFormElement>(null);
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  useEffect(() => {
    if (resetOnSuccess && fetcher.state === "idle" && fetcher.data?.ok) formRef.current?.reset();
  }, [resetOnSuccess, fetcher.state, fetcher.data]);

  const messages: Record<string, string | undefined> = {};
  for (const [field, code] of Object.entries(answer?.fieldErrors ?? {})) messages[field] = fieldError(code);
  const formError = answer?.formError
    ? t(`errors.${answer.formError as "stale"}`, { defaultValue: t("errors.forbidden") })
    : null;
  return { fetcher, formRef, messages, formError, busy: fetcher.state !== "idle", succeeded: answer?.ok === true };
}
