import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { requireActor } from "~/domain/auth/guards.server";
import { setVote } from "~/domain/community/reactions.server";
import { VoteSchema } from "~/domain/community/schemas";
import type { FetcherAnswer } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";

/** Upvote or take back an upvote on a topic or reply. */
async function act({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const parsed = await readSubmission(request, VoteSchema);
  // No person types these fields: a vote on something that isn't a post is a vote on nothing there.
  if (!parsed.ok) return refuse(parsed.submission, "community", "not_found");
  const result = await setVote(actor, parsed.data.postType, parsed.data.postId, parsed.data.up === "1");
  if (!result.ok) return refuse(parsed.submission, "community", result.error);
  return Response.json({ ok: true } satisfies FetcherAnswer);
}

export const loader = () => redirect("/community");

export const action = resourceAction(act);
