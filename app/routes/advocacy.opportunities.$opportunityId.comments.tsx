import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import {
  CaseStudyCommentSchema,
  ResolveCommentSchema,
  addCaseStudyComment,
  resolveCaseStudyComment,
} from "~/domain/advocacy/case-study-comments.server";
import { requireWorkspace } from "~/domain/auth/guards.server";
import type { FetcherAnswer } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const CommentActionSchema = z.discriminatedUnion("intent", [
  CaseStudyCommentSchema.extend({ intent: z.literal("comment") }),
  ResolveCommentSchema.extend({ intent: z.literal("resolve") }),
]);

/**
 * Marketing or the opportunity's owner comments on a case study version (intent "comment") or
 * resolves / reopens a comment ("resolve"). Other staff get 404 from the query.
 */
async function act({ request, params }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.view");
  if (!isId(params.opportunityId)) notFound();
  const opportunityId = params.opportunityId;
  const parsed = await readSubmission(request, CommentActionSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  if (input.intent === "resolve") {
    const resolved = await resolveCaseStudyComment(actor, opportunityId, {
      commentId: input.commentId,
      resolved: input.resolved,
    });
    if (!resolved.ok) notFound();
    return { ok: true } satisfies FetcherAnswer;
  }
  const result = await addCaseStudyComment(
    actor,
    { opportunityId },
    { versionId: input.versionId, body: input.body, quote: input.quote },
  );
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return refuse(parsed.submission, "advocacyComment", result.error);
  }
  return { ok: true } satisfies FetcherAnswer;
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/advocacy/opportunities/${params.opportunityId}`);
}

export const action = resourceAction(act);
