import type { TFunction } from "i18next";

const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

/** An activity entry about a value metric as a sentence, or null when the entry isn't one. */
export function describeValueActivity(
  entry: { action: string; details: Record<string, unknown> },
  actor: string,
  t: TFunction<"value">,
): string | null {
  const { details } = entry;
  const name = text(details.name);
  const reading = { actor, name, value: text(details.value), unit: text(details.unit), date: text(details.measuredOn) };
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
