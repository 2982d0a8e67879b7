import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { changeMemberRole, deactivateMember, reactivateMember } from "~/domain/people/members.server";
import type { FetcherAnswer } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const ChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("make_champion") }),
  z.object({ intent: z.literal("make_member") }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
]);

/** Changes to one person of an account: role, deactivate, reactivate. Answers its row's fetcher. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "people.manage");
  if (!isId(params.userId)) notFound();
  const parsed = await readSubmission(request, ChangeSchema);
  if (!parsed.ok) return parsed.answer;
  const { intent } = parsed.data;
  const result =
    intent === "make_champion" || intent === "make_member"
      ? await changeMemberRole(actor, account.id, params.userId, intent === "make_champion" ? "champion" : "member")
      : intent === "deactivate"
        ? await deactivateMember(actor, account.id, params.userId)
        : await reactivateMember(actor, account.id, params.userId);
  if (!result.ok) return refuse(parsed.submission, "accountMember", result.error);
  return { ok: true } satisfies FetcherAnswer;
}

export async function loader({ params }: ActionFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/people`);
}

export const action = resourceAction(act);
