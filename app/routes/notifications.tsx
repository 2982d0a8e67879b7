import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/domain/auth/guards.server";
import { inboxItemHref } from "~/domain/inbox/inbox";
import { countInbox, listInbox, markInboxRead } from "~/domain/inbox/inbox.server";
import { formatDateTime } from "~/lib/format";
import { idField } from "~/lib/forms";
import { readSubmission } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { pageTitle } from "~/lib/meta";
import { cursorParam } from "~/lib/pagination";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { Badge, EmptyState, PageHeader } from "~/ui/layout";
import { InboxItemText } from "~/ui/notifications-menu";
import { Pager } from "~/ui/pager";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "community:titles.notifications");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const cursor = cursorParam.parse(new URL(request.url).searchParams.get("cursor") ?? undefined);
  const [list, unread] = await Promise.all([listInbox(actor.id, cursor), countInbox(actor.id)]);
  return { ...list, unread };
}

/** One notification, or none for all; a mangled id is refused rather than read as "all". */
const MarkSchema = z.object({ id: idField().refine(isId, "id.invalid").optional() });

/** Marks one notification (`id`) or all of the person's as read. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const parsed = await readSubmission(request, MarkSchema);
  if (!parsed.ok) return parsed.answer;
  await markInboxRead(actor.id, parsed.data.id);
  return { ok: true };
}

export default function Notifications() {
  const { t } = useTranslation("community");
  const { items, page, unread } = useLoaderData<typeof loader>();
  const root = useRootData();
  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        actions={
          unread > 0 ? (
            <Form method="post">
              <Button variant="secondary">{t("notifications.markAllRead")}</Button>
            </Form>
          ) : null
        }
      />
      {items.length === 0 && !page.previous ? (
        <EmptyState title={t("notifications.empty")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {items.map((item) => (
            <li key={item.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <Link
                  to={inboxItemHref(item)}
                  className={`text-sm ${item.read ? "text-slate-700" : "font-semibold text-slate-900"} hover:underline`}
                >
                  <InboxItemText item={item} />
                </Link>
                <div className="text-xs text-slate-500">
                  {formatDateTime(item.createdAt, root?.locale ?? "en", root?.user?.timeZone ?? "UTC")}
                </div>
              </div>
              {item.read ? null : (
                <div className="flex items-center gap-2">
                  <Badge tone="amber">{t("notifications.unreadBadge")}</Badge>
                  <Form method="post">
                    <input type="hidden" name="id" value={item.id} />
                    <Button
                      variant="ghost"
                      className="py-1"
                      aria-label={`${t("notifications.markRead")}: ${item.source === "community" ? item.topicTitle : item.source === "item" ? (item.params.title ?? "") : item.title}`}
                    >
                      {t("notifications.markRead")}
                    </Button>
                  </Form>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager label={t("notifications.title")} page={page} />
    </>
  );
}
