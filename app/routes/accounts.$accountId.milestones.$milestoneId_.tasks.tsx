import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { addTask } from "~/domain/plans/task-editing.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";
import { answer, toPlanPage } from "./accounts.$accountId.plan/edit-answer.server";

/** A new task under a milestone (planners any; champions customer-side ones). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.milestoneId)) notFound();
  const values = Object.fromEntries(await request.formData());
  return answer(await addTask(actor, account.id, params.milestoneId, { ...values }));
}

export async function loader({ params }: LoaderFunctionArgs) {
  return toPlanPage(params.accountId);
}
