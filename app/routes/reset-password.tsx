import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { peekEmailLink } from "~/domain/auth/email-links.server";
import { startSession } from "~/domain/auth/sessions.server";
import { resetPasswordWithLink } from "~/domain/auth/sign-in.server";
import { NewPasswordSchema } from "~/domain/auth/validation";
import { parseForm } from "~/lib/forms";
import { AuthCard } from "~/ui/auth-card";
import { Button, ButtonLink } from "~/ui/button";
import { TextField } from "~/ui/field";
import { useFieldError } from "~/ui/use-field-error";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.newPassword");

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const link = token ? await peekEmailLink("password_reset", token) : null;
  if (!link) return data({ token: null, email: null }, { status: 410 });
  return { token, email: link.email };
}

const ResetSchema = z.object({ token: z.string().min(1).max(200), password: NewPasswordSchema });

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(ResetSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, expired: false }, { status: 400 });
  const userId = await resetPasswordWithLink(parsed.data.token, parsed.data.password);
  if (!userId) return data({ fieldErrors: {} as Record<string, string | undefined>, expired: true }, { status: 410 });
  return redirect("/", { headers: { "Set-Cookie": await startSession(userId) } });
}

export default function ResetPassword() {
  const { t } = useTranslation("auth");
  const fieldError = useFieldError();
  const { token, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  if (!token || result?.expired) {
    return (
      <AuthCard title={t("reset.invalidTitle")} intro={t("reset.invalidBody")}>
        <ButtonLink to="/forgot-password">{t("reset.requestNew")}</ButtonLink>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("reset.title")} intro={email}>
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" autoComplete="username" value={email ?? ""} />
        <TextField
          label={t("reset.newPassword")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("reset.help")}
          error={fieldError(result?.fieldErrors?.password)}
        />
        <Button className="w-full" disabled={submitting}>
          {t("reset.submit")}
        </Button>
      </Form>
    </AuthCard>
  );
}
