import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/domain/auth/guards.server";
import { ERROR_STATUS } from "~/domain/community/answers";
import { setVote } from "~/domain/community/reactions.server";
import { isId } from "~/lib/ids";

const VoteSchema = z.object({
  postType: z.enum(["topic", "reply"]),
  postId: z.string().refine(isId),
  up: z.enum(["0", "1"]),
});

/** Upvote or take back an upvote on a topic or reply. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const parsed = VoteSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "not_found" as const }, { status: 404 });
  const result = await setVote(actor, parsed.data.postType, parsed.data.postId, parsed.data.up === "1");
  if (!result.ok) return data({ error: result.error }, { status: ERROR_STATUS[result.error] });
  return { error: null };
}

export const loader = () => redirect("/community");
