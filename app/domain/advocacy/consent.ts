import { z } from "zod";
import type { ConsentScope } from "~db/schema";

/** What a person may allow to be used, and where. */
export const CONSENT_USES = ["name", "title", "company", "logo", "quote", "metrics"] as const;
export const CONSENT_SCOPES = ["internal", "sales", "public"] as const satisfies readonly ConsentScope[];

/** The accept form: at least one use, one scope. */
export const ConsentInputSchema = z.object({
  uses: z
    .array(z.enum(CONSENT_USES, { message: "advocacy.usesRequired" }), { message: "advocacy.usesRequired" })
    .min(1, "advocacy.usesRequired"),
  scope: z.enum(CONSENT_SCOPES, { message: "advocacy.scopeRequired" }),
});
export type ConsentInput = z.infer<typeof ConsentInputSchema>;
