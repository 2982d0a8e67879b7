import { z } from "zod";
import { textField } from "~/lib/forms";
import { MAX_EVENT_NAME_LENGTH } from "./limits";

export const MAX_KEY_FEATURES = 50;
const MAX_FEATURE_NAME_LENGTH = 80;
const MAX_PROPERTY_KEY_LENGTH = 100;
const MAX_PROPERTY_VALUE_LENGTH = 200;

const E = "telemetry:keyFeatures.errors";

/**
 * A key feature as an admin defines it: a name, the tracked event, an optional filter on one
 * top-level property (`key` = `value`, compared as text, so `true` and `42` match a boolean and a
 * number) and an optional segment. A half-filled filter is refused next to its empty half.
 */
export const KeyFeatureInputSchema = z
  .object({
    name: textField({ max: MAX_FEATURE_NAME_LENGTH, required: `${E}.nameRequired`, tooLong: `${E}.nameTooLong` }),
    event: textField({ max: MAX_EVENT_NAME_LENGTH, required: `${E}.eventRequired`, tooLong: `${E}.eventTooLong` }),
    propertyKey: textField({ max: MAX_PROPERTY_KEY_LENGTH, tooLong: `${E}.propertyKeyTooLong` }).refine(
      (key) => !key.includes("."),
      `${E}.propertyKeyNested`,
    ),
    propertyValue: textField({ max: MAX_PROPERTY_VALUE_LENGTH, tooLong: `${E}.propertyValueTooLong` }),
    segmentId: textField({ max: 40 }),
  })
  .superRefine((input, ctx) => {
    if (input.propertyKey && !input.propertyValue) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["propertyValue"], message: `${E}.propertyValueRequired` });
    }
    if (input.propertyValue && !input.propertyKey) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["propertyKey"], message: `${E}.propertyKeyRequired` });
    }
  })
  .transform((input) => ({
    name: input.name,
    event: input.event,
    propertyKey: input.propertyKey || null,
    propertyValue: input.propertyKey ? input.propertyValue : null,
    segmentId: input.segmentId || null,
  }));

export type KeyFeatureInput = z.output<typeof KeyFeatureInputSchema>;
