import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { homePath } from "~/domain/auth/actor";
import { requestEmailLink } from "~/domain/auth/email-links.server";
import { getCurrentSession, startSession } from "~/domain/auth/sessions.server";
import { signInWithPassword } from "~/domain/auth/sign-in.server";
import { EmailSchema } from "~/domain/auth/validation";
import { parseForm } from "~/lib/forms";
import { requestOrigin } from "~/lib/http.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { useRootData } from "~/lib/root-data";
import { AuthCard } from "~/ui/auth-card";
import { Button } from "~/ui/button";
import { TextField } from "~/ui/field";
import { Alert } from "~/ui/layout";
import { useFieldError } from "~/ui/use-field-error";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.signIn");

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await getCurrentSession(request);
  if (current) throw redirect(homePath(current.actor));
  return null;
}

const LinkSchema = z.object({ email: EmailSchema });
const PasswordSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, "password.required").max(200, "password.tooLong"),
});

type ActionResult =
  | {
      intent: "link" | "password";
      fieldErrors?: Record<string, string | undefined>;
      formError?: "invalid" | "rateLimited";
      sentTo?: string;
    }
  | undefined;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = form.get("intent") === "password" ? "password" : "link";

  if (intent === "link") {
    const parsed = parseForm(LinkSchema, form);
    if (!parsed.ok) return data<ActionResult>({ intent, fieldErrors: parsed.fieldErrors }, { status: 400 });
    // The answer is the same whether or not the address has an account.
    await requestEmailLink({
      purpose: "magic_link",
      email: parsed.data.email,
      ip: context.clientIp,
      origin: requestOrigin(request),
    });
    return data<ActionResult>({ intent, sentTo: parsed.data.email });
  }

  const parsed = parseForm(PasswordSchema, form);
  if (!parsed.ok) return data<ActionResult>({ intent, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await signInWithPassword(parsed.data.email, parsed.data.password, context.clientIp);
  if (!result.ok) {
    return data<ActionResult>(
      { intent, formError: result.reason === "rate_limited" ? "rateLimited" : "invalid" },
      { status: result.reason === "rate_limited" ? 429 : 401 },
    );
  }
  const cookie = await startSession(result.userId);
  return redirect(safeRedirect(form.get("redirectTo"), "/"), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { t } = useTranslation("auth");
  const fieldError = useFieldError();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const root = useRootData();
  const redirectTo = params.get("redirectTo") ?? "";
  const busy = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const linkErrors = result?.intent === "link" ? result.fieldErrors : undefined;
  const passwordErrors = result?.intent === "password" ? result.fieldErrors : undefined;

  return (
    <AuthCard title={t("login.title")} intro={t("login.intro", { vendor: root?.vendorName ?? "" })}>
      <section aria-labelledby="link-heading" className="space-y-3">
        <h2 id="link-heading" className="text-sm font-semibold text-slate-900">
          {t("login.linkHeading")}
        </h2>
        <p className="text-sm text-slate-600">{t("login.linkHelp")}</p>
        {result?.intent === "link" && result.sentTo ? (
          <Alert tone="success">{t("login.linkSent", { email: result.sentTo })}</Alert>
        ) : null}
        <Form method="post" className="space-y-3" noValidate>
          <input type="hidden" name="intent" value="link" />
          <TextField
            label={t("login.email")}
            name="email"
            type="email"
            autoComplete="email"
            required
            error={fieldError(linkErrors?.email)}
          />
          <Button className="w-full" disabled={busy === "link"}>
            {t("login.sendLink")}
          </Button>
        </Form>
      </section>

      <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500" aria-hidden>
        <span className="h-px flex-1 bg-slate-200" />
        {t("login.or")}
        <span className="h-px flex-1 bg-slate-200" />
      </div>

      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-sm font-semibold text-slate-900">
          {t("login.passwordHeading")}
        </h2>
        {result?.intent === "password" && result.formError ? (
          <Alert tone="error">{t(`login.${result.formError}`)}</Alert>
        ) : null}
        <Form method="post" className="space-y-3" noValidate>
          <input type="hidden" name="intent" value="password" />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField
            id="password-email"
            label={t("login.email")}
            name="email"
            type="email"
            autoComplete="username"
            required
            error={fieldError(passwordErrors?.email)}
          />
          <TextField
            label={t("login.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={fieldError(passwordErrors?.password)}
          />
          <div className="flex items-center justify-between gap-3">
            <Link to="/forgot-password" className="text-sm text-brand-700 underline-offset-2 hover:underline">
              {t("login.forgot")}
            </Link>
            <Button variant="secondary" disabled={busy === "password"}>
              {t("login.submit")}
            </Button>
          </div>
        </Form>
      </section>
    </AuthCard>
  );
}
