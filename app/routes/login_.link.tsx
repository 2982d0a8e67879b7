import { z } from "zod";
import { errorStatus } from "~/lib/errors";
import { readSubmission } from "~/lib/forms.server";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { consumeEmailLink, peekEmailLink } from "~/domain/auth/email-links.server";
import { LINK_LIFETIME_MINUTES } from "~/domain/auth/link-lifetimes";
import { startSession } from "~/domain/auth/sessions.server";
import { AuthCard } from "~/ui/auth-card";
import { Button, ButtonLink } from "~/ui/button";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.signIn");

/**
 * The emailed sign-in link. Opening it only shows a button; the POST uses the token up. Mail
 * scanners that prefetch links would otherwise burn the single-use link before the person clicks.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const link = token ? await peekEmailLink("magic_link", token) : null;
  if (!link) return data({ token: null, email: null }, { status: 410 });
  return { token, email: link.email };
}

const LinkSchema = z.object({ token: z.string().min(1).max(200) });

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await readSubmission(request, LinkSchema);
  const userId = parsed.ok ? await consumeEmailLink("magic_link", parsed.data.token) : null;
  if (!userId) return data({ failed: true }, { status: errorStatus("invalid_link") });
  return redirect("/", { headers: { "Set-Cookie": await startSession(userId) } });
}

export default function MagicLink() {
  const { t } = useTranslation("auth");
  const { token, email } = useLoaderData<typeof loader>();
  if (!token || !email) {
    return (
      <AuthCard
        title={t("link.invalidTitle")}
        intro={t("link.invalidBody", { minutes: LINK_LIFETIME_MINUTES.magic_link })}
      >
        <ButtonLink to="/login">{t("link.requestNew")}</ButtonLink>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("link.title")} intro={t("link.help")}>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <Button className="w-full">{t("link.confirm", { email })}</Button>
      </Form>
    </AuthCard>
  );
}
