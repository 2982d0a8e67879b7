import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { addMilestone } from "~/domain/plans/milestone-editing.server";
import { addOutcome } from "~/domain/plans/outcome-editing.server";
import { VersionSchema } from "~/domain/plans/plan-edit-rules";
import { makePlanCurrent, renamePlan } from "~/domain/plans/plan-editing.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";
import { answer, readEdit, refuse, toPlanPage } from "./accounts.$accountId.plan/edit-answer.server";
import { resourceAction } from "~/lib/forms.server";

const ControlSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rename"), version: VersionSchema }),
  z.object({ intent: z.literal("make_current") }),
  z.object({ intent: z.literal("add_outcome") }),
  z.object({ intent: z.literal("add_milestone") }),
]);

/** One plan of the account: rename it, make it the current one, add an outcome or a milestone to it. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.planId)) notFound();
  const { submission, values } = await readEdit(request, ControlSchema);
  if (submission.status !== "success") return refuse(submission);
  const input = submission.value;
  switch (input.intent) {
    case "rename":
      return answer(
        submission,
        await renamePlan(actor, account.id, params.planId, { name: values.name, expectedVersion: input.version }),
      );
    case "make_current":
      return answer(submission, await makePlanCurrent(actor, account.id, params.planId));
    case "add_outcome":
      return answer(submission, await addOutcome(actor, account.id, params.planId, values));
    case "add_milestone":
      return answer(submission, await addMilestone(actor, account.id, params.planId, { ...values }));
  }
}

export async function loader({ params }: LoaderFunctionArgs) {
  return toPlanPage(params.accountId);
}

export const action = resourceAction(act);
