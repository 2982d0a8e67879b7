import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type InboxItem, inboxItemHref } from "~/domain/inbox/inbox";

/** What an inbox item says, in the reader's language. */
export function InboxItemText({ item }: { item: InboxItem }) {
  const { t } = useTranslation("community");
  if (item.source === "reminder") return <>{t("notifications.reminder", { title: item.title })}</>;
  if (item.source === "item")
    return <>{t(`notifications.kind.${item.kind}`, { who: "", title: "", ...item.params })}</>;
  return <>{t(`notifications.${item.type}`, { who: item.actorName ?? "", title: item.topicTitle })}</>;
}

/**
 * The bell in the app shell: the unread count, and on open the latest notifications (loaded from
 * /notifications), each a link that marks it read. Escape closes it and returns focus. Without
 * JavaScript it is a link to the notifications page.
 */
export function NotificationsMenu({ unread }: { unread: number }) {
  const { t } = useTranslation("community");
  const [open, setOpen] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const list = useFetcher<{ items: InboxItem[] }>();
  const mark = useFetcher();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (open) list.load("/notifications");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const label =
    unread > 0
      ? `${t("notifications.menu")}: ${t("notifications.unread", { count: unread })}`
      : t("notifications.menu");
  const icon = (
    <>
      <svg aria-hidden width="20" height="20" viewBox="0 0 20 20" fill="currentColor">
        <path d="M10 2a5 5 0 00-5 5v3.6L3.3 13.4A1 1 0 004.2 15h11.6a1 1 0 00.9-1.6L15 10.6V7a5 5 0 00-5-5zm0 16a2.5 2.5 0 002.45-2h-4.9A2.5 2.5 0 0010 18z" />
      </svg>
      {unread > 0 ? (
        <span
          aria-hidden
          className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </>
  );
  const trigger = "relative rounded-md p-2 text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50";

  if (!hydrated) {
    return (
      <Link to="/notifications" className={trigger} aria-label={label}>
        {icon}
      </Link>
    );
  }
  const items = list.data?.items ?? [];
  return (
    <div ref={wrapperRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        className={trigger}
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        {icon}
      </button>
      {open ? (
        <div
          id={panelId}
          className="absolute right-0 z-40 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg bg-white p-2 shadow-lg ring-1 ring-slate-200"
        >
          <h2 className="px-2 py-1 text-sm font-semibold text-slate-900">{t("notifications.title")}</h2>
          {list.state === "loading" && items.length === 0 ? null : items.length === 0 ? (
            <p className="px-2 py-3 text-sm text-slate-600">{t("notifications.empty")}</p>
          ) : (
            <ul className="max-h-80 overflow-y-auto">
              {items.slice(0, 8).map((item) => (
                <li key={item.id}>
                  <Link
                    to={inboxItemHref(item)}
                    className={`block rounded-md px-2 py-2 text-sm hover:bg-slate-100 ${item.read ? "text-slate-600" : "font-medium text-slate-900"}`}
                    onClick={() => {
                      setOpen(false);
                      if (!item.read) mark.submit({ id: item.id }, { method: "post", action: "/notifications" });
                    }}
                  >
                    {item.read ? null : <span className="sr-only">{t("notifications.unreadBadge")}: </span>}
                    <InboxItemText item={item} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-1 flex items-center justify-between border-t border-slate-200 px-2 pt-2 text-sm">
            <Link to="/notifications" className="text-brand-700 underline" onClick={() => setOpen(false)}>
              {t("notifications.viewAll")}
            </Link>
            {unread > 0 ? (
              <mark.Form method="post" action="/notifications">
                <button type="submit" className="text-slate-700 underline">
                  {t("notifications.markAllRead")}
                </button>
              </mark.Form>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
