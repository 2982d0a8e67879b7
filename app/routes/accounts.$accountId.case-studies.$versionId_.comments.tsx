import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { CaseStudyCommentSchema, addCaseStudyComment } from "~/domain/advocacy/case-study-comments.server";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import type { FetcherAnswer } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

// The version is the one in the address, whatever the form says.
const CommentSchema = CaseStudyCommentSchema.omit({ versionId: true });

/** The advocate or a champion comments on the case study version in review; anyone else gets 404. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.versionId)) notFound();
  const parsed = await readSubmission(request, CommentSchema);
  if (!parsed.ok) return parsed.answer;
  const result = await addCaseStudyComment(
    actor,
    { accountId: account.id },
    { ...parsed.data, versionId: params.versionId },
  );
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return refuse(parsed.submission, "advocacyComment", result.error);
  }
  return { ok: true } satisfies FetcherAnswer;
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}`);
}

export const action = resourceAction(act);
