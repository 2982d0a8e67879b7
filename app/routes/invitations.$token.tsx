import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { endSession, getCurrentSession, startSession } from "~/domain/auth/sessions.server";
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

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await findUsableInvitation(params.token ?? "");
  if (!invitation) return data({ invitation: null, signedInAs: null }, { status: 410 });
  // Accepting starts the invitee's session: someone already signed in (an admin following a link
  // from the outbox, say) is asked first rather than silently becoming the invitee.
  const current = await getCurrentSession(request);
  const signedInAs = current ? { name: current.actor.name, email: current.actor.email } : null;
  return { invitation, signedInAs };
}

const AcceptSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), name: PersonNameSchema, password: NewPasswordSchema }),
  z.object({ intent: z.literal("sign_out") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = await readSubmission(request, AcceptSchema);
  if (!parsed.ok) return parsed.answer;
  const current = await getCurrentSession(request);
  if (parsed.data.intent === "sign_out") {
    const headers = current ? { "Set-Cookie": await endSession(current.sessionId) } : undefined;
    return redirect(new URL(request.url).pathname, { headers });
  }
  if (current) return refuse(parsed.submission, "invitation", "signed_in");
  const result = await acceptInvitation(params.token ?? "", { ...parsed.data, locale: requestLocale(request) });
  if (!result.ok) {
    if (result.error === "email_taken") return refuse(parsed.submission, "invitation", "email_taken");
    return data({ linkUsed: true as const }, { status: errorStatus(result.error) });
  }
  return redirect("/", { headers: { "Set-Cookie": await startSession(result.userId) } });
}

export default function AcceptInvitation() {
  const { t } = useTranslation(["auth", "common"]);
  const { invitation, signedInAs } = useLoaderData<typeof loader>();
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
  if (signedInAs) {
    return (
      <AuthCard
        title={t("invitation.title", { where })}
        intro={t("invitation.signedInAs", {
          name: signedInAs.name,
          email: signedInAs.email,
          invitee: invitation.email,
        })}
      >
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="sign_out" />
          <Button className="w-full" disabled={submitting}>
            {t("invitation.signOutAndAccept", { invitee: invitation.email })}
          </Button>
          <ButtonLink to="/" variant="secondary" className="w-full">
            {t("invitation.staySignedIn", { name: signedInAs.name })}
          </ButtonLink>
        </Form>
      </AuthCard>
    );
  }
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
        <input type="hidden" name="intent" value="accept" />
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
