import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { peekEmailLink } from "~/domain/auth/email-links.server";
import { startSession } from "~/domain/auth/sessions.server";
import { resetPasswordWithLink } from "~/domain/auth/sign-in.server";
import { NewPasswordSchema } from "~/domain/auth/validation";

import { errorStatus } from "~/lib/errors";
import { readSubmission } from "~/lib/forms.server";
import { AuthCard } from "~/ui/auth-card";
import { Button, ButtonLink } from "~/ui/button";
import { FormTextField, formProps } from "~/ui/form";
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
  const parsed = await readSubmission(request, ResetSchema);
  if (!parsed.ok) return parsed.answer;
  const userId = await resetPasswordWithLink(parsed.data.token, parsed.data.password);
  if (!userId) return data({ expired: true as const }, { status: errorStatus("invalid_link") });
  return redirect("/", { headers: { "Set-Cookie": await startSession(userId) } });
}

export default function ResetPassword() {
  const { t } = useTranslation("auth");
  const { token, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: result && "form" in result ? result.form : undefined });
  const submitting = useNavigation().state === "submitting";
  if (!token || (result && "expired" in result)) {
    return (
      <AuthCard title={t("reset.invalidTitle")} intro={t("reset.invalidBody")}>
        <ButtonLink to="/forgot-password">{t("reset.requestNew")}</ButtonLink>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("reset.title")} intro={email}>
      <Form method="post" className="space-y-3" {...formProps(form)}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" autoComplete="username" value={email ?? ""} />
        <FormTextField
          meta={fields.password}
          label={t("reset.newPassword")}
          type="password"
          autoComplete="new-password"
          required
          hint={t("reset.help")}
        />
        <Button className="w-full" disabled={submitting}>
          {t("reset.submit")}
        </Button>
      </Form>
    </AuthCard>
  );
}
