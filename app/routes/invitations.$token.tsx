import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { startSession } from "~/domain/auth/sessions.server";
import { NewPasswordSchema, PersonNameSchema } from "~/domain/auth/validation";
import { acceptInvitation, findUsableInvitation } from "~/domain/people/invitations.server";
import { parseForm } from "~/lib/forms";
import { AuthCard } from "~/ui/auth-card";
import { Button, ButtonLink } from "~/ui/button";
import { TextField } from "~/ui/field";
import { Alert } from "~/ui/layout";
import { useFieldError } from "~/ui/use-field-error";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.invitation");

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findUsableInvitation(params.token ?? "");
  if (!invitation) return data({ invitation: null }, { status: 410 });
  return { invitation };
}

const AcceptSchema = z.object({ name: PersonNameSchema, password: NewPasswordSchema });

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = parseForm(AcceptSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, error: null }, { status: 400 });
  const result = await acceptInvitation(params.token ?? "", parsed.data);
  if (!result.ok)
    return data(
      { fieldErrors: {} as Record<string, string | undefined>, error: result.error },
      { status: result.error === "email_taken" ? 409 : 410 },
    );
  return redirect("/", { headers: { "Set-Cookie": await startSession(result.userId) } });
}

export default function AcceptInvitation() {
  const { t } = useTranslation(["auth", "common"]);
  const fieldError = useFieldError();
  const { invitation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";

  if (!invitation || result?.error === "invalid_link") {
    return (
      <AuthCard title={t("invitation.invalidTitle")} intro={t("invitation.invalidBody")}>
        <ButtonLink to="/login" variant="secondary">
          {t("invitation.goToLogin")}
        </ButtonLink>
      </AuthCard>
    );
  }
  const where = invitation.accountName ?? t("invitation.vendorTeam");
  return (
    <AuthCard
      title={t("invitation.title", { where })}
      intro={t("invitation.intro", {
        inviter: invitation.inviterName,
        email: invitation.email,
        role: t(`common:roles.${invitation.role as "member"}`),
      })}
    >
      {result?.error === "email_taken" ? <Alert tone="error">{t("invitation.emailTaken")}</Alert> : null}
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="email" autoComplete="username" value={invitation.email} />
        <TextField
          label={t("invitation.name")}
          name="name"
          autoComplete="name"
          defaultValue={invitation.name}
          required
          error={fieldError(result?.fieldErrors?.name)}
        />
        <TextField
          label={t("invitation.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t("invitation.passwordHelp")}
          required
          error={fieldError(result?.fieldErrors?.password)}
        />
        <Button className="w-full" disabled={submitting}>
          {t("invitation.submit")}
        </Button>
      </Form>
    </AuthCard>
  );
}
