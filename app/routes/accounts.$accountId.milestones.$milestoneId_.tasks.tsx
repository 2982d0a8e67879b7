import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { addTask } from "~/domain/plans/task-editing.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";
import { answer, readEdit, refuse, toPlanPage } from "./accounts.$accountId.plan/edit-answer.server";
import { resourceAction } from "~/lib/forms.server";

// The task's own fields are the domain's (TaskInputSchema); this checks only what every post must be.
const AddTaskSchema = z.object({}).passthrough();

/** A new task under a milestone (planners any; champions customer-side ones). */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.milestoneId)) notFound();
  const { submission, values } = await readEdit(request, AddTaskSchema);
  if (submission.status !== "success") return refuse(submission);
  return answer(submission, await addTask(actor, account.id, params.milestoneId, { ...values }));
}

export async function loader({ params }: LoaderFunctionArgs) {
  return toPlanPage(params.accountId);
}

export const action = resourceAction(act);
