import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { listAdoptionAcrossAccounts } from "~/domain/training/adoption.server";
import { loadCatalog } from "~/domain/training/content.server";
import { courseTitleIn } from "~/domain/training/localize";
import { requestLocale } from "~/lib/locale.server";
import { cursorParam } from "~/lib/pagination";
import { z } from "zod";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink } from "~/ui/button";
import { TextField } from "~/ui/field";
import { Pager } from "~/ui/pager";
import { EmptyState, PageHeader } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.trainingAdoption");

/** A search longer than any account name can't match one: cut, never refused. */
const QuerySchema = z.object({
  q: z
    .string()
    .catch("")
    .default("")
    .transform((value) => value.trim().slice(0, 200)),
  cursor: cursorParam,
});

/** Staff only: course completion across every account, a page of accounts at a time. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "training.adoption");
  const locale = requestLocale(request, actor.locale);
  const courses = loadCatalog().courses;
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { rows, page } = await listAdoptionAcrossAccounts(courses, query);
  return {
    courses: courses.map((course) => ({ slug: course.slug, title: courseTitleIn(course, locale) })),
    accounts: rows,
    page,
    q: query.q,
  };
}

export default function TrainingAdoption() {
  const { t } = useTranslation("training");
  const { courses, accounts, page, q } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const percent = (fraction: number) =>
    new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(fraction);
  return (
    <>
      <PageHeader
        title={t("adoption.crossTitle")}
        description={t("adoption.crossDescription")}
        actions={
          <ButtonLink to="/training" variant="secondary">
            {t("catalog.title")}
          </ButtonLink>
        }
      />
      <Form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <TextField
          label={t("adoption.searchLabel")}
          name="q"
          type="search"
          defaultValue={q}
          maxLength={200}
          className="w-72 max-w-full"
        />
        <Button variant="secondary">{t("adoption.search")}</Button>
      </Form>
      {courses.length === 0 ? (
        <EmptyState title={t("adoption.noCourses")} />
      ) : accounts.length === 0 ? (
        <EmptyState title={t("adoption.noAccountsFound")} />
      ) : (
        <>
          <Table
            caption={t("adoption.crossTitle")}
            head={[
              t("adoption.account"),
              t("adoption.people"),
              t("adoption.started"),
              ...courses.map((course) => course.title),
            ]}
          >
            {accounts.map((account) => (
              <tr key={account.id}>
                <Cell className="font-medium text-slate-900">
                  <Link to={`/accounts/${account.id}/training`} className="hover:underline">
                    {account.name}
                  </Link>
                </Cell>
                <Cell>{new Intl.NumberFormat(locale).format(account.people)}</Cell>
                <Cell>{new Intl.NumberFormat(locale).format(account.started)}</Cell>
                {account.courses.map((course) => (
                  <Cell key={course.slug}>
                    <span className="font-medium">{percent(course.fraction)}</span>{" "}
                    <span className="text-xs text-slate-600">
                      {t("adoption.finishedOf", { finished: String(course.finished), people: String(course.people) })}
                    </span>
                  </Cell>
                ))}
              </tr>
            ))}
          </Table>
          <Pager label={t("adoption.crossTitle")} page={page} />
        </>
      )}
    </>
  );
}
