import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { EmailSchema, PersonNameSchema } from "~/domain/auth/validation";
import { AccountInputSchema } from "~/domain/people/account-schemas";
import { createAccount, listAccountOwners, listSegments, listUseCasesInUse } from "~/domain/people/accounts.server";
import { createInvitation } from "~/domain/people/invitations.server";
import { INVITATION_LIFETIME_DAYS } from "~/domain/people/rules";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { requestOrigin } from "~/lib/http.server";
import { listTimeZones } from "~/lib/time-zones";
import { AccountFields } from "~/ui/account-fields";
import { Button, ButtonLink } from "~/ui/button";
import { TextField } from "~/ui/field";
import { Alert, Card, PageHeader } from "~/ui/layout";
import { useAccountFormMessages } from "~/ui/use-account-form-messages";
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

type Errors = Record<string, string | undefined>;
const FIELD_OF_ERROR: Record<string, string> = {
  name_taken: "name",
  external_id_taken: "externalId",
  unknown_segment: "segmentId",
  unknown_csm: "csmId",
  email_taken: "championEmail",
  seats_full: "licensedSeats",
};

/** Thrown inside the transaction to roll the account back when its champion can't be invited. */
class InviteRefused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "accounts.create");
  const parsed = parseForm(NewAccountSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors as Errors, errorCode: null }, { status: 400 });
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
      return invited.mail;
    });
  } catch (error) {
    if (!(error instanceof InviteRefused)) throw error;
    result = { ok: false as const, error: error.code };
  }
  if (!result.ok) {
    const field = FIELD_OF_ERROR[result.error] ?? "name";
    return data({ fieldErrors: {} as Errors, errorCode: { field, code: result.error } }, { status: 409 });
  }
  await result.extra.send();
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
  const messages = useAccountFormMessages(result);
  return (
    <>
      <PageHeader title={t("accountForm.createTitle")} description={t("accountForm.createDescription")} />
      <Form method="post" className="space-y-6" noValidate>
        {result ? <Alert tone="error">{t("common:errors.formInvalid")}</Alert> : null}
        <Card title={t("accountForm.createTitle")}>
          <AccountFields
            values={{ csmId: defaultCsmId, timeZone: "UTC" }}
            errors={messages}
            segments={segments}
            owners={owners}
            timeZones={timeZones}
            useCaseSuggestions={useCaseSuggestions}
          />
        </Card>
        <Card title={t("accountForm.championHeading")}>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <TextField
              label={t("accountForm.championEmail")}
              name="championEmail"
              type="email"
              autoComplete="off"
              required
              hint={t("accountForm.championHint", { days: INVITATION_LIFETIME_DAYS })}
              error={messages.championEmail}
            />
            <TextField
              label={t("accountForm.championName")}
              name="championName"
              autoComplete="off"
              error={messages.championName}
            />
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
