import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReactNode } from "react";
import { type AccountAdvocacy, getAccountAdvocacy } from "~/domain/advocacy/account-advocacy.server";
import { canInWorkspace } from "~/domain/auth/authorization";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { formatDateTime } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { cursorParam } from "~/lib/pagination";
import { useRootData } from "~/lib/root-data";
import {
  AssetsSection,
  AsksSection,
  ConsentsSection,
  NpsSection,
  OpportunitiesSection,
  ReferencesSection,
} from "~/ui/advocacy/account-advocacy-sections";
import { ButtonLink } from "~/ui/button";
import { EmptyState } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "common:titles.accountAdvocacy", { name: data?.accountName ?? "" });

/**
 * The staff account page's Advocacy tab: what this account said and shared. Staff-only — a customer
 * gets 404 even for their own account, as for any page that isn't theirs.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (actor.kind !== "staff" || !canInWorkspace(actor, "advocacy.view")) notFound();
  const search = new URL(request.url).searchParams;
  const advocacy = await getAccountAdvocacy(account.id, new Date(), {
    openAsks: cursorParam.parse(search.get("openAsks") ?? undefined),
    answeredAsks: cursorParam.parse(search.get("answeredAsks") ?? undefined),
    consents: cursorParam.parse(search.get("consents") ?? undefined),
    references: cursorParam.parse(search.get("references") ?? undefined),
    opportunities: cursorParam.parse(search.get("opportunities") ?? undefined),
    assets: cursorParam.parse(search.get("assets") ?? undefined),
  });
  return {
    accountId: account.id,
    accountName: account.name,
    advocacy,
    canManage: canInWorkspace(actor, "advocacy.manage"),
    timeZone: actor.timeZone,
  };
}

export default function AccountAdvocacy() {
  const { t } = useTranslation("advocacy");
  const { accountId, accountName, advocacy, canManage, timeZone } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  const newOpportunity = canManage ? (
    <ButtonLink to={`/advocacy/opportunities/new?accountId=${accountId}`} variant="secondary">
      {t("newOpportunity.button")}
    </ButtonLink>
  ) : null;

  return (
    <div className="space-y-6">
      <h2 className="sr-only">{t("accountTab.heading")}</h2>
      {advocacy.isEmpty ? (
        <EmptyState title={t("accountTab.emptyTitle")} action={newOpportunity}>
          {t("accountTab.emptyBody", { account: accountName })}
        </EmptyState>
      ) : (
        <AdvocacySections advocacy={advocacy} newOpportunity={newOpportunity} when={when} />
      )}
    </div>
  );
}

function AdvocacySections({
  advocacy,
  newOpportunity,
  when,
}: {
  advocacy: AccountAdvocacy;
  newOpportunity: ReactNode;
  when: (iso: string) => string;
}) {
  return (
    <>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <OpportunitiesSection
            opportunities={advocacy.opportunities}
            page={advocacy.opportunitiesPage}
            actions={newOpportunity}
          />
          <AsksSection
            open={advocacy.openAsks}
            openPage={advocacy.openAsksPage}
            answered={advocacy.answeredAsks}
            answeredPage={advocacy.answeredAsksPage}
            when={when}
          />
          <ConsentsSection consents={advocacy.consents} page={advocacy.consentsPage} when={when} />
        </div>
        <div className="space-y-6">
          <NpsSection summary={advocacy.nps.summary} latest={advocacy.nps.latest} when={when} />
        </div>
      </div>
      <ReferencesSection references={advocacy.references} page={advocacy.referencesPage} when={when} />
      <AssetsSection assets={advocacy.assets} page={advocacy.assetsPage} when={when} />
    </>
  );
}
