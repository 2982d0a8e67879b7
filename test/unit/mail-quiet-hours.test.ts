import { describe, expect, it } from "vitest";
import { instantAt, isQuiet, parseTimeOfDay, quietHoursEnd } from "~/domain/mail/quiet-hours";

const night = (timeZone: string) => ({ startMinute: 20 * 60, endMinute: 8 * 60, timeZone });

describe("quiet hours", () => {
  it("parses times of day and refuses what isn't one", () => {
    expect(parseTimeOfDay("08:00")).toBe(480);
    expect(parseTimeOfDay("23:59")).toBe(1439);
    for (const bad of ["24:00", "8:00", "08:60", "noon", "", "08:00:00"]) expect(parseTimeOfDay(bad)).toBeNull();
  });

  it("sends at once outside the window", () => {
    expect(quietHoursEnd(new Date("2026-03-10T12:00:00Z"), night("UTC"))).toBeNull();
    expect(quietHoursEnd(new Date("2026-03-10T08:00:00Z"), night("UTC"))).toBeNull();
    expect(isQuiet(new Date("2026-03-10T19:59:00Z"), night("UTC"))).toBe(false);
  });

  it("defers to the window's end: tomorrow's before midnight, today's after", () => {
    expect(quietHoursEnd(new Date("2026-03-10T21:30:00Z"), night("UTC"))?.toISOString()).toBe(
      "2026-03-11T08:00:00.000Z",
    );
    expect(quietHoursEnd(new Date("2026-03-11T03:00:00Z"), night("UTC"))?.toISOString()).toBe(
      "2026-03-11T08:00:00.000Z",
    );
  });

  it("reads the window in the person's own zone", () => {
    // 13:00 UTC is 21:00 in Shanghai: quiet until 08:00 there, 00:00 UTC.
    expect(quietHoursEnd(new Date("2026-03-10T13:00:00Z"), night("Asia/Shanghai"))?.toISOString()).toBe(
      "2026-03-11T00:00:00.000Z",
    );
    // The same instant is 09:00 in New York (EDT): not quiet.
    expect(quietHoursEnd(new Date("2026-03-10T13:00:00Z"), night("America/New_York"))).toBeNull();
    // A daytime window (start before end) works too.
    const lunch = { startMinute: 12 * 60, endMinute: 13 * 60, timeZone: "Europe/Berlin" };
    expect(quietHoursEnd(new Date("2026-07-01T10:30:00Z"), lunch)?.toISOString()).toBe("2026-07-01T11:00:00.000Z");
  });

  it("ends at local 08:00 across the spring-forward night (New York, 8 March 2026)", () => {
    // 22:00 EST on 7 March = 03:00 UTC on the 8th; clocks go forward at 02:00, so 08:00 EDT = 12:00 UTC.
    expect(quietHoursEnd(new Date("2026-03-08T03:00:00Z"), night("America/New_York"))?.toISOString()).toBe(
      "2026-03-08T12:00:00.000Z",
    );
  });

  it("ends at local 08:00 across the fall-back night (Berlin, 25 October 2026)", () => {
    // 23:00 CEST on the 24th = 21:00 UTC; clocks go back at 03:00, so 08:00 CET = 07:00 UTC.
    expect(quietHoursEnd(new Date("2026-10-24T21:00:00Z"), night("Europe/Berlin"))?.toISOString()).toBe(
      "2026-10-25T07:00:00.000Z",
    );
  });

  it("a window ending in the skipped hour ends when the clocks jump", () => {
    const window = { startMinute: 22 * 60, endMinute: 2 * 60 + 30, timeZone: "America/New_York" };
    // 02:30 doesn't exist on 8 March 2026; 02:00 EST becomes 03:00 EDT = 07:00 UTC.
    expect(quietHoursEnd(new Date("2026-03-08T04:00:00Z"), window)?.toISOString()).toBe("2026-03-08T07:00:00.000Z");
    expect(instantAt({ year: 2026, month: 3, day: 8 }, 150, "America/New_York").toISOString()).toBe(
      "2026-03-08T07:00:00.000Z",
    );
  });

  it("a repeated local time answers its first occurrence", () => {
    // 01:30 happens twice in New York on 1 November 2026: first at EDT (05:30 UTC).
    expect(instantAt({ year: 2026, month: 11, day: 1 }, 90, "America/New_York").toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });

  it("an empty window (start = end) is never quiet", () => {
    expect(
      quietHoursEnd(new Date("2026-03-10T21:30:00Z"), { startMinute: 60, endMinute: 60, timeZone: "UTC" }),
    ).toBeNull();
  });
});
