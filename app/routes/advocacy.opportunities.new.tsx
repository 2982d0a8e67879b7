import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useForm } from "@conform-to/react";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ASK_TYPES } from "~/domain/advocacy/ask-rules";
import {
  NEW_OPPORTUNITY_ERROR_FIELD,
  NewOpportunitySchema,
  createOpportunity,
  listPossibleAdvocates,
} from "~/domain/advocacy/new-opportunity.server";
import { listPossibleOwners } from "~/domain/advocacy/opportunities.server";
import { OPPORTUNITY_NOTES_MAX } from "~/domain/advocacy/opportunity-schemas";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { findAccountName, searchAccountNames } from "~/domain/people/accounts.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { readSubmission, refuse } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { advocateLabel } from "~/ui/advocacy/advocate-label";
import { Button, ButtonLink } from "~/ui/button";
import { SelectField, TextField } from "~/ui/field";
import { FormErrors, FormSelectField, FormTextAreaField, FormTextField, formProps, useFormMessage } from "~/ui/form";
import { Card } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.newOpportunity");

/**
 * Marketing opens an opportunity by hand. Choosing the account comes first (a GET, so it works
 * without JavaScript), because who can be asked depends on it; the account's Advocacy tab links
 * here with it chosen.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.manage");
  const search = new URL(request.url).searchParams;
  const requested = search.get("accountId");
  // The account is found by a typed part of its name; the picker offers at most ACCOUNT_CHOICES.
  const q = (search.get("q") ?? "").trim().slice(0, 200);
  const [account, owners] = await Promise.all([
    isId(requested) ? findAccountName(requested) : Promise.resolve(null),
    listPossibleOwners(),
  ]);
  const choices = account ? { rows: [], total: 0 } : await searchAccountNames(q);
  return {
    q,
    accounts: choices.rows,
    accountTotal: choices.total,
    account,
    // "Continue" without a choice, or an account that doesn't exist: say so next to the field.
    accountError: requested !== null && !account ? "advocacy.accountRequired" : null,
    advocates: account ? await listPossibleAdvocates(account.id) : [],
    owners,
    actorId: actor.id,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.manage");
  const parsed = await readSubmission(request, NewOpportunitySchema);
  if (!parsed.ok) return parsed.answer;
  const result = await createOpportunity(actor, parsed.data);
  if (!result.ok) {
    return refuse(parsed.submission, "advocacyNewOpportunity", result.error, NEW_OPPORTUNITY_ERROR_FIELD[result.error]);
  }
  return redirectWithNotice(
    `/advocacy/opportunities/${result.id}`,
    serverT(actor.locale)("advocacy:newOpportunity.created"),
  );
}

export default function NewOpportunity() {
  const { t } = useTranslation("advocacy");
  const message = useFormMessage();
  const { q, accounts, accountTotal, account, accountError, advocates, owners, actorId } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: answer?.form });
  const accountMessage = message(fields.accountId.errors);
  const busy = useNavigation().state !== "idle";
  const locale = useRootData()?.locale ?? "en";

  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h2 className="text-xl font-semibold text-slate-900">{t("newOpportunity.heading")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("newOpportunity.intro")}</p>
      </div>
      {account ? (
        <Card title={t("newOpportunity.forAccount", { account: account.name })}>
          <Form method="post" className="space-y-4" {...formProps(form)}>
            <input type="hidden" name="accountId" value={account.id} />
            <FormErrors form={form} />
            {accountMessage ? (
              <p id={fields.accountId.errorId} role="alert" className="text-sm text-red-700">
                {accountMessage}
              </p>
            ) : null}
            <FormSelectField
              meta={fields.advocateId}
              label={t("newOpportunity.advocate")}
              hint={t("newOpportunity.advocateHint")}
              options={[
                { value: "", label: t("newOpportunity.noAdvocate") },
                ...advocates.map((person) => ({ value: person.id, label: advocateLabel(person) })),
              ]}
            />
            <FormSelectField
              meta={fields.askType}
              label={t("pipeline.type")}
              defaultValue=""
              options={[
                { value: "", label: t("newOpportunity.chooseType") },
                ...ASK_TYPES.map((type) => ({ value: type, label: t(`askTypes.${type}`) })),
              ]}
            />
            <FormSelectField
              meta={fields.ownerId}
              label={t("opportunity.owner")}
              defaultValue={owners.some((owner) => owner.id === actorId) ? actorId : ""}
              options={[
                { value: "", label: t("pipeline.unassigned") },
                ...owners.map((owner) => ({ value: owner.id, label: owner.name })),
              ]}
            />
            <FormTextField meta={fields.dueDate} label={t("opportunity.dueDate")} type="date" />
            <FormTextAreaField
              meta={fields.notes}
              label={t("opportunity.notes")}
              rows={4}
              maxLength={OPPORTUNITY_NOTES_MAX}
            />
            <div className="flex flex-wrap gap-2">
              <Button disabled={busy}>{t("newOpportunity.submit")}</Button>
              <ButtonLink to={`/accounts/${account.id}/advocacy`} variant="ghost">
                {t("newOpportunity.cancel")}
              </ButtonLink>
              <ButtonLink to="/advocacy/opportunities/new" variant="ghost">
                {t("newOpportunity.changeAccount")}
              </ButtonLink>
            </div>
          </Form>
        </Card>
      ) : (
        <Card title={t("newOpportunity.chooseAccount")}>
          <div className="space-y-4">
            <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
              <div className="min-w-0 flex-1">
                <TextField
                  label={t("newOpportunity.searchAccount")}
                  name="q"
                  type="search"
                  defaultValue={q}
                  maxLength={200}
                  hint={t("newOpportunity.searchAccountHint")}
                />
              </div>
              <Button variant="secondary">{t("newOpportunity.search")}</Button>
            </Form>
            {accounts.length === 0 ? (
              <p className="text-sm text-slate-600" role="status">
                {t("newOpportunity.noAccountMatch", { q })}
              </p>
            ) : (
              <Form method="get" className="space-y-4">
                <input type="hidden" name="q" value={q} />
                <SelectField
                  label={t("pipeline.account")}
                  name="accountId"
                  defaultValue=""
                  error={message(accountError ? [accountError] : undefined)}
                  hint={
                    accountTotal > accounts.length
                      ? t("newOpportunity.moreAccounts", {
                          count: accountTotal - accounts.length,
                          shown: formatNumber(accounts.length, locale),
                        })
                      : undefined
                  }
                  options={[
                    { value: "", label: t("newOpportunity.chooseAccountOption") },
                    ...accounts.map((row) => ({ value: row.id, label: row.name })),
                  ]}
                />
                <div className="flex flex-wrap gap-2">
                  <Button>{t("newOpportunity.continue")}</Button>
                  <ButtonLink to="/advocacy" variant="ghost">
                    {t("newOpportunity.cancel")}
                  </ButtonLink>
                </div>
              </Form>
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
