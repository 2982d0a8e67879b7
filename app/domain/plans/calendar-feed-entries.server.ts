import { serverT } from "~/i18n";
import type { FeedItem } from "./calendar-feed.server";
import type { CalendarEntry } from "./ics";

/**
 * Reminders: milestones at 09:00 the day before (time to chase what's missing), tasks at 09:00 on
 * the due day. All-day events are floating dates, so "09:00" is the subscriber's own morning.
 */
const MILESTONE_ALARM = "-PT15H";
const TASK_ALARM = "PT9H";

/** Feed items as calendar events with stable UIDs (kind + id) and links back to the portal. */
export function feedEntries(items: FeedItem[], locale: string, origin: string): CalendarEntry[] {
  const t = serverT(locale);
  const host = new URL(origin).hostname;
  return items.map((item) => {
    if (item.kind === "milestone") {
      const summary = t("plans:calendar.milestone", { title: item.title });
      return {
        uid: `milestone-${item.id}@${host}`,
        date: item.date,
        summary,
        description: [item.accountName, item.description].filter(Boolean).join("\n"),
        url: `${origin}/accounts/${item.accountId}/plan`,
        alarm: { trigger: MILESTONE_ALARM, description: summary },
      };
    }
    const summary = t("plans:calendar.task", { title: item.title, side: t(`plans:side.${item.side}`) });
    return {
      uid: `task-${item.id}@${host}`,
      date: item.date,
      summary,
      description: `${item.accountName}\n${t("plans:calendar.inMilestone", { title: item.milestoneTitle })}`,
      url: `${origin}/accounts/${item.accountId}/tasks/${item.id}`,
      alarm: { trigger: TASK_ALARM, description: summary },
    };
  });
}
