import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { isViewAs } from "~/domain/auth/view-as";
import { canManageSpaces, isModerator, topicKindsFor } from "~/domain/community/permissions";
import { ensureProfile } from "~/domain/community/profiles.server";
import { SearchSchema } from "~/domain/community/schemas";
import { listTags, listTopics } from "~/domain/community/search.server";
import { listSpaces } from "~/domain/community/spaces.server";
import { formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink } from "~/ui/button";
import { KindBadge } from "~/ui/community/post-parts";
import { SelectField, TextField } from "~/ui/field";
import { Badge, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "community:titles.index");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  // A staff member viewing as a customer reads; the customer's profile is made on their own visit.
  if (!isViewAs(actor)) await ensureProfile(actor);
  const url = new URL(request.url);
  const filters = SearchSchema.parse(Object.fromEntries(url.searchParams));
  const [spaces, topics, tags] = await Promise.all([listSpaces(), listTopics(actor, filters), listTags()]);
  return {
    filters,
    spaces: spaces.map(({ firstPostReview: _review, ...space }) => space),
    topics,
    tags,
    canAsk: spaces.some((space) => topicKindsFor(actor, space).length > 0),
    isStaff: isModerator(actor),
    canManageSpaces: canManageSpaces(actor),
  };
}

export default function CommunityIndex() {
  const { t } = useTranslation("community");
  const { filters, spaces, topics, tags, canAsk, isStaff, canManageSpaces } = useLoaderData<typeof loader>();
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const searching = filters.q.length > 0;
  const filtered = searching || filters.space || filters.tag || filters.status !== "all";
  const spaceLink = (slug: string) => `/community?${new URLSearchParams({ space: slug })}`;

  return (
    <>
      <PageHeader
        title={t("index.title")}
        description={t("index.description", { vendor: root?.vendorName ?? "" })}
        actions={
          <>
            {isStaff ? (
              <ButtonLink to="/community?status=unanswered" variant="secondary">
                {t("index.unanswered")}
              </ButtonLink>
            ) : null}
            {isStaff ? (
              <ButtonLink to="/community/moderation" variant="secondary">
                {t("index.moderation")}
              </ButtonLink>
            ) : null}
            {canManageSpaces ? (
              <ButtonLink to="/community/spaces" variant="secondary">
                {t("index.manageSpaces")}
              </ButtonLink>
            ) : null}
            <ButtonLink to="/community/profile" variant="secondary">
              {t("index.profile")}
            </ButtonLink>
            {canAsk ? (
              <ButtonLink to={`/community/new${filters.space ? `?space=${encodeURIComponent(filters.space)}` : ""}`}>
                {t("index.newTopic")}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <nav aria-label={t("index.spacesHeading")} className="order-2 lg:order-1">
          <h2 className="mb-2 text-sm font-semibold text-slate-900">{t("index.spacesHeading")}</h2>
          <ul className="space-y-1">
            <li>
              <Link
                to="/community"
                className={`block rounded-md px-3 py-2 text-sm ${!filters.space ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
                aria-current={!filters.space ? "page" : undefined}
              >
                {t("index.allSpaces")}
              </Link>
            </li>
            {spaces.map((space) => (
              <li key={space.id}>
                <Link
                  to={spaceLink(space.slug)}
                  aria-current={filters.space === space.slug ? "page" : undefined}
                  className={`block rounded-md px-3 py-2 text-sm ${filters.space === space.slug ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  <span className="flex items-center justify-between gap-2">
                    <span data-user-content>{space.name}</span>
                    <span className="text-xs text-slate-500">{t("index.topicCount", { count: space.topicCount })}</span>
                  </span>
                  {space.description ? (
                    <span data-user-content className="mt-0.5 block text-xs font-normal text-slate-500">
                      {space.description}
                    </span>
                  ) : null}
                  {!space.customersMayPost ? (
                    <span className="mt-1 inline-block">
                      <Badge>{t("index.readOnly")}</Badge>
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>

        <div className="order-1 space-y-4 lg:order-2">
          <Form
            method="get"
            role="search"
            aria-label={t("search.label")}
            className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4"
          >
            <div className="sm:col-span-2 lg:col-span-4">
              <TextField
                label={t("search.label")}
                name="q"
                type="search"
                defaultValue={filters.q}
                placeholder={t("search.placeholder")}
              />
            </div>
            <SelectField
              label={t("search.space")}
              name="space"
              defaultValue={filters.space}
              options={[
                { value: "", label: t("index.allSpaces") },
                ...spaces.map((space) => ({ value: space.slug, label: space.name })),
              ]}
            />
            <SelectField
              label={t("search.tag")}
              name="tag"
              defaultValue={filters.tag}
              options={[{ value: "", label: t("search.anyTag") }, ...tags.map((tag) => ({ value: tag, label: tag }))]}
            />
            <SelectField
              label={t("search.status")}
              name="status"
              defaultValue={filters.status}
              options={[
                { value: "all", label: t("search.statusAll") },
                { value: "answered", label: t("search.statusAnswered") },
                { value: "unanswered", label: t("search.statusUnanswered") },
              ]}
            />
            <div className="flex items-end gap-2">
              <Button>{t("search.submit")}</Button>
              {filtered ? (
                <ButtonLink to="/community" variant="ghost">
                  {t("search.clear")}
                </ButtonLink>
              ) : null}
            </div>
          </Form>

          <h2 className="text-base font-semibold text-slate-900">
            {searching ? t("index.resultsHeading") : t("index.topicsHeading")}
          </h2>
          {topics.length === 0 ? (
            filtered ? (
              <EmptyState title={t("index.noResultsTitle")}>{t("index.noResultsBody")}</EmptyState>
            ) : (
              <EmptyState title={t("index.emptyTitle")}>{t("index.emptyBody")}</EmptyState>
            )
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              {topics.map((topic) => (
                <li key={topic.id} className="px-4 py-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <KindBadge kind={topic.kind} />
                    {topic.pinned ? <Badge tone="brand">{t("list.pinned")}</Badge> : null}
                    {topic.locked ? <Badge>{t("list.locked")}</Badge> : null}
                    {topic.answered ? <Badge tone="green">{t("list.answered")}</Badge> : null}
                    {topic.pending ? <Badge tone="amber">{t("list.pending")}</Badge> : null}
                    <Link
                      to={`/community/topics/${topic.id}`}
                      data-user-content
                      className="font-medium text-slate-900 hover:underline"
                    >
                      {topic.title}
                    </Link>
                  </div>
                  {topic.snippetHtml ? (
                    <p
                      data-user-content
                      className="search-snippet mt-1 text-sm text-slate-700"
                      dangerouslySetInnerHTML={{ __html: topic.snippetHtml }}
                    />
                  ) : null}
                  <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
                    <span>
                      <Trans
                        t={t}
                        i18nKey="list.byline"
                        values={{ name: topic.author.name }}
                        components={{ name: <span data-user-content /> }}
                      />
                      {topic.author.isTeam ? (
                        <>
                          {" "}
                          <Badge tone="brand">{t("team")}</Badge>
                        </>
                      ) : null}
                    </span>
                    <Link to={spaceLink(topic.space.slug)} data-user-content className="underline">
                      {topic.space.name}
                    </Link>
                    <span>{t("list.replies", { count: topic.replies })}</span>
                    <span>{t("list.votes", { count: topic.votes })}</span>
                    <span>
                      {t("list.lastActivity", {
                        when: formatDateTime(topic.lastActivityAt, locale, root?.user?.timeZone ?? "UTC"),
                      })}
                    </span>
                    {topic.tags.map((tag) => (
                      <Link
                        key={tag}
                        to={`/community?${new URLSearchParams({ tag })}`}
                        className="rounded bg-slate-100 px-1.5 text-slate-700"
                      >
                        #{tag}
                      </Link>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </>
  );
}
