import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { deleteOutcome, updateOutcome } from "~/domain/plans/outcome-editing.server";
import { VersionSchema } from "~/domain/plans/plan-edit-rules";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";
import { answer, refuse, toPlanPage } from "./accounts.$accountId.plan/edit-answer.server";

const ControlSchema = z.object({ intent: z.enum(["update", "delete"]), version: VersionSchema });

/** One outcome of a plan: edit it or delete it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.outcomeId)) notFound();
  const values = Object.fromEntries(await request.formData());
  const control = ControlSchema.safeParse(values);
  if (!control.success) return refuse(control.error);
  const { intent, version } = control.data;
  return answer(
    intent === "delete"
      ? await deleteOutcome(actor, account.id, params.outcomeId, { expectedVersion: version })
      : await updateOutcome(actor, account.id, params.outcomeId, { ...values, expectedVersion: version }),
  );
}

export async function loader({ params }: LoaderFunctionArgs) {
  return toPlanPage(params.accountId);
}
