import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { signOffMilestone, withdrawSignOff } from "~/domain/plans/milestone-actions.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const STATUS = { not_found: 404, forbidden: 403, already_signed: 409, invalid_rating: 400 } as const;

const SignOffSchema = z.object({
  intent: z.enum(["sign_off", "withdraw"]),
  rating: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number().int().nullable()),
  ratingComment: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.string().nullable()),
});

/** The joint sign-off of a milestone: each side signs (the champion may rate), or withdraws its signature. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.milestoneId)) notFound();
  const parsed = SignOffSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "invalid_rating" as const, achieved: false }, { status: 400 });
  const { intent, rating, ratingComment } = parsed.data;
  const result =
    intent === "withdraw"
      ? await withdrawSignOff(actor, account.id, params.milestoneId)
      : await signOffMilestone(actor, account.id, params.milestoneId, { rating, ratingComment });
  if (!result.ok) return data({ error: result.error, achieved: false }, { status: STATUS[result.error] });
  return { error: null, achieved: "achieved" in result ? result.achieved : false };
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/plan`);
}
