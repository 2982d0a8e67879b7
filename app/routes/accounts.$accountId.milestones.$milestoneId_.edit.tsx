import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { deleteMilestone, updateMilestone } from "~/domain/plans/milestone-editing.server";
import { VersionSchema } from "~/domain/plans/plan-edit-rules";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";
import { answer, readEdit, refuse, toPlanPage } from "./accounts.$accountId.plan/edit-answer.server";
import { resourceAction } from "~/lib/forms.server";

const ControlSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update"), version: VersionSchema }),
  // How many tasks the person was told go with it.
  z.object({ intent: z.literal("delete"), version: VersionSchema, taskCount: z.coerce.number().int().min(0) }),
]);

/** One milestone of a plan: edit it or delete it (with its tasks). Its sign-off lives in the milestones.$milestoneId route. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.milestoneId)) notFound();
  const { submission, values } = await readEdit(request, ControlSchema);
  if (submission.status !== "success") return refuse(submission);
  const input = submission.value;
  return answer(
    submission,
    input.intent === "delete"
      ? await deleteMilestone(actor, account.id, params.milestoneId, {
          expectedVersion: input.version,
          taskCount: input.taskCount,
        })
      : await updateMilestone(actor, account.id, params.milestoneId, {
          ...values,
          expectedVersion: input.version,
        }),
  );
}

export async function loader({ params }: LoaderFunctionArgs) {
  return toPlanPage(params.accountId);
}

export const action = resourceAction(act);
