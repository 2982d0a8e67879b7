import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { deleteTask, updateTask } from "~/domain/plans/task-editing.server";
import { toPlanPage, updateOrDelete } from "./accounts.$accountId.plan/edit-answer.server";
import { resourceAction } from "~/lib/forms.server";

/** One task: edit its details or delete it. Its status and assignee alone go to the tasks.$taskId route. */
async function act(args: ActionFunctionArgs) {
  return updateOrDelete(args, "taskId", { update: updateTask, remove: deleteTask });
}

export async function loader({ params }: LoaderFunctionArgs) {
  return toPlanPage(params.accountId);
}

export const action = resourceAction(act);
