import { z } from "zod";
import { supportedLocales } from "~/i18n/locales";

/** An invite form's language: one of ours, or empty for "their browser's". Anything else is field.invalid. */
export const InviteeLocaleSchema = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.enum(supportedLocales, { errorMap: () => ({ message: "field.invalid" }) }).optional(),
);
