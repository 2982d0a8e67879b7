import type { LoaderFunctionArgs } from "@remix-run/node";
import { personForCalendarToken } from "~/domain/auth/calendar-feeds.server";
import { feedEntries } from "~/domain/plans/calendar-feed-entries.server";
import { listCalendarFeedItems } from "~/domain/plans/calendar-feed.server";
import { buildIcs } from "~/domain/plans/ics";
import { serverT } from "~/i18n";
import { notFound, requestOrigin } from "~/lib/http.server";

/**
 * A person's subscribable calendar, `/calendar/<token>.ics`: no session, the secret token is the
 * credential. Forged, malformed and revoked tokens all get the same 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = params.feed ?? "";
  const token = file.endsWith(".ics") ? file.slice(0, -".ics".length) : "";
  const person = await personForCalendarToken(token);
  if (!person) notFound();
  const items = await listCalendarFeedItems(person);
  const body = buildIcs(
    serverT(person.locale)("plans:calendar.feedName", { name: person.name }),
    feedEntries(items, person.locale, requestOrigin(request)),
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      // The URL is a credential: no shared cache may keep a copy.
      "Cache-Control": "private, no-store",
    },
  });
}
