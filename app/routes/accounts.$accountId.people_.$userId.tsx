import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { changeMemberRole, deactivateMember, reactivateMember } from "~/domain/people/members.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

/** Changes to one person of an account: role, deactivate, reactivate. Answers fetchers with an error code. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "people.manage");
  if (!isId(params.userId)) notFound();
  const intent = (await request.formData()).get("intent");
  const result =
    intent === "make_champion" || intent === "make_member"
      ? await changeMemberRole(actor, account.id, params.userId, intent === "make_champion" ? "champion" : "member")
      : intent === "deactivate"
        ? await deactivateMember(actor, account.id, params.userId)
        : intent === "reactivate"
          ? await reactivateMember(actor, account.id, params.userId)
          : null;
  if (!result) return data({ error: "unknown_intent" }, { status: 400 });
  if (!result.ok) return data({ error: result.error }, { status: result.error === "not_found" ? 404 : 409 });
  return { error: undefined };
}

export async function loader({ params }: ActionFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/people`);
}
