import { describe, expect, it } from "vitest";
import { buildIcs, foldLine } from "~/domain/plans/ics";

const now = new Date("2026-11-23T10:00:00Z");

describe("buildIcs", () => {
  it("writes all-day events with CRLF line ends", () => {
    const ics = buildIcs(
      "Orbit Retail · Enterprise rollout",
      [{ uid: "m1@tandem", date: "2026-12-31", summary: "Go-live" }],
      now,
    );
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics).toContain("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n");
    expect(ics).toContain("DTSTAMP:20261123T100000Z");
    expect(ics).toContain("X-WR-CALNAME:Orbit Retail · Enterprise rollout");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.split("\r\n").every((line) => !line.includes("\n"))).toBe(true);
  });

  it("escapes commas, semicolons, backslashes and new lines in text", () => {
    const ics = buildIcs(
      "Plan",
      [{ uid: "t1", date: "2026-02-28", summary: "Sign; review, then\\file", description: "Line one\nLine two" }],
      now,
    );
    expect(ics).toContain("SUMMARY:Sign\\; review\\, then\\\\file");
    expect(ics).toContain("DESCRIPTION:Line one\\nLine two");
    expect(ics).toContain("DTEND;VALUE=DATE:20260301");
  });
});

describe("buildIcs reminders and links", () => {
  it("writes a display VALARM inside the event and the portal link as URL", () => {
    const ics = buildIcs(
      "Feed",
      [
        {
          uid: "m1@tandem",
          date: "2026-12-31",
          summary: "Go-live",
          url: "https://success.example.com/accounts/a1/plan",
          alarm: { trigger: "-PT15H", description: "Go-live, tomorrow" },
        },
      ],
      now,
    );
    expect(ics).toContain("URL:https://success.example.com/accounts/a1/plan\r\n");
    expect(ics).toContain(
      "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15H\r\nDESCRIPTION:Go-live\\, tomorrow\r\nEND:VALARM\r\nEND:VEVENT\r\n",
    );
  });

  it("writes no VALARM or URL when the entry has none", () => {
    const ics = buildIcs("Plan", [{ uid: "t1", date: "2026-02-28", summary: "Sign" }], now);
    expect(ics).not.toContain("VALARM");
    expect(ics).not.toContain("URL:");
  });
});

describe("foldLine", () => {
  it("leaves short lines alone and folds long ones at 75 octets without splitting characters", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
    const long = `SUMMARY:${"验收".repeat(40)}`;
    const folded = foldLine(long);
    const encoder = new TextEncoder();
    for (const part of folded.split("\r\n")) expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .map((part, i) => (i === 0 ? part : part.slice(1)))
        .join(""),
    ).toBe(long);
  });
});
