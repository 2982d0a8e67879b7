import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { getAccountAdoption } from "~/domain/training/adoption.server";
import { loadCatalog } from "~/domain/training/content.server";
import { requestLocale } from "~/lib/locale.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { PageHeader } from "~/ui/layout";
import { TeamAdoptionView } from "~/ui/training/adoption-tables";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "common:titles.teamTraining", { name: data?.accountName ?? "" });

/** The team's training: the champion's view of their own account, and the CSM's "Training" tab. Another account → 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "training.team");
  const adoption = await getAccountAdoption(account.id, loadCatalog().courses, requestLocale(request, actor.locale));
  return { accountName: account.name, adoption };
}

export default function TeamTraining() {
  const { t } = useTranslation("training");
  const { adoption } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  return (
    <>
      <PageHeader title={t("adoption.teamTitle")} description={t("adoption.teamDescription")} />
      <TeamAdoptionView adoption={adoption} locale={locale} />
    </>
  );
}
