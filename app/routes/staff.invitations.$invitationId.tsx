import { type ActionFunctionArgs, data } from "@remix-run/node";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { listPendingInvitations, revokeInvitation } from "~/domain/people/invitations.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";

/** Action only: "Withdraw" on a pending vendor-team invitation (posted by a fetcher on /staff). */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "staff.manage");
  const invitationId = params.invitationId;
  if (!isId(invitationId)) notFound();
  // Only vendor-team invitations (account null) can be withdrawn here; the scope is in the query.
  const email = (await listPendingInvitations(null)).find((invitation) => invitation.id === invitationId)?.email;
  if (!email || !(await revokeInvitation(actor, null, invitationId))) {
    return data({ error: "invitation_gone" as const }, { status: 404 });
  }
  return redirectWithNotice("/staff", serverT(actor.locale)("staff:notices.invitationWithdrawn", { email }));
}
