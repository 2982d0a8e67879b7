import { useNavigation } from "@remix-run/react";

/**
 * The `intent` of the form being submitted right now, or null: what a page with several forms
 * needs to show the right button as busy. The only place the browser reads a form's intent.
 */
export function usePendingIntent(): string | null {
  const navigation = useNavigation();
  if (navigation.state !== "submitting") return null;
  const intent = navigation.formData?.get("intent");
  return typeof intent === "string" ? intent : null;
}
