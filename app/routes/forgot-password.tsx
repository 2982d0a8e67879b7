import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requestEmailLink } from "~/domain/auth/email-links.server";
import { LINK_LIFETIME_MINUTES } from "~/domain/auth/link-lifetimes";
import { EmailSchema } from "~/domain/auth/validation";
import { parseSubmission, replyTo } from "~/lib/forms";
import { readSubmission } from "~/lib/forms.server";
import { requestOrigin } from "~/lib/http.server";
import { AuthCard } from "~/ui/auth-card";
import { Button } from "~/ui/button";
import { FormTextField, formProps } from "~/ui/form";
import { Alert } from "~/ui/layout";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.resetPassword");

const ForgotSchema = z.object({ email: EmailSchema });

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await readSubmission(request, ForgotSchema);
  if (!parsed.ok) return parsed.answer;
  // Same answer whether or not the address has an account.
  await requestEmailLink({
    purpose: "password_reset",
    email: parsed.data.email,
    ip: context.clientIp,
    origin: requestOrigin(request),
  });
  return { form: replyTo(parsed.submission, {}), sentTo: parsed.data.email };
}

export default function ForgotPassword() {
  const { t } = useTranslation("auth");
  const result = useActionData<typeof action>();
  const sentTo = result && "sentTo" in result ? result.sentTo : null;
  const [form, fields] = useForm({
    lastResult: result?.form,
    onValidate: ({ formData }) => parseSubmission(formData, ForgotSchema),
    shouldRevalidate: "onInput",
  });
  const submitting = useNavigation().state === "submitting";
  return (
    <AuthCard title={t("forgot.title")} intro={t("forgot.help")}>
      {sentTo ? (
        <Alert tone="success">
          {t("forgot.sent", { email: sentTo, minutes: LINK_LIFETIME_MINUTES.password_reset })}
        </Alert>
      ) : null}
      <Form method="post" className="space-y-3" {...formProps(form)}>
        <FormTextField meta={fields.email} label={t("login.email")} type="email" autoComplete="email" required />
        <Button className="w-full" disabled={submitting}>
          {t("forgot.submit")}
        </Button>
      </Form>
      <Link to="/login" className="block text-center text-sm text-brand-700 hover:underline">
        {t("forgot.backToLogin")}
      </Link>
    </AuthCard>
  );
}
