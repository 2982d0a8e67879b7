import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { Actor } from "~/domain/auth/actor";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { type EditResult, VersionSchema } from "~/domain/plans/plan-edit-rules";
import { errorMessageKey, errorStatus } from "~/lib/errors";
import { type FetcherAnswer, type FormSubmission, parseSubmission, replyTo } from "~/lib/forms";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";

type EditAnswer = FetcherAnswer;

/**
 * Parses a plan-editing post: its intent and version here, the item's fields by the domain
 * function (whose schema owns them); every field still goes through the pipeline's NUL check.
 */
export async function readEdit<Schema extends z.ZodTypeAny>(request: Request, control: Schema) {
  const formData = await request.formData().catch(() => new FormData());
  const submission = parseSubmission(formData, control);
  const values = Object.fromEntries(
    Object.entries(submission.payload).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  return { submission, values };
}

/**
 * The answer of a domain edit: `{ ok: true }`, or the refusal with its status from `~/lib/errors`
 * and its messages per field (plan-editing keys) and for the form.
 */
export function answer(submission: FormSubmission<unknown>, result: EditResult) {
  if (result.ok) return data<EditAnswer>({ ok: true });
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors ?? {}).flatMap(([field, code]) =>
      code ? [[field, [`planEditing:fields.${code}`]]] : [],
    ),
  );
  return data<EditAnswer>(
    {
      ok: false,
      form: replyTo(submission, { formErrors: [errorMessageKey("planEdit", result.error)], fieldErrors }),
    },
    { status: errorStatus(result.error) },
  );
}

/** A post whose intent or version doesn't parse (no person's typing does that): 400, said above the form. */
export function refuse(submission: FormSubmission<unknown>) {
  const formError = (submission.status === "error" && submission.error?.[""]?.[0]) || "form.malformed";
  return data<EditAnswer>({ ok: false, form: replyTo(submission, { formErrors: [formError] }) }, { status: 400 });
}

/** These routes only take posts; a visit goes to the plan page. */
export const toPlanPage = (accountId: string | undefined) => redirect(`/accounts/${accountId}/plan`);

const ControlSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update"), version: VersionSchema }).passthrough(),
  z.object({ intent: z.literal("delete"), version: VersionSchema }).passthrough(),
]);

interface ItemEditing {
  update(
    actor: Actor,
    accountId: string,
    id: string,
    input: Record<string, unknown> & { expectedVersion: number },
  ): Promise<EditResult>;
  remove(actor: Actor, accountId: string, id: string, input: { expectedVersion: number }): Promise<EditResult>;
}

/**
 * The action of a route for one plan item (`idParam` names it in the URL): update it or delete it,
 * each against the version the person was shown. Who may do what is the domain function's call.
 */
export async function updateOrDelete({ request, params }: ActionFunctionArgs, idParam: string, editing: ItemEditing) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  const id = params[idParam];
  if (!isId(id)) notFound();
  const { submission, values } = await readEdit(request, ControlSchema);
  if (submission.status !== "success") return refuse(submission);
  const { intent, version } = submission.value;
  return answer(
    submission,
    intent === "delete"
      ? await editing.remove(actor, account.id, id, { expectedVersion: version })
      : await editing.update(actor, account.id, id, { ...values, expectedVersion: version }),
  );
}
