import auth from "./en/auth";
import common from "./en/common";
import mail from "./en/mail";
import people from "./en/people";

/**
 * Every UI string, by locale and namespace. Simplified Chinese is planned: add `zh` with the same
 * shape. Messages use {{placeholders}} and _one/_other plurals, never concatenation.
 */
export const resources = {
  en: { common, auth, people, mail },
} as const;
