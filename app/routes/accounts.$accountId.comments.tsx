import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { addComment } from "~/domain/plans/comments.server";

const STATUS = { not_found: 404, forbidden: 403, empty: 400, too_long: 400 } as const;

const CommentSchema = z.object({
  subjectType: z.enum(["milestone", "task"]),
  subjectId: z.string().min(1).max(40),
  body: z.string().default(""),
  internal: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});

/** A comment on a milestone or task of this account's plan. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  const parsed = CommentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "not_found" as const, id: null }, { status: 400 });
  const result = await addComment(actor, account.id, parsed.data);
  if (!result.ok) return data({ error: result.error, id: null }, { status: STATUS[result.error] });
  return { error: null, id: result.id };
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/plan`);
}
