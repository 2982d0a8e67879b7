import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { revokeInvitation } from "~/domain/people/invitations.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

/** Withdraws a pending invitation of this account (an id from another account is not found). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "people.manage");
  if (!isId(params.invitationId)) notFound();
  const revoked = await revokeInvitation(actor, account.id, params.invitationId);
  if (!revoked) return data({ error: "not_found" }, { status: 404 });
  return { error: undefined };
}

export async function loader({ params }: ActionFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/people`);
}
