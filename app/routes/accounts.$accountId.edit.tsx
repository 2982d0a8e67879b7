import { type ActionFunctionArgs, type LoaderFunctionArgs, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { AccountInputSchema } from "~/domain/people/account-schemas";
import { listAccountOwners, listSegments, listUseCasesInUse, updateAccount } from "~/domain/people/accounts.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { listTimeZones } from "~/lib/time-zones";
import { AccountFields } from "~/ui/account-fields";
import { Button, ButtonLink } from "~/ui/button";
import { Alert, Card } from "~/ui/layout";
import { useAccountFormMessages } from "~/ui/use-account-form-messages";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await requireAccountAccess(request, params.accountId, "account.edit");
  const [segments, owners, useCaseSuggestions] = await Promise.all([
    listSegments(),
    listAccountOwners(),
    listUseCasesInUse(undefined, account.id),
  ]);
  return { account, segments, owners, timeZones: listTimeZones(), useCaseSuggestions };
}

const FIELD_OF_ERROR: Record<string, string> = {
  name_taken: "name",
  external_id_taken: "externalId",
  unknown_segment: "segmentId",
  unknown_csm: "csmId",
  stale: "form",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.edit");
  const form = await request.formData();
  const parsed = parseForm(AccountInputSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, errorCode: null }, { status: 400 });
  const result = await updateAccount(actor, account.id, parsed.data, Number(form.get("version")));
  if (!result.ok) {
    return data(
      {
        fieldErrors: {} as Record<string, string | undefined>,
        errorCode: { field: FIELD_OF_ERROR[result.error] ?? "name", code: result.error },
      },
      { status: 409 },
    );
  }
  return redirectWithNotice(`/accounts/${account.id}`, serverT(actor.locale)("people:accountForm.saved"));
}

export default function EditAccount() {
  const { t } = useTranslation(["people", "common"]);
  const { account, segments, owners, timeZones, useCaseSuggestions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const messages = useAccountFormMessages(result);
  const submitting = useNavigation().state === "submitting";
  return (
    <Form method="post" className="space-y-6" noValidate>
      <input type="hidden" name="version" value={account.version} />
      {result ? <Alert tone="error">{messages.form ?? t("common:errors.formInvalid")}</Alert> : null}
      <Card title={t("accountForm.editTitle", { name: account.name })}>
        <AccountFields
          values={account}
          errors={messages}
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
