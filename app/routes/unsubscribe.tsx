import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { OptionalMailKind } from "~/domain/mail/kinds";
import { turnOffKind } from "~/domain/mail/preferences.server";
import { UNSUBSCRIBE_LINK_DAYS, checkUnsubscribeToken } from "~/domain/mail/unsubscribe-token.server";
import { pageTitle } from "~/lib/meta";
import { AuthCard } from "~/ui/auth-card";
import { Button, ButtonLink } from "~/ui/button";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "settings:unsubscribe.title");

type Answer =
  { state: "confirm" | "done"; kind: OptionalMailKind; token: string } | { state: "invalid" | "expired"; days: number };

/** The token alone authorizes (no session): a link from an email, read on any device. */
async function check(token: string | null) {
  const result = await checkUnsubscribeToken(token ?? "");
  if (!result.ok) return { state: result.reason, days: UNSUBSCRIBE_LINK_DAYS } as const;
  return { state: "confirm", kind: result.kind, token: token!, userId: result.userId } as const;
}

// A GET changes nothing: mail scanners follow links. It asks for the one button instead.
export async function loader({ request }: LoaderFunctionArgs) {
  const answer = await check(new URL(request.url).searchParams.get("token"));
  if (answer.state !== "confirm") return data(answer as Answer, { status: 400 });
  // The page needs the kind and the token for its button; the person's id stays on the server.
  return data({ state: "confirm", kind: answer.kind, token: answer.token } as Answer);
}

/**
 * The page's button and RFC 8058's one-click POST (`List-Unsubscribe=One-Click` to the same
 * address, from the mail client) both land here; the token comes in the address or the form.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const field = form.get("token");
  const token = typeof field === "string" && field ? field : new URL(request.url).searchParams.get("token");
  const answer = await check(token);
  if (answer.state !== "confirm") return data(answer, { status: 400 });
  if (!(await turnOffKind(answer.userId, answer.kind))) {
    return data({ state: "invalid", days: UNSUBSCRIBE_LINK_DAYS } as Answer, { status: 400 });
  }
  return data({ state: "done", kind: answer.kind } as Answer);
}

export default function Unsubscribe() {
  const { t } = useTranslation(["settings", "mail"]);
  const loaded = useLoaderData<typeof loader>();
  const answer = (useActionData<typeof action>() ?? loaded) as Answer;
  const submitting = useNavigation().state === "submitting";
  const settings = (
    <ButtonLink to="/settings/notifications" variant="secondary">
      {t("settings:unsubscribe.settingsLink")}
    </ButtonLink>
  );
  if ("days" in answer) {
    return (
      <AuthCard
        title={t(`settings:unsubscribe.${answer.state}Title`)}
        intro={<p role="alert">{t(`settings:unsubscribe.${answer.state}Body`, { days: answer.days })}</p>}
      >
        {settings}
      </AuthCard>
    );
  }
  const kind = String(t(`mail:unsubscribe.kinds.${answer.kind}`));
  if (answer.state === "done") {
    return (
      <AuthCard
        title={t("settings:unsubscribe.doneTitle")}
        intro={<p role="status">{t("settings:unsubscribe.doneBody", { kind })}</p>}
      >
        {settings}
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={t("settings:unsubscribe.confirmTitle", { kind })}
      intro={t("settings:unsubscribe.confirmBody", { kind })}
    >
      <Form method="post" className="space-y-3">
        <input type="hidden" name="token" value={answer.token} />
        <Button className="w-full" disabled={submitting}>
          {t("settings:unsubscribe.submit")}
        </Button>
      </Form>
    </AuthCard>
  );
}
