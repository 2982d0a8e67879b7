import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { EmailSchema, PersonNameSchema } from "~/domain/auth/validation";
import { ACCOUNT_ERROR_FIELD, AccountInputSchema } from "~/domain/people/account-schemas";
import { createAccount, listAccountOwners, listSegments, listUseCasesInUse } from "~/domain/people/accounts.server";
import { type InviteError, createInvitation } from "~/domain/people/invitations.server";
import { INVITATION_LIFETIME_DAYS } from "~/domain/people/rules";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";

import { readSubmission, refuse } from "~/lib/forms.server";
import { requestOrigin } from "~/lib/http.server";
import { listTimeZones } from "~/lib/time-zones";
import { AccountFields } from "~/ui/account-fields";
import { Button, ButtonLink } from "~/ui/button";
import { FormErrors, FormTextField, formProps } from "~/ui/form";
import { Alert, Card, PageHeader } from "~/ui/layout";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.newAccount");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "accounts.create");
  const [segments, owners, useCaseSuggestions] = await Promise.all([
    listSegments(),
    listAccountOwners(),
    listUseCasesInUse(),
  ]);
  return {
    segments,
    owners,
    useCaseSuggestions,
    timeZones: listTimeZones(),
    defaultCsmId: actor.staffRole === "csm" ? actor.id : null,
  };
}

const NewAccountSchema = AccountInputSchema.extend({
  championEmail: EmailSchema,
  championName: z.preprocess((v) => (v === "" ? undefined : v), PersonNameSchema.optional()),
});

/** Thrown inside the transaction to roll the account back when its champion can't be invited. */
class InviteRefused extends Error {
  constructor(readonly code: InviteError) {
    super(code);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "accounts.create");
  const parsed = await readSubmission(request, NewAccountSchema);
  if (!parsed.ok) return parsed.answer;
  const { championEmail, championName, ...input } = parsed.data;
  let result;
  try {
    result = await createAccount(actor, input, async (tx, accountId) => {
      const invited = await createInvitation(tx, {
        actor,
        email: championEmail,
        name: championName,
        target: { kind: "account", accountId, accountRole: "champion" },
        origin: requestOrigin(request),
      });
      if (!invited.ok) throw new InviteRefused(invited.error);
    });
  } catch (error) {
    if (!(error instanceof InviteRefused)) throw error;
    result = { ok: false as const, error: error.code };
  }
  if (!result.ok) return refuse(parsed.submission, "account", result.error, ACCOUNT_ERROR_FIELD[result.error]);
  const t = serverT(actor.locale);
  return redirectWithNotice(
    `/accounts/${result.accountId}`,
    t("people:accountForm.created", { name: input.name, email: championEmail }),
  );
}

export default function NewAccount() {
  const { t } = useTranslation(["people", "common"]);
  const { segments, owners, timeZones, defaultCsmId, useCaseSuggestions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const [form, fields] = useForm({ lastResult: result?.form });
  return (
    <>
      <PageHeader title={t("accountForm.createTitle")} description={t("accountForm.createDescription")} />
      <Form method="post" className="space-y-6" {...formProps(form)}>
        {result && !form.errors ? <Alert tone="error">{t("common:errors.formInvalid")}</Alert> : null}
        <FormErrors form={form} />
        <Card title={t("accountForm.createTitle")}>
          <AccountFields
            values={{ csmId: defaultCsmId, timeZone: "UTC" }}
            fields={fields}
            segments={segments}
            owners={owners}
            timeZones={timeZones}
            useCaseSuggestions={useCaseSuggestions}
          />
        </Card>
        <Card title={t("accountForm.championHeading")}>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <FormTextField
              meta={fields.championEmail}
              label={t("accountForm.championEmail")}
              type="email"
              autoComplete="off"
              required
              hint={t("accountForm.championHint", { days: INVITATION_LIFETIME_DAYS })}
            />
            <FormTextField meta={fields.championName} label={t("accountForm.championName")} autoComplete="off" />
          </div>
        </Card>
        <div className="flex justify-end gap-2">
          <ButtonLink to="/accounts" variant="ghost">
            {t("common:actions.cancel")}
          </ButtonLink>
          <Button disabled={submitting}>{t("accountForm.create")}</Button>
        </div>
      </Form>
    </>
  );
}
