import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { startSession } from "~/domain/auth/sessions.server";
import { NewPasswordSchema, PersonNameSchema } from "~/domain/auth/validation";
import { acceptInvitation, findUsableInvitation } from "~/domain/people/invitations.server";

import { errorStatus } from "~/lib/errors";
import { requestLocale } from "~/lib/locale.server";
import { readSubmission, refuse } from "~/lib/forms.server";
import { AuthCard } from "~/ui/auth-card";
import { Button, ButtonLink } from "~/ui/button";
import { FormErrors, FormTextField, formProps } from "~/ui/form";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.invitation");

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findUsableInvitation(params.token ?? "");
  if (!invitation) return data({ invitation: null }, { status: 410 });
  return { invitation };
}

const AcceptSchema = z.object({ name: PersonNameSchema, password: NewPasswordSchema });

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = await readSubmission(request, AcceptSchema);
  if (!parsed.ok) return parsed.answer;
  const result = await acceptInvitation(params.token ?? "", { ...parsed.data, locale: requestLocale(request) });
  if (!result.ok) {
    if (result.error === "email_taken") return refuse(parsed.submission, "invitation", "email_taken");
    return data({ linkUsed: true as const }, { status: errorStatus(result.error) });
  }
  return redirect("/", { headers: { "Set-Cookie": await startSession(result.userId) } });
}

export default function AcceptInvitation() {
  const { t } = useTranslation(["auth", "common"]);
  const { invitation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: result && "form" in result ? result.form : undefined });
  const submitting = useNavigation().state === "submitting";

  if (!invitation || (result && "linkUsed" in result)) {
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
      <FormErrors form={form} />
      <Form method="post" className="space-y-4" {...formProps(form)}>
        <input type="hidden" name="email" autoComplete="username" value={invitation.email} />
        <FormTextField
          meta={fields.name}
          label={t("invitation.name")}
          autoComplete="name"
          defaultValue={invitation.name}
          required
        />
        <FormTextField
          meta={fields.password}
          label={t("invitation.password")}
          type="password"
          autoComplete="new-password"
          hint={t("invitation.passwordHelp")}
          required
        />
        <Button className="w-full" disabled={submitting}>
          {t("invitation.submit")}
        </Button>
      </Form>
    </AuthCard>
  );
}
