import { MINUTE_MS } from "~/lib/time";

/** A person's quiet window as minutes after local midnight; `end` may be earlier than `start` (overnight). */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

/** "HH:MM" (24-hour) → minutes after midnight; null when it isn't a time of day. */
export function parseTimeOfDay(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatTimeOfDay(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  minuteOfDay: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    minuteOfDay: part("hour") * 60 + part("minute"),
  };
}

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, 0, w.minuteOfDay);
  return asUtc - Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS;
}

/**
 * The instant a local wall-clock time happens in a zone. A time the clocks skip (spring forward)
 * answers the first instant after the gap, so mail deferred to it goes out as soon as the day allows;
 * a time that happens twice (fall back) answers the first.
 */
export function instantAt(
  date: { year: number; month: number; day: number },
  minuteOfDay: number,
  timeZone: string,
): Date {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // Two offsets bracket any transition: before it and after it. Try the earlier instant first.
  const offsets = [offsetAt(new Date(naive - 36e5 * 14), timeZone), offsetAt(new Date(naive + 36e5 * 14), timeZone)];
  const candidates = [...new Set(offsets)].map((o) => naive - o).sort((a, b) => a - b);
  for (const candidate of candidates) {
    const w = wallClock(new Date(candidate), timeZone);
    if (w.minuteOfDay === minuteOfDay && w.day === date.day) return new Date(candidate);
  }
  // In the gap: the wall time never happens; the clock jumps over it at the transition.
  const [earlier = naive, later = naive] = candidates;
  let low = earlier;
  let high = later;
  while (high - low > MINUTE_MS) {
    const mid = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (wallClock(new Date(mid), timeZone).minuteOfDay < minuteOfDay) low = mid;
    else high = mid;
  }
  return new Date(high);
}

export function isQuiet(now: Date, quiet: QuietHours): boolean {
  const { minuteOfDay } = wallClock(now, quiet.timeZone);
  const { startMinute: start, endMinute: end } = quiet;
  if (start === end) return false;
  return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
}

/**
 * When mail that would go out at `now` may be sent: null when `now` is outside the quiet window
 * (send now), else the window's end in the person's own zone — today's if it is still ahead, else
 * tomorrow's — so deferred mail goes out when their morning starts, whatever the clocks did overnight.
 */
export function quietHoursEnd(now: Date, quiet: QuietHours): Date | null {
  if (!isQuiet(now, quiet)) return null;
  const local = wallClock(now, quiet.timeZone);
  const today = { year: local.year, month: local.month, day: local.day };
  if (local.minuteOfDay < quiet.endMinute) return instantAt(today, quiet.endMinute, quiet.timeZone);
  const next = new Date(Date.UTC(local.year, local.month - 1, local.day + 1));
  const tomorrow = { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
  return instantAt(tomorrow, quiet.endMinute, quiet.timeZone);
}
