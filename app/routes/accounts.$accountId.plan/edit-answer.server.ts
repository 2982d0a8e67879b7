import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import { EDIT_STATUS, type EditAnswer, type EditResult } from "~/domain/plans/plan-edit-rules";
import { zodFieldErrors } from "~/lib/forms";

/**
 * What the plan-editing resource routes answer a fetcher: `{ ok: true }`, or the refusal with its
 * 4xx status and the message codes per field, for the form to show next to each field.
 */
export function answer(result: EditResult) {
  if (result.ok) return data<EditAnswer>({ ok: true });
  return data<EditAnswer>({ ok: false, error: result.error, fieldErrors: result.fieldErrors ?? {} }, { status: EDIT_STATUS[result.error] });
}

/** A post whose intent or version doesn't parse: 400, with the codes per field. */
export function refuse(error: z.ZodError) {
  return data<EditAnswer>({ ok: false, error: "invalid", fieldErrors: zodFieldErrors(error) }, { status: 400 });
}

/** These routes only take posts; a visit goes to the plan page. */
export const toPlanPage = (accountId: string | undefined) => redirect(`/accounts/${accountId}/plan`);
