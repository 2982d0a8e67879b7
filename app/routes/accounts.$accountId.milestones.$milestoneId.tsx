import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { OPEN_TASKS_REASON_MAX, signOffMilestone, withdrawSignOff } from "~/domain/plans/milestone-actions.server";
import { textField } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const SignOffSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("withdraw") }),
  z.object({
    intent: z.literal("sign_off"),
    rating: z.preprocess(
      (value) => (value === "" || value === undefined ? null : value),
      z.coerce.number({ invalid_type_error: "plans:signOff.errors.invalid_rating" }).int().nullable(),
    ),
    ratingComment: textField({ max: 1000, tooLong: "plans:signOff.errors.invalid_rating" }),
    openTasksReason: textField({ max: OPEN_TASKS_REASON_MAX, tooLong: "plans:signOff.errors.reason_too_long" }),
  }),
]);

/** The joint sign-off of a milestone: each side signs (the champion may rate), or withdraws its signature. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.milestoneId)) notFound();
  const parsed = await readSubmission(request, SignOffSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  const result =
    input.intent === "withdraw"
      ? await withdrawSignOff(actor, account.id, params.milestoneId)
      : await signOffMilestone(actor, account.id, params.milestoneId, {
          rating: input.rating,
          ratingComment: input.ratingComment || null,
          openTasksReason: input.openTasksReason || null,
        });
  if (!result.ok)
    return refuse(
      parsed.submission,
      "milestone",
      result.error,
      result.error === "open_tasks" ? "openTasksReason" : undefined,
    );
  return { form: null, achieved: "achieved" in result ? result.achieved : false };
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/plan`);
}

export const action = resourceAction(act);
