import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { homePath } from "~/domain/auth/actor";
import { requestEmailLink } from "~/domain/auth/email-links.server";
import { LINK_LIFETIME_MINUTES } from "~/domain/auth/link-lifetimes";
import { RATE_LIMITS } from "~/domain/auth/rate-limit";
import { getCurrentSession, startSession } from "~/domain/auth/sessions.server";
import { signInWithPassword } from "~/domain/auth/sign-in.server";
import { EmailSchema } from "~/domain/auth/validation";
import { parseSubmission, replyFor, replyTo } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { requestOrigin } from "~/lib/http.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { useRootData } from "~/lib/root-data";
import { AuthCard } from "~/ui/auth-card";
import { SubmitButton } from "~/ui/button";
import { FormErrors, FormTextField, formProps } from "~/ui/form";
import { Alert } from "~/ui/layout";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.signIn");

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await getCurrentSession(request);
  if (current) throw redirect(homePath(current.actor));
  return null;
}

const LoginSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("link"), email: EmailSchema }),
  z.object({
    intent: z.literal("password"),
    email: EmailSchema,
    password: z
      .string({ required_error: "password.required" })
      .min(1, "password.required")
      .max(200, "password.tooLong"),
    redirectTo: z.string().default(""),
  }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await readSubmission(request, LoginSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;

  if (input.intent === "link") {
    // The answer is the same whether or not the address has an account.
    await requestEmailLink({
      purpose: "magic_link",
      email: input.email,
      ip: context.clientIp,
      origin: requestOrigin(request),
    });
    return { form: replyTo(parsed.submission), sentTo: input.email };
  }

  const result = await signInWithPassword(input.email, input.password, context.clientIp);
  if (!result.ok) {
    return refuse(
      parsed.submission,
      "signIn",
      result.reason === "rate_limited" ? "rate_limited" : "invalid_credentials",
    );
  }
  const cookie = await startSession(result.userId);
  return redirect(safeRedirect(input.redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { t } = useTranslation(["auth", "common"]);
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const root = useRootData();
  const redirectTo = params.get("redirectTo") ?? "";
  const sentTo = result && "sentTo" in result ? result.sentTo : null;
  const [linkForm, linkFields] = useForm({
    id: "link",
    lastResult: replyFor(result, "link"),
    onValidate: ({ formData }) => parseSubmission(formData, LoginSchema),
    shouldRevalidate: "onInput",
  });
  const [passwordForm, passwordFields] = useForm({
    id: "password",
    lastResult: replyFor(result, "password"),
    onValidate: ({ formData }) => parseSubmission(formData, LoginSchema),
    shouldRevalidate: "onInput",
  });

  return (
    <AuthCard title={t("login.title")} intro={t("login.intro", { vendor: root?.vendorName ?? "" })}>
      <section aria-labelledby="link-heading" className="space-y-3">
        <h2 id="link-heading" className="text-sm font-semibold text-slate-900">
          {t("login.linkHeading")}
        </h2>
        <p className="text-sm text-slate-600">{t("login.linkHelp", { minutes: LINK_LIFETIME_MINUTES.magic_link })}</p>
        {sentTo ? <Alert tone="success">{t("login.linkSent", { email: sentTo })}</Alert> : null}
        <Form method="post" className="space-y-3" {...formProps(linkForm)}>
          <input type="hidden" name="intent" value="link" />
          <FormTextField meta={linkFields.email} label={t("login.email")} type="email" autoComplete="email" required />
          <SubmitButton className="w-full" pendingLabel={t("common:actions.sending")}>
            {t("login.sendLink")}
          </SubmitButton>
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
        <FormErrors form={passwordForm} values={{ minutes: RATE_LIMITS.password.windowMinutes }} />
        <Form method="post" className="space-y-3" {...formProps(passwordForm)}>
          <input type="hidden" name="intent" value="password" />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <FormTextField
            meta={passwordFields.email}
            label={t("login.email")}
            type="email"
            autoComplete="username"
            required
          />
          <FormTextField
            meta={passwordFields.password}
            label={t("login.password")}
            type="password"
            autoComplete="current-password"
            required
          />
          <div className="flex items-center justify-between gap-3">
            <Link to="/forgot-password" className="text-sm text-brand-700 underline-offset-2 hover:underline">
              {t("login.forgot")}
            </Link>
            <SubmitButton variant="secondary" pendingLabel={t("common:actions.signingIn")}>
              {t("login.submit")}
            </SubmitButton>
          </div>
        </Form>
      </section>
    </AuthCard>
  );
}
