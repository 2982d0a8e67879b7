import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NavItem } from "~/domain/auth/navigation";
import { LanguageSwitcher } from "./language-switcher";
import { DisclosureMenu } from "./disclosure-menu";
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

function NavLinkItem({ item, onNavigate }: { item: NavItem; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const under = item.alsoUnder?.some((section) => inSection(pathname, section)) ?? false;
  return (
    <NavLink
      to={item.to}
      end={item.key === "home"}
      className={({ isActive }) => navClass({ isActive: isActive || under })}
      prefetch="intent"
      onClick={onNavigate}
    >
      {t(`nav.${item.key}`)}
    </NavLink>
  );
}

/** "/telemetry/unmatched" belongs to the item "/telemetry/write-keys": the first path segment names the area. */
function inSection(pathname: string, to: string) {
  const section = `/${to.split("/")[1]}`;
  return pathname === section || pathname.startsWith(`${section}/`);
}

/** Workspace administration behind one menu, so an admin's bar fits at 1366 px. */
function AdminMenu({ items }: { items: NavItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const active = items.some((item) => inSection(pathname, item.to));
  return (
    <DisclosureMenu summary={t("nav.admin")} summaryClassName={navClass({ isActive: active })}>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <NavLinkItem item={item} />
          </li>
        ))}
      </ul>
    </DisclosureMenu>
  );
}

/** Who is signed in, with the language and signing out behind it: the bar keeps its room for the areas. */
function UserMenu({ user }: { user: ShellUser }) {
  return (
    <DisclosureMenu
      summary={
        <span className="text-right leading-tight">
          <span className="block max-w-40 truncate text-sm font-medium text-slate-900">{user.name}</span>
          <span className="block max-w-40 truncate text-xs text-slate-600">{user.roleLabel}</span>
        </span>
      }
      summaryClassName="rounded-md px-2 py-1 hover:bg-slate-100"
      panelClassName="w-56"
    >
      <div className="space-y-3 p-2">
        <div className="break-all text-xs text-slate-500">{user.email}</div>
        <LanguageSwitcher />
        <SignOutButton />
      </div>
    </DisclosureMenu>
  );
}

/** The bar: everyday areas in a row, administration folded into one menu where the first admin item sits. */
function DesktopNav({ nav }: { nav: NavItem[] }) {
  const admin = nav.filter((item) => item.group === "admin");
  const firstAdmin = nav.findIndex((item) => item.group === "admin");
  return (
    <ul className="flex gap-0.5">
      {nav.map((item, index) =>
        item.group === "admin" ? (
          index === firstAdmin ? (
            <li key="admin">
              <AdminMenu items={admin} />
            </li>
          ) : null
        ) : (
          <li key={item.key}>
            <NavLinkItem item={item} />
          </li>
        ),
      )}
    </ul>
  );
}

/** The phone menu has room to list everything, with administration under its own heading. */
function MobileNav({ nav, onNavigate }: { nav: NavItem[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const admin = nav.filter((item) => item.group === "admin");
  const everyday = nav.filter((item) => item.group !== "admin");
  return (
    <>
      <ul className="space-y-1">
        {everyday.map((item) => (
          <li key={item.key}>
            <NavLinkItem item={item} onNavigate={onNavigate} />
          </li>
        ))}
      </ul>
      {admin.length > 0 ? (
        <>
          <h2 className="mt-3 px-2.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("nav.admin")}</h2>
          <ul className="mt-1 space-y-1">
            {admin.map((item) => (
              <li key={item.key}>
                <NavLinkItem item={item} onNavigate={onNavigate} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
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
  bell = true,
  top,
  children,
}: {
  user: ShellUser | null;
  nav: NavItem[];
  unreadNotifications?: number;
  /** The notifications bell (not while viewing as a customer: their notifications are their own). */
  bell?: boolean;
  /** A bar above the header on every page (viewing as a customer). */
  top?: ReactNode;
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
      {top}
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
                <DesktopNav nav={nav} />
              </nav>
              <div className="ml-auto">{bell ? <NotificationsMenu unread={unreadNotifications} /> : null}</div>
              <div className="hidden lg:block">
                <UserMenu user={user} />
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
              <MobileNav nav={nav} onNavigate={() => setMenuOpen(false)} />
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
