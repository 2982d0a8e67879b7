import { describe, expect, it } from "vitest";
import { createI18n } from "~/i18n";
import {
  daysUntil,
  formatDate,
  formatDateTime,
  formatFigure,
  formatInstantDate,
  formatList,
  formatMoney,
  formatNumber,
  formatRelative,
  todayIn,
} from "~/lib/format";
import { describeValueActivity } from "~/ui/value/value-activity";

// Intl may separate time and AM/PM with a narrow no-break space; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("formatDate", () => {
  it("formats a calendar date in the locale", () => {
    expect(formatDate("2027-06-30", "en")).toBe("Jun 30, 2027");
    expect(formatDate("2027-06-30", "de")).toBe("30.06.2027");
  });

  it("never shifts the day, whatever the process time zone", () => {
    expect(formatDate("2027-01-01", "en")).toBe("Jan 1, 2027");
    expect(formatDate("2026-12-31", "en")).toBe("Dec 31, 2026");
  });
});

describe("formatInstantDate", () => {
  it("names the day the instant fell on in the time zone, as the activity log's time does", () => {
    // 7:21 on Dec 2 in Sydney is still Dec 1 in UTC.
    const signedAt = "2026-12-01T20:21:00.000Z";
    expect(formatInstantDate(signedAt, "en", "Australia/Sydney")).toBe("Dec 2, 2026");
    expect(plain(formatDateTime(signedAt, "en", "Australia/Sydney"))).toBe("Dec 2, 2026, 7:21 AM");
    expect(formatInstantDate(signedAt, "en", "America/New_York")).toBe("Dec 1, 2026");
  });
});

describe("value activity sentences", () => {
  it("show a measurement's calendar date formatted, not raw", () => {
    const entry = {
      action: "measurement.recorded",
      details: { name: "Days to close", value: 5, unit: "days", measuredOn: "2026-12-02" },
    };
    const sentence = describeValueActivity(entry, "Kenji", createI18n("en").getFixedT("en", "value") as never, "en");
    expect(sentence).toContain("Dec 2, 2026");
    expect(sentence).not.toContain("2026-12-02");
  });
});

describe("formatDateTime", () => {
  const instant = new Date("2026-01-15T23:30:00Z");

  it("formats an instant in the given time zone", () => {
    expect(plain(formatDateTime(instant, "en", "UTC"))).toBe("Jan 15, 2026, 11:30 PM");
    expect(plain(formatDateTime(instant, "en", "Asia/Tokyo"))).toBe("Jan 16, 2026, 8:30 AM");
    expect(plain(formatDateTime(instant, "en", "America/New_York"))).toBe("Jan 15, 2026, 6:30 PM");
  });

  it("accepts an ISO string as well as a Date", () => {
    expect(formatDateTime("2026-01-15T23:30:00Z", "en", "Asia/Tokyo")).toBe(
      formatDateTime(instant, "en", "Asia/Tokyo"),
    );
  });
});

describe("formatNumber", () => {
  it("groups digits the locale's way", () => {
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
    expect(formatNumber(1234567.5, "de")).toBe("1.234.567,5");
    expect(formatNumber(0, "en")).toBe("0");
  });
});

describe("daysUntil", () => {
  it("counts whole days between two calendar dates", () => {
    expect(daysUntil("2026-07-10", "2026-07-01")).toBe(9);
    expect(daysUntil("2026-07-01", "2026-07-01")).toBe(0);
  });

  it("is negative for a date in the past", () => {
    expect(daysUntil("2026-06-28", "2026-07-01")).toBe(-3);
  });

  it("handles month ends, leap years and DST changes", () => {
    expect(daysUntil("2026-03-01", "2026-02-28")).toBe(1);
    expect(daysUntil("2028-03-01", "2028-02-28")).toBe(2);
    expect(daysUntil("2026-03-30", "2026-03-28")).toBe(2);
    expect(daysUntil("2027-01-01", "2026-01-01")).toBe(365);
  });
});

describe("todayIn", () => {
  it("gives the calendar date in the time zone as YYYY-MM-DD", () => {
    const now = new Date("2026-01-01T05:00:00Z");
    expect(todayIn("UTC", now)).toBe("2026-01-01");
    expect(todayIn("America/Los_Angeles", now)).toBe("2025-12-31");
    expect(todayIn("Pacific/Kiritimati", new Date("2025-12-31T11:00:00Z"))).toBe("2026-01-01");
  });

  it("defaults to now", () => {
    expect(todayIn("UTC")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(todayIn("UTC")).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe("formatting in both languages", () => {
  it("formats calendar dates and times", () => {
    expect(formatDate("2026-03-31", "en")).toBe("Mar 31, 2026");
    expect(formatDate("2026-03-31", "zh-CN")).toBe("2026年3月31日");
    expect(plain(formatDateTime("2026-03-31T06:05:00Z", "zh-CN", "Asia/Shanghai"))).toBe("2026年3月31日 14:05");
  });

  it("formats numbers and money", () => {
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
    expect(formatNumber(1234567.5, "zh-CN")).toBe("1,234,567.5");
    expect(formatMoney(48000, "USD", "en")).toBe("$48,000");
    expect(formatMoney(48000, "CNY", "zh-CN")).toBe("¥48,000");
    expect(formatMoney(48000, "USD", "zh-CN")).toBe("US$48,000");
    expect(formatFigure(4.25, "zh-CN")).toBe("4.25");
  });

  it("lists with the language's own separators, never a hard-coded comma", () => {
    expect(formatList(["title", "owner", "due date"], "en")).toBe("title, owner, and due date");
    expect(formatList(["标题", "负责人", "截止日期"], "zh-CN")).toBe("标题、负责人和截止日期");
    expect(formatList(["name", "logo"], "en", "plain")).toBe("name, logo");
    expect(formatList(["姓名", "标志", "引言"], "zh-CN", "plain")).toBe("姓名、标志、引言");
    expect(formatList(["only"], "zh-CN")).toBe("only");
  });

  it("says relative times", () => {
    expect(formatRelative(3, "day", "en")).toBe("in 3 days");
    expect(formatRelative(-1, "day", "en")).toBe("yesterday");
    expect(formatRelative(3, "day", "zh-CN")).toBe("3天后");
    expect(formatRelative(-1, "day", "zh-CN")).toBe("昨天");
  });
});
