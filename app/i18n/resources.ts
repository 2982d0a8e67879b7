import advocacy from "./en/advocacy";
import auth from "./en/auth";
import common from "./en/common";
import community from "./en/community";
import mail from "./en/mail";
import people from "./en/people";
import planEditing from "./en/plan-editing";
import plans from "./en/plans";
import settings from "./en/settings";
import staff from "./en/staff";
import templates from "./en/templates";
import training from "./en/training";
import telemetry from "./en/telemetry";
import value from "./en/value";

/**
 * Every UI string, by locale and namespace. Simplified Chinese is planned: add `zh` with the same
 * shape. Messages use {{placeholders}} and _one/_other plurals, never concatenation.
 */
export const resources = {
  en: {
    common,
    auth,
    people,
    mail,
    staff,
    settings,
    plans,
    planEditing,
    templates,
    value,
    training,
    community,
    advocacy,
    telemetry,
  },
} as const;
