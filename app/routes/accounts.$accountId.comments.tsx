import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { addComment } from "~/domain/plans/comments.server";
import { idField } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";

const CommentSchema = z.object({
  subjectType: z.enum(["milestone", "task"]),
  subjectId: idField(),
  // Emptiness and length are the domain's rules (its "empty" and "too_long" refusals).
  body: z.string().default(""),
  internal: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});

/** A comment on a milestone or task of this account's plan. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  const parsed = await readSubmission(request, CommentSchema);
  if (!parsed.ok) return parsed.answer;
  const result = await addComment(actor, account.id, parsed.data);
  if (!result.ok) return refuse(parsed.submission, "comment", result.error);
  return { form: null, id: result.id };
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/plan`);
}

export const action = resourceAction(act);
