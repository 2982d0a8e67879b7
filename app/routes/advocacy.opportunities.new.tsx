import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ASK_TYPES } from "~/domain/advocacy/ask-rules";
import {
  type NewOpportunityError,
  NewOpportunitySchema,
  createOpportunity,
  listPossibleAdvocates,
} from "~/domain/advocacy/new-opportunity.server";
import { listPossibleOwners } from "~/domain/advocacy/opportunities.server";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { listAccounts } from "~/domain/people/accounts.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { invalid } from "~/lib/http.server";
import { isId } from "~/lib/ids";
import { pageTitle } from "~/lib/meta";
import { advocateLabel } from "~/ui/advocacy/advocate-label";
import { Button, ButtonLink } from "~/ui/button";
import { SelectField, TextAreaField, TextField } from "~/ui/field";
import { Card } from "~/ui/layout";
import { useFieldError } from "~/ui/use-field-error";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.newOpportunity");

/**
 * Marketing opens an opportunity by hand. Choosing the account comes first (a GET, so it works
 * without JavaScript), because who can be asked depends on it; the account's Advocacy tab links
 * here with it chosen.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.manage");
  const requested = new URL(request.url).searchParams.get("accountId");
  const [accountRows, owners] = await Promise.all([listAccounts({ sort: "name" }), listPossibleOwners()]);
  const accounts = accountRows.map((account) => ({ id: account.id, name: account.name }));
  const account = isId(requested) ? (accounts.find((row) => row.id === requested) ?? null) : null;
  return {
    accounts,
    account,
    // "Continue" without a choice, or an account that doesn't exist: say so next to the field.
    accountError: requested !== null && !account ? "advocacy.accountRequired" : null,
    advocates: account ? await listPossibleAdvocates(account.id) : [],
    owners,
    actorId: actor.id,
  };
}

const FIELD_OF: Record<NewOpportunityError, [field: string, code: string]> = {
  unknown_account: ["accountId", "advocacy.accountUnknown"],
  invalid_advocate: ["advocateId", "advocacy.advocateNotInAccount"],
  invalid_owner: ["ownerId", "advocacy.ownerInvalid"],
};

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.manage");
  const parsed = parseForm(NewOpportunitySchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const result = await createOpportunity(actor, parsed.data);
  if (!result.ok) {
    const [field, code] = FIELD_OF[result.error];
    return invalid({ [field]: code });
  }
  return redirectWithNotice(
    `/advocacy/opportunities/${result.id}`,
    serverT(actor.locale)("advocacy:newOpportunity.created"),
  );
}

export default function NewOpportunity() {
  const { t } = useTranslation("advocacy");
  const fieldError = useFieldError();
  const { accounts, account, accountError, advocates, owners, actorId } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const errors = answer?.fieldErrors ?? {};
  const busy = useNavigation().state !== "idle";

  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h2 className="text-xl font-semibold text-slate-900">{t("newOpportunity.heading")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("newOpportunity.intro")}</p>
      </div>
      {account ? (
        <Card title={t("newOpportunity.forAccount", { account: account.name })}>
          <Form method="post" className="space-y-4" noValidate>
            <input type="hidden" name="accountId" value={account.id} />
            {errors.accountId ? <p className="text-sm text-red-700">{fieldError(errors.accountId)}</p> : null}
            <SelectField
              label={t("newOpportunity.advocate")}
              name="advocateId"
              hint={t("newOpportunity.advocateHint")}
              error={fieldError(errors.advocateId)}
              options={[
                { value: "", label: t("newOpportunity.noAdvocate") },
                ...advocates.map((person) => ({ value: person.id, label: advocateLabel(person) })),
              ]}
            />
            <SelectField
              label={t("pipeline.type")}
              name="askType"
              defaultValue=""
              error={fieldError(errors.askType)}
              options={[
                { value: "", label: t("newOpportunity.chooseType") },
                ...ASK_TYPES.map((type) => ({ value: type, label: t(`askTypes.${type}`) })),
              ]}
            />
            <SelectField
              label={t("opportunity.owner")}
              name="ownerId"
              defaultValue={owners.some((owner) => owner.id === actorId) ? actorId : ""}
              error={fieldError(errors.ownerId)}
              options={[
                { value: "", label: t("pipeline.unassigned") },
                ...owners.map((owner) => ({ value: owner.id, label: owner.name })),
              ]}
            />
            <TextField label={t("opportunity.dueDate")} name="dueDate" type="date" error={fieldError(errors.dueDate)} />
            <TextAreaField label={t("opportunity.notes")} name="notes" rows={4} error={fieldError(errors.notes)} />
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
          <Form method="get" className="space-y-4">
            <SelectField
              label={t("pipeline.account")}
              name="accountId"
              defaultValue=""
              error={fieldError(accountError ?? undefined)}
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
        </Card>
      )}
    </div>
  );
}
