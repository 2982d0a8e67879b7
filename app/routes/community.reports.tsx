import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/domain/auth/guards.server";
import { ERROR_STATUS } from "~/domain/community/answers";
import { reportPost } from "~/domain/community/reactions.server";
import { ReasonSchema } from "~/domain/community/schemas";
import { parseForm } from "~/lib/forms";
import { isId } from "~/lib/ids";

const TargetSchema = z.object({ postType: z.enum(["topic", "reply"]), postId: z.string().refine(isId) });

/** Report a topic or reply to the moderators, with a reason. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const target = TargetSchema.safeParse(Object.fromEntries(form));
  if (!target.success) return data({ error: "not_found" as const, fieldErrors: {} }, { status: 404 });
  const parsed = parseForm(ReasonSchema, form);
  if (!parsed.ok) return data({ error: null, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await reportPost(actor, target.data.postType, target.data.postId, parsed.data.reason);
  if (!result.ok) return data({ error: result.error, fieldErrors: {} }, { status: ERROR_STATUS[result.error] });
  return { error: null, fieldErrors: {}, reported: true };
}

export const loader = () => redirect("/community");
