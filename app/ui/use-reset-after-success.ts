import { useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { usePendingIntent } from "./use-pending-intent";

/**
 * A form that posts to its own page stays mounted after the action redirects back, so its fields
 * keep what was typed. This clears the form once a submission with `intent` finished without
 * action data (the action redirected: success). Returns the ref for the <Form>.
 */
export function useResetAfterSuccess(intent: string, actionData: unknown) {
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const submitted = useRef(false);
  const submitting = usePendingIntent() === intent;

  useEffect(() => {
    if (submitting) submitted.current = true;
    else if (navigation.state === "idle" && submitted.current) {
      submitted.current = false;
      if (!actionData) formRef.current?.reset();
    }
  }, [submitting, navigation.state, actionData]);

  return formRef;
}
