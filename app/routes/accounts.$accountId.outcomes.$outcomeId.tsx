import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { deleteOutcome, updateOutcome } from "~/domain/plans/outcome-editing.server";
import { toPlanPage, updateOrDelete } from "./accounts.$accountId.plan/edit-answer.server";
import { resourceAction } from "~/lib/forms.server";

/** One outcome of a plan: edit it or delete it. */
async function act(args: ActionFunctionArgs) {
  return updateOrDelete(args, "outcomeId", { update: updateOutcome, remove: deleteOutcome });
}

export async function loader({ params }: LoaderFunctionArgs) {
  return toPlanPage(params.accountId);
}

export const action = resourceAction(act);
