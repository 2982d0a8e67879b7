import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { MAX_ID_LENGTH } from "~/domain/telemetry/limits";
import { ACCOUNT_CHOICES } from "~/domain/telemetry/unmatched";
import {
  getUnmatchedGroup,
  linkUnmatchedGroup,
  listUnmatched,
  searchAccountsToLink,
} from "~/domain/telemetry/unmatched.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { formatDateTime, formatNumber } from "~/lib/format";
import { textField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { TextField } from "~/ui/field";
import { FormErrors, FormSelectField, formProps } from "~/ui/form";
import { Card, EmptyState, PageHeader } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.unmatchedEvents");

const PAGE = z.coerce.number().int().min(0).max(10_000).catch(0);

/** The URL's state: each list's page, and the group being linked with the account search. */
const QuerySchema = z.object({
  gp: PAGE,
  up: PAGE,
  link: z.string().min(1).max(MAX_ID_LENGTH).optional().catch(undefined),
  q: z.string().max(100).catch("").default(""),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "telemetry.manage");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [lists, linking, choices] = await Promise.all([
    listUnmatched({ groups: query.gp, users: query.up }),
    query.link ? getUnmatchedGroup(query.link) : Promise.resolve(null),
    query.link ? searchAccountsToLink(query.q) : Promise.resolve([]),
  ]);
  return { timeZone: actor.timeZone, query, ...lists, linking, choices };
}

const LinkSchema = z.object({
  intent: z.literal("link"),
  groupId: textField({ max: MAX_ID_LENGTH, required: "telemetry:unmatched.errors.not_found" }),
  accountId: textField({ max: 100, required: "telemetry:unmatched.errors.unknown_account" }),
});

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "telemetry.manage");
  const parsed = await readSubmission(request, LinkSchema);
  if (!parsed.ok) return parsed.answer;
  const { groupId, accountId } = parsed.data;
  const result = await linkUnmatchedGroup(actor, { groupId, accountId });
  if (!result.ok) {
    const field = result.error === "not_found" ? undefined : "accountId";
    return refuse(parsed.submission, "telemetryLink", result.error, field);
  }
  return redirectWithNotice(
    "/telemetry/unmatched",
    serverT(actor.locale)("telemetry:unmatched.linkedNotice", {
      groupId,
      account: result.accountName,
      count: result.replayed,
    }),
  );
}

function href(query: { gp: number; up: number; link?: string; q?: string }) {
  const params = new URLSearchParams();
  if (query.gp > 0) params.set("gp", String(query.gp));
  if (query.up > 0) params.set("up", String(query.up));
  if (query.link) params.set("link", query.link);
  if (query.q) params.set("q", query.q);
  const search = params.toString();
  return `/telemetry/unmatched${search ? `?${search}` : ""}`;
}

function Pager({
  label,
  page,
  hasMore,
  to,
}: {
  label: string;
  page: number;
  hasMore: boolean;
  to: (page: number) => string;
}) {
  const { t } = useTranslation("telemetry");
  if (page === 0 && !hasMore) return null;
  return (
    <nav aria-label={t("unmatched.pagination", { list: label })} className="flex gap-4 text-sm">
      {page > 0 ? (
        <Link className="text-brand-700 underline" to={to(page - 1)}>
          {t("unmatched.newer")}
        </Link>
      ) : null}
      {hasMore ? (
        <Link className="text-brand-700 underline" to={to(page + 1)}>
          {t("unmatched.older")}
        </Link>
      ) : null}
    </nav>
  );
}

function Sample({ value }: { value: string | null }) {
  return value ? (
    <code className="block max-w-md truncate font-mono text-xs text-slate-600" title={value}>
      {value}
    </code>
  ) : null;
}

export default function UnmatchedPage() {
  const { t } = useTranslation(["telemetry", "common"]);
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const locale = useRootData()?.locale ?? "en";
  const when = (value: Date | string) => formatDateTime(value, locale, data.timeZone);
  const { query, linking } = data;
  const [form, fields] = useForm({ id: "link", lastResult: answer?.form });

  const counts = (row: { events: number; firstSeenAt: Date | string; lastSeenAt: Date | string }) => (
    <>
      <Cell>{formatNumber(row.events, locale)}</Cell>
      <Cell>{when(row.firstSeenAt)}</Cell>
      <Cell>{when(row.lastSeenAt)}</Cell>
    </>
  );

  return (
    <>
      <PageHeader title={t("unmatched.title")} description={t("unmatched.description")} />
      <div className="space-y-8">
        {linking ? (
          <Card title={t("unmatched.linkHeading", { groupId: linking.id })}>
            <div className="space-y-4 p-4 sm:p-5">
              <p className="text-sm text-slate-600">{t("unmatched.linkIntro", { count: linking.events })}</p>
              <Form method="get" action="/telemetry/unmatched" className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="link" value={linking.id} />
                <div className="min-w-64 flex-1">
                  <TextField
                    label={t("unmatched.search")}
                    name="q"
                    defaultValue={query.q}
                    maxLength={100}
                    hint={query.q ? undefined : t("unmatched.searchHint", { count: ACCOUNT_CHOICES })}
                  />
                </div>
                <Button variant="secondary">{t("unmatched.searchButton")}</Button>
              </Form>
              {data.choices.length === 0 ? (
                <p className="text-sm text-slate-600">{t("unmatched.noAccounts")}</p>
              ) : (
                <Form
                  method="post"
                  action={href({ ...query, link: linking.id })}
                  className="space-y-4"
                  {...formProps(form)}
                >
                  <input type="hidden" name="intent" value="link" />
                  <input type="hidden" name="groupId" value={linking.id} />
                  <FormErrors form={form} />
                  <FormSelectField
                    meta={fields.accountId}
                    label={t("unmatched.account")}
                    options={[
                      { value: "", label: t("unmatched.chooseAccount") },
                      ...data.choices.map((account) => ({
                        value: account.id,
                        label: account.externalId
                          ? t("unmatched.accountOptionWithId", { name: account.name, externalId: account.externalId })
                          : t("unmatched.accountOption", { name: account.name }),
                      })),
                    ]}
                  />
                  <div className="flex flex-wrap items-center gap-4">
                    <Button disabled={busy}>{t("unmatched.linkButton")}</Button>
                    <Link className="text-sm text-slate-600 underline" to={href({ gp: query.gp, up: query.up })}>
                      {t("unmatched.cancel")}
                    </Link>
                  </div>
                </Form>
              )}
            </div>
          </Card>
        ) : null}

        <section aria-labelledby="groups-heading" className="space-y-3">
          <h2 id="groups-heading" className="text-base font-semibold text-slate-900">
            {t("unmatched.groupsHeading")}
          </h2>
          {data.groups.length === 0 ? (
            <EmptyState title={t("unmatched.emptyTitle")}>{t("unmatched.emptyBody")}</EmptyState>
          ) : (
            <Table
              caption={t("unmatched.groupsCaption")}
              head={[
                t("unmatched.groupId"),
                t("unmatched.events"),
                t("unmatched.firstSeen"),
                t("unmatched.lastSeen"),
                t("unmatched.sample"),
                t("unmatched.actions"),
              ]}
            >
              {data.groups.map((row) => (
                <tr key={row.id} className="align-top">
                  <Cell className="font-mono font-medium text-slate-900">{row.id}</Cell>
                  {counts(row)}
                  <Cell>
                    <Sample value={row.sample} />
                  </Cell>
                  <Cell>
                    <Link
                      className="text-brand-700 underline"
                      to={href({ gp: query.gp, up: query.up, link: row.id })}
                      aria-label={t("unmatched.linkFor", { groupId: row.id })}
                    >
                      {t("unmatched.link")}
                    </Link>
                  </Cell>
                </tr>
              ))}
            </Table>
          )}
          <Pager
            label={t("unmatched.groupsHeading")}
            page={query.gp}
            hasMore={data.hasMoreGroups}
            to={(gp) => href({ ...query, gp })}
          />
        </section>

        <section aria-labelledby="users-heading" className="space-y-3">
          <h2 id="users-heading" className="text-base font-semibold text-slate-900">
            {t("unmatched.usersHeading")}
          </h2>
          <p className="text-sm text-slate-600">{t("unmatched.usersIntro")}</p>
          {data.users.length === 0 ? (
            <p className="text-sm text-slate-600">{t("unmatched.emptyUsers")}</p>
          ) : (
            <Table
              caption={t("unmatched.usersCaption")}
              head={[
                t("unmatched.userId"),
                t("unmatched.events"),
                t("unmatched.firstSeen"),
                t("unmatched.lastSeen"),
                t("unmatched.sample"),
              ]}
            >
              {data.users.map((row) => (
                <tr key={row.id} className="align-top">
                  <Cell className="font-mono font-medium text-slate-900">{row.id}</Cell>
                  {counts(row)}
                  <Cell>
                    <Sample value={row.sample} />
                  </Cell>
                </tr>
              ))}
            </Table>
          )}
          <Pager
            label={t("unmatched.usersHeading")}
            page={query.up}
            hasMore={data.hasMoreUsers}
            to={(up) => href({ ...query, up })}
          />
        </section>
      </div>
    </>
  );
}
