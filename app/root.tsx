import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { createI18n } from "~/i18n";
import { useI18n } from "~/i18n/use-i18n";
import { requestLocale } from "~/lib/locale.server";
import { getCurrentSession } from "~/domain/auth/sessions.server";
import { currentActor } from "~/domain/auth/guards.server";
import { getViewAs } from "~/domain/auth/view-as.server";
import { navigationFor } from "~/domain/auth/navigation";
import { getAccountById } from "~/domain/people/accounts.server";
import { countInbox } from "~/domain/inbox/inbox.server";
import { isOutboxMode } from "~/domain/mail/outbox.server";
import { takeNotice } from "~/lib/flash.server";
import { vendorName } from "~/lib/env.server";
import { AppShell } from "~/ui/app-shell";
import { NavigationProgress } from "~/ui/navigation-progress";
import { ViewAsBanner } from "~/ui/view-as-banner";
import { Alert } from "~/ui/layout";
import { ButtonLink } from "~/ui/button";
import stylesheet from "~/tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.ico" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await getCurrentSession(request);
  // While a staff member views as a customer, the customer's pages have the customer's shell.
  const [actor, viewAs] = await Promise.all([currentActor(request), getViewAs(request)]);
  const locale = requestLocale(request, actor?.locale);
  const t = createI18n(locale).t;
  const account = actor?.kind === "customer" ? await getAccountById(actor.accountId) : null;
  const { notice, setCookie } = await takeNotice(request);
  // The bell is the customer's own: a viewing staff member sees neither their items nor their count.
  const unreadNotifications = actor && !viewAs ? await countInbox(actor.id) : 0;

  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  if (current?.refreshedCookie) headers.append("Set-Cookie", current.refreshedCookie);

  return data(
    {
      locale,
      notice,
      vendorName,
      unreadNotifications,
      viewAs: viewAs
        ? {
            accountName: viewAs.accountName,
            name: viewAs.customer.name,
            role: t(`roles.${viewAs.customer.accountRole}`),
          }
        : null,
      nav: actor ? navigationFor(actor, { outboxMode: isOutboxMode() }) : [],
      user: actor
        ? {
            name: actor.name,
            email: actor.email,
            roleLabel: t(`roles.${actor.kind === "staff" ? actor.staffRole : actor.accountRole}`),
            accountName: account?.name ?? null,
            timeZone: actor.timeZone,
            home: actor.kind === "staff" ? "/accounts" : `/accounts/${actor.accountId}`,
          }
        : null,
    },
    { headers },
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const locale = root?.locale ?? "en";
  const i18n = useI18n(locale);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <NavigationProgress />
          <AppShell
            user={root?.user ?? null}
            nav={root?.nav ?? []}
            unreadNotifications={root?.unreadNotifications ?? 0}
            bell={!root?.viewAs}
            top={root?.viewAs ? <ViewAsBanner viewAs={root.viewAs} /> : null}
          >
            {root?.notice ? (
              <div className="mb-4">
                <Alert tone="success">{root.notice}</Alert>
              </div>
            ) : null}
            {children}
          </AppShell>
        </I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** The reason of a refusal while viewing as a customer (guards.server.ts), if it is one. */
function viewAsReason(data: unknown): "readOnly" | "personal" | null {
  const reason = typeof data === "object" && data !== null ? (data as { viewAs?: unknown }).viewAs : null;
  return reason === "readOnly" || reason === "personal" ? reason : null;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const root = useRouteLoaderData<typeof loader>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const viewAsRefusal = isRouteErrorResponse(error) ? viewAsReason(error.data) : null;
  const [title, body] = viewAsRefusal
    ? [t("viewAs.refusedTitle"), t(`viewAs.refused.${viewAsRefusal}`)]
    : status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundBody")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenBody")]
        : status === 503
          ? [t("errors.unavailableTitle"), t("errors.unavailableBody")]
          : [t("errors.serverTitle"), t("errors.serverBody")];
  // 503 is the database being away, already logged by the server; not a bug to report.
  if (status >= 500 && status !== 503) console.error(error);
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">{status}</p>
      <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">{body}</p>
      <div className="mt-6">
        <ButtonLink to={root?.user?.home ?? "/login"}>{t("errors.goHome")}</ButtonLink>
      </div>
    </div>
  );
}
