import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { ACCOUNT_ERROR_FIELD, AccountInputSchema } from "~/domain/people/account-schemas";
import { listAccountOwners, listSegments, listUseCasesInUse, updateAccount } from "~/domain/people/accounts.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { versionField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { listTimeZones } from "~/lib/time-zones";
import { AccountFields } from "~/ui/account-fields";
import { Button, ButtonLink } from "~/ui/button";
import { Alert, Card } from "~/ui/layout";
import { FormErrors, formProps } from "~/ui/form";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await requireAccountAccess(request, params.accountId, "account.edit");
  const [segments, owners, useCaseSuggestions] = await Promise.all([
    listSegments(),
    listAccountOwners(),
    listUseCasesInUse(undefined, account.id),
  ]);
  return { account, segments, owners, timeZones: listTimeZones(), useCaseSuggestions };
}

const EditAccountSchema = AccountInputSchema.extend({ version: versionField() });

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.edit");
  const parsed = await readSubmission(request, EditAccountSchema);
  if (!parsed.ok) return parsed.answer;
  const { version, ...input } = parsed.data;
  const result = await updateAccount(actor, account.id, input, version);
  if (!result.ok) return refuse(parsed.submission, "account", result.error, ACCOUNT_ERROR_FIELD[result.error]);
  return redirectWithNotice(`/accounts/${account.id}`, serverT(actor.locale)("people:accountForm.saved"));
}

export default function EditAccount() {
  const { t } = useTranslation(["people", "common"]);
  const { account, segments, owners, timeZones, useCaseSuggestions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: result?.form });
  const submitting = useNavigation().state === "submitting";
  return (
    <Form method="post" className="space-y-6" {...formProps(form)}>
      <input type="hidden" name="version" value={account.version} />
      {result && !form.errors ? <Alert tone="error">{t("common:errors.formInvalid")}</Alert> : null}
      <FormErrors form={form} />
      <Card title={t("accountForm.editTitle", { name: account.name })}>
        <AccountFields
          values={account}
          fields={fields}
          segments={segments}
          owners={owners}
          timeZones={timeZones}
          useCaseSuggestions={useCaseSuggestions}
        />
      </Card>
      <div className="flex justify-end gap-2">
        <ButtonLink to={`/accounts/${account.id}`} variant="ghost">
          {t("common:actions.cancel")}
        </ButtonLink>
        <Button disabled={submitting}>{t("accountForm.save")}</Button>
      </div>
    </Form>
  );
}
