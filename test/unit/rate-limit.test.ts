import { describe, expect, it } from "vitest";
import { RATE_LIMITS, isRateLimited } from "~/domain/auth/rate-limit";

describe("RATE_LIMITS", () => {
  it("limits password failures to 5 per email and IP, 100 per email and 50 per IP in 15 minutes", () => {
    expect(RATE_LIMITS.password).toEqual({ perEmailAndIp: 5, perEmail: 100, perIp: 50, windowMinutes: 15 });
  });

  it("limits emailed links to 3 per email and IP, 5 per email and 30 per IP in 15 minutes", () => {
    expect(RATE_LIMITS.email_link).toEqual({ perEmailAndIp: 3, perEmail: 5, perIp: 30, windowMinutes: 15 });
  });

  it("is tightest for one email from one address, so a stranger can't lock the person out", () => {
    for (const limit of Object.values(RATE_LIMITS)) {
      expect(limit.perEmail).toBeGreaterThan(limit.perEmailAndIp);
      expect(limit.perIp).toBeGreaterThan(limit.perEmailAndIp);
    }
  });
});

describe("isRateLimited", () => {
  it.each([
    { kind: "password", byEmailAndIp: 0, byEmail: 0, byIp: 0, limited: false },
    { kind: "password", byEmailAndIp: 4, byEmail: 4, byIp: 4, limited: false },
    { kind: "password", byEmailAndIp: 5, byEmail: 5, byIp: 5, limited: true },
    { kind: "password", byEmailAndIp: 0, byEmail: 99, byIp: 0, limited: false },
    { kind: "password", byEmailAndIp: 0, byEmail: 100, byIp: 0, limited: true },
    { kind: "password", byEmailAndIp: 0, byEmail: 0, byIp: 49, limited: false },
    { kind: "password", byEmailAndIp: 0, byEmail: 0, byIp: 50, limited: true },
    { kind: "email_link", byEmailAndIp: 2, byEmail: 2, byIp: 2, limited: false },
    { kind: "email_link", byEmailAndIp: 3, byEmail: 3, byIp: 3, limited: true },
    { kind: "email_link", byEmailAndIp: 0, byEmail: 4, byIp: 0, limited: false },
    { kind: "email_link", byEmailAndIp: 0, byEmail: 5, byIp: 0, limited: true },
    { kind: "email_link", byEmailAndIp: 0, byEmail: 0, byIp: 29, limited: false },
    { kind: "email_link", byEmailAndIp: 0, byEmail: 0, byIp: 30, limited: true },
  ] as const)(
    "$kind with $byEmailAndIp by email and IP, $byEmail by email, $byIp by IP → $limited",
    ({ kind, limited, ...recent }) => {
      expect(isRateLimited(kind, recent)).toBe(limited);
    },
  );
});
