import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { Actor } from "~/domain/auth/actor";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { EDIT_STATUS, type EditAnswer, type EditResult, VersionSchema } from "~/domain/plans/plan-edit-rules";
import { zodFieldErrors } from "~/lib/forms";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";

/**
 * What the plan-editing resource routes answer a fetcher: `{ ok: true }`, or the refusal with its
 * 4xx status and the message codes per field, for the form to show next to each field.
 */
export function answer(result: EditResult) {
  if (result.ok) return data<EditAnswer>({ ok: true });
  return data<EditAnswer>(
    { ok: false, error: result.error, fieldErrors: result.fieldErrors ?? {} },
    { status: EDIT_STATUS[result.error] },
  );
}

/** A post whose intent or version doesn't parse: 400, with the codes per field. */
export function refuse(error: z.ZodError) {
  return data<EditAnswer>({ ok: false, error: "invalid", fieldErrors: zodFieldErrors(error) }, { status: 400 });
}

/** These routes only take posts; a visit goes to the plan page. */
export const toPlanPage = (accountId: string | undefined) => redirect(`/accounts/${accountId}/plan`);

const ControlSchema = z.object({ intent: z.enum(["update", "delete"]), version: VersionSchema });

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
  const values = Object.fromEntries(await request.formData());
  const control = ControlSchema.safeParse(values);
  if (!control.success) return refuse(control.error);
  const { intent, version } = control.data;
  return answer(
    intent === "delete"
      ? await editing.remove(actor, account.id, id, { expectedVersion: version })
      : await editing.update(actor, account.id, id, { ...values, expectedVersion: version }),
  );
}
