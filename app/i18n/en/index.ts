import advocacy from "./advocacy";
import auth from "./auth";
import common from "./common";
import community from "./community";
import health from "./health";
import interventions from "./interventions";
import mail from "./mail";
import people from "./people";
import planEditing from "./plan-editing";
import plans from "./plans";
import settings from "./settings";
import staff from "./staff";
import templates from "./templates";
import training from "./training";
import telemetry from "./telemetry";
import value from "./value";
import revenue from "./revenue";

/** Every namespace of one language: one chunk per language in the browser (app/i18n/bundles.ts). */
export default {
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
  health,
  revenue,
  interventions,
} as const;
