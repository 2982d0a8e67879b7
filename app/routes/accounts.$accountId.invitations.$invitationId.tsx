import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { revokeInvitation } from "~/domain/people/invitations.server";
import type { FetcherAnswer } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const RevokeSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("revoke") })]);

/** Withdraws a pending invitation of this account (an id from another account is not found). */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "people.manage");
  if (!isId(params.invitationId)) notFound();
  const parsed = await readSubmission(request, RevokeSchema);
  if (!parsed.ok) return parsed.answer;
  const revoked = await revokeInvitation(actor, account.id, params.invitationId);
  if (!revoked) return refuse(parsed.submission, "accountInvitation", "invitation_gone");
  return { ok: true } satisfies FetcherAnswer;
}

export async function loader({ params }: ActionFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/people`);
}

export const action = resourceAction(act);
