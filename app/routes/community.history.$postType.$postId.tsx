import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { listRevisions } from "~/domain/community/reading.server";
import { formatDateTime } from "~/lib/format";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { ButtonLink } from "~/ui/button";
import { EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "community:titles.history");

/** Earlier versions of a post, as plain text: for its author and staff. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const postType = params.postType === "topic" || params.postType === "reply" ? params.postType : null;
  if (!postType || !isId(params.postId)) notFound();
  const revisions = await listRevisions(actor, postType, params.postId);
  if (!revisions) notFound();
  return { revisions };
}

export default function History() {
  const { t } = useTranslation("community");
  const { revisions } = useLoaderData<typeof loader>();
  const root = useRootData();
  return (
    <>
      <PageHeader
        title={t("history.title")}
        description={t("history.description")}
        actions={
          <ButtonLink to="/community" variant="secondary">
            {t("titles.index")}
          </ButtonLink>
        }
      />
      {revisions.length === 0 ? (
        <EmptyState title={t("history.empty")} />
      ) : (
        <ol className="space-y-4">
          {revisions.map((revision) => (
            <li key={revision.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <h2 className="text-sm font-semibold text-slate-900">
                {t("history.version", {
                  when: formatDateTime(revision.createdAt, root?.locale ?? "en", root?.user?.timeZone ?? "UTC"),
                })}
              </h2>
              {revision.title ? <p className="mt-2 font-medium">{revision.title}</p> : null}
              <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm text-slate-700">
                {revision.body}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
