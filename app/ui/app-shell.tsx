import { Form, Link, NavLink } from "@remix-run/react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NavItem } from "~/domain/auth/navigation";
import { LanguageSwitcher } from "./language-switcher";
import { NotificationsMenu } from "./notifications-menu";

export interface ShellUser {
  name: string;
  email: string;
  roleLabel: string;
  accountName: string | null;
}

function navClass({ isActive }: { isActive: boolean }) {
  return `block whitespace-nowrap rounded-md px-2.5 py-2 text-sm font-medium ${
    isActive ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
  }`;
}

function NavList({ nav, className, onNavigate }: { nav: NavItem[]; className: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <ul className={className}>
      {nav.map((item) => (
        <li key={item.key}>
          <NavLink to={item.to} end={item.key === "home"} className={navClass} prefetch="intent" onClick={onNavigate}>
            {t(`nav.${item.key}`)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/logout">
      <button
        type="submit"
        className="rounded-md px-2.5 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
      >
        {t("nav.signOut")}
      </button>
    </Form>
  );
}

export function AppShell({
  user,
  nav,
  unreadNotifications = 0,
  children,
}: {
  user: ShellUser | null;
  nav: NavItem[];
  unreadNotifications?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const home = nav[0]?.to ?? "/";

  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:px-6">
          <Link to={home} className="flex items-center gap-2 font-semibold text-slate-900">
            <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-sm text-white">
              T
            </span>
            <span>{t("appName")}</span>
            {user?.accountName ? (
              <span className="hidden whitespace-nowrap text-sm font-normal text-slate-500 sm:inline lg:hidden xl:inline">
                · {user.accountName}
              </span>
            ) : null}
          </Link>
          {user ? (
            <>
              <nav aria-label={t("nav.main")} className="hidden flex-1 lg:block">
                <NavList nav={nav} className="flex gap-0.5" />
              </nav>
              <div className="ml-auto">
                <NotificationsMenu unread={unreadNotifications} />
              </div>
              <div className="hidden items-center gap-3 lg:flex">
                <div className="hidden whitespace-nowrap text-right leading-tight xl:block">
                  <div className="text-sm font-medium text-slate-900">{user.name}</div>
                  <div className="text-xs text-slate-500">{user.roleLabel}</div>
                </div>
                <LanguageSwitcher />
                <SignOutButton />
              </div>
              <button
                type="button"
                className="rounded-md p-2 text-slate-700 ring-1 ring-slate-300 lg:hidden"
                aria-expanded={menuOpen}
                aria-controls="mobile-menu"
                onClick={() => setMenuOpen((open) => !open)}
              >
                <span className="sr-only">{menuOpen ? t("nav.closeMenu") : t("nav.openMenu")}</span>
                <svg aria-hidden width="20" height="20" viewBox="0 0 20 20" fill="currentColor">
                  <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
                </svg>
              </button>
            </>
          ) : (
            <LanguageSwitcher className="ml-auto" />
          )}
        </div>
        {user && menuOpen ? (
          <div id="mobile-menu" className="border-t border-slate-200 px-4 py-3 lg:hidden">
            <nav aria-label={t("nav.main")}>
              <NavList nav={nav} className="space-y-1" onNavigate={() => setMenuOpen(false)} />
            </nav>
            <div className="mt-3 flex items-center justify-between border-t border-slate-200 pt-3">
              <div className="text-sm">
                <div className="font-medium">{user.name}</div>
                <div className="text-xs text-slate-500">{user.roleLabel}</div>
              </div>
              <div className="flex items-center gap-2">
                <LanguageSwitcher />
                <SignOutButton />
              </div>
            </div>
          </div>
        ) : null}
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8 print:max-w-none print:p-0">
        {children}
      </main>
    </div>
  );
}
