import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { findPendingInvitation, revokeInvitation } from "~/domain/people/invitations.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";

// The row posts no fields; anything it does post still passes the pipeline's checks.
const WithdrawSchema = z.object({});

/** Action only: "Withdraw" on a pending vendor-team invitation (posted by a fetcher on /staff). */
async function act({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "staff.manage");
  const invitationId = params.invitationId;
  if (!isId(invitationId)) notFound();
  // Only vendor-team invitations (account null) can be withdrawn here; the scope is in the query.
  const email = (await findPendingInvitation(null, invitationId))?.email;
  const parsed = await readSubmission(request, WithdrawSchema);
  if (!parsed.ok) return parsed.answer;
  if (!email || !(await revokeInvitation(actor, null, invitationId))) {
    return refuse(parsed.submission, "staffInvitation", "invitation_gone");
  }
  return redirectWithNotice("/staff", serverT(actor.locale)("staff:notices.invitationWithdrawn", { email }));
}

export const action = resourceAction(act);
