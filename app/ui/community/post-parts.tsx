import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VoteSchema } from "~/domain/community/schemas";
import { formatDateTime } from "~/lib/format";
import { parseSubmission } from "~/lib/forms";
import { useRootData } from "~/lib/root-data";
import { Badge } from "~/ui/layout";

export interface AuthorProps {
  name: string;
  title?: string;
  company?: string | null;
  isTeam: boolean;
}

/** "Tom R. · Dispatch Lead · Northwind" with a Team badge for the vendor's people. No email, ever. */
export function AuthorLine({ author, when }: { author: AuthorProps; when?: string }) {
  const { t } = useTranslation("community");
  const root = useRootData();
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
      <span className="font-medium text-slate-900">{author.name}</span>
      {author.isTeam ? <Badge tone="brand">{t("team")}</Badge> : null}
      {author.title ? <span>· {author.title}</span> : null}
      {author.company ? <span>· {author.company}</span> : null}
      {when ? (
        <time dateTime={when} className="text-slate-500">
          · {formatDateTime(when, root?.locale ?? "en", root?.user?.timeZone ?? "UTC")}
        </time>
      ) : null}
    </div>
  );
}

/** A post's body: HTML the server rendered from Markdown with raw HTML escaped (see markdown.server.ts). */
export function PostBody({ html }: { html: string }) {
  return <div className="markdown-body" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Upvote toggle: a pressed button while the person's vote stands; a plain count when they may not vote. */
export function VoteButton({
  postType,
  postId,
  votes,
  voted,
  canVote,
}: {
  postType: "topic" | "reply";
  postId: string;
  votes: number;
  voted: boolean;
  canVote: boolean;
}) {
  const { t } = useTranslation("community");
  const fetcher = useFetcher<{ error?: string | null }>();
  const pending = fetcher.formData ? parseSubmission(fetcher.formData, VoteSchema) : null;
  const pendingUp = pending?.status === "success" ? pending.value.up === "1" : null;
  const isVoted = pendingUp ?? voted;
  const count = votes + (pendingUp === null ? 0 : pendingUp && !voted ? 1 : !pendingUp && voted ? -1 : 0);
  if (!canVote) {
    return <span className="text-sm text-slate-600">{t("topic.votes", { count })}</span>;
  }
  return (
    <fetcher.Form method="post" action="/community/votes">
      <input type="hidden" name="postType" value={postType} />
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="up" value={isVoted ? "0" : "1"} />
      <button
        type="submit"
        aria-pressed={isVoted}
        aria-label={isVoted ? t("topic.removeUpvote", { count }) : t("topic.upvoteLabel", { count })}
        className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-sm ring-1 ring-inset ${
          isVoted
            ? "bg-brand-50 text-brand-700 ring-brand-100"
            : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"
        }`}
      >
        <svg aria-hidden width="14" height="14" viewBox="0 0 20 20" fill="currentColor">
          <path d="M10 3l7 8h-4v6H7v-6H3z" />
        </svg>
        <span>{t("topic.upvote")}</span>
        <span className="tabular-nums">{count}</span>
      </button>
    </fetcher.Form>
  );
}

export function KindBadge({ kind }: { kind: "question" | "discussion" | "article" }) {
  const { t } = useTranslation("community");
  return <Badge tone={kind === "article" ? "green" : "neutral"}>{t(`kinds.${kind}`)}</Badge>;
}
