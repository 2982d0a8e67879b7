import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { listAdoptionAcrossAccounts } from "~/domain/training/adoption.server";
import { loadCatalog } from "~/domain/training/content.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { ButtonLink } from "~/ui/button";
import { EmptyState, PageHeader } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.trainingAdoption");

/** Staff only: course completion across every account. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireWorkspace(request, "training.adoption");
  const courses = loadCatalog().courses;
  return {
    courses: courses.map((course) => ({ slug: course.slug, title: course.title })),
    accounts: await listAdoptionAcrossAccounts(courses),
  };
}

export default function TrainingAdoption() {
  const { t } = useTranslation("training");
  const { courses, accounts } = useLoaderData<typeof loader>();
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
      {courses.length === 0 ? (
        <EmptyState title={t("adoption.noCourses")} />
      ) : (
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
      )}
    </>
  );
}
