/**
 * An iCalendar (RFC 5545) file of a plan's dates: milestones and task due dates as all-day events.
 * Pure, so it's tested without a database.
 */
export interface CalendarEntry {
  uid: string;
  date: string; // YYYY-MM-DD
  summary: string;
  description?: string;
  /** A link back to the portal (URL property; calendar apps show it as the event's link). */
  url?: string;
  /**
   * A display reminder, as an RFC 5545 duration relative to the all-day event's start (local
   * midnight): "-PT15H" is 09:00 the day before, "PT9H" 09:00 on the day.
   */
  alarm?: { trigger: string; description: string };
}

function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets are folded: CRLF + one space, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const charSize = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + charSize > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += charSize;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const compactDate = (date: string) => date.replaceAll("-", "");

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export function buildIcs(calendarName: string, entries: CalendarEntry[], now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Tandem//Success plan//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendarName)}`,
  ];
  for (const entry of entries) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${entry.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(entry.date)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(entry.date))}`,
      `SUMMARY:${escapeText(entry.summary)}`,
      ...(entry.description ? [`DESCRIPTION:${escapeText(entry.description)}`] : []),
      ...(entry.url ? [`URL:${entry.url}`] : []),
      "TRANSP:TRANSPARENT",
      ...(entry.alarm
        ? [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            `TRIGGER:${entry.alarm.trigger}`,
            `DESCRIPTION:${escapeText(entry.alarm.description)}`,
            "END:VALARM",
          ]
        : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
