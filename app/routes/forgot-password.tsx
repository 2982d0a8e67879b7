import { type ActionFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requestEmailLink } from "~/domain/auth/email-links.server";
import { LINK_LIFETIME_MINUTES } from "~/domain/auth/link-lifetimes";
import { EmailSchema } from "~/domain/auth/validation";
import { parseForm } from "~/lib/forms";
import { requestOrigin } from "~/lib/http.server";
import { AuthCard } from "~/ui/auth-card";
import { Button } from "~/ui/button";
import { TextField } from "~/ui/field";
import { Alert } from "~/ui/layout";
import { useFieldError } from "~/ui/use-field-error";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.resetPassword");

const ForgotSchema = z.object({ email: EmailSchema });

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(ForgotSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, sentTo: null }, { status: 400 });
  // Same answer whether or not the address has an account.
  await requestEmailLink({
    purpose: "password_reset",
    email: parsed.data.email,
    ip: context.clientIp,
    origin: requestOrigin(request),
  });
  return { fieldErrors: null, sentTo: parsed.data.email };
}

export default function ForgotPassword() {
  const { t } = useTranslation("auth");
  const fieldError = useFieldError();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  return (
    <AuthCard title={t("forgot.title")} intro={t("forgot.help")}>
      {result?.sentTo ? (
        <Alert tone="success">
          {t("forgot.sent", { email: result.sentTo, minutes: LINK_LIFETIME_MINUTES.password_reset })}
        </Alert>
      ) : null}
      <Form method="post" className="space-y-3" noValidate>
        <TextField
          label={t("login.email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          error={fieldError(result?.fieldErrors?.email)}
        />
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
