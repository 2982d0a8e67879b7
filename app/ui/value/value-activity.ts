import type { TFunction } from "i18next";
import { formatDate, formatFigure } from "~/lib/format";

const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

/** An activity entry about a value metric as a sentence, or null when the entry isn't one. */
export function describeValueActivity(
  entry: { action: string; details: Record<string, unknown> },
  actor: string,
  t: TFunction<"value">,
  locale: string,
): string | null {
  const { details } = entry;
  const name = text(details.name);
  // measuredOn is a calendar date (YYYY-MM-DD): shown as one, in the reader's locale.
  const measuredOn = text(details.measuredOn);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(measuredOn) ? formatDate(measuredOn, locale) : measuredOn;
  const value = typeof details.value === "number" ? formatFigure(details.value, locale) : text(details.value);
  const reading = { actor, name, value, unit: text(details.unit), date };
  switch (entry.action) {
    case "metric.created":
      return t("activity.metricCreated", { actor, name });
    case "metric.updated":
      return t("activity.metricUpdated", { actor, name });
    case "metric.deleted":
      return t("activity.metricDeleted", { actor, name });
    case "measurement.recorded":
      return t("activity.measurementRecorded", reading);
    case "measurement.deleted":
      return t("activity.measurementDeleted", reading);
  }
  return null;
}
