import { describe, expect, it } from "vitest";
import { RATE_LIMITS, isRateLimited } from "~/domain/auth/rate-limit";

describe("RATE_LIMITS", () => {
  it("limits password failures to 5 per email and 50 per IP in 15 minutes", () => {
    expect(RATE_LIMITS.password).toEqual({ perEmail: 5, perIp: 50, windowMinutes: 15 });
  });

  it("limits emailed links to 3 per email and 30 per IP in 15 minutes", () => {
    expect(RATE_LIMITS.email_link).toEqual({ perEmail: 3, perIp: 30, windowMinutes: 15 });
  });

  it("is looser per IP than per email (an office shares one address)", () => {
    for (const limit of Object.values(RATE_LIMITS)) expect(limit.perIp).toBeGreaterThan(limit.perEmail);
  });
});

describe("isRateLimited", () => {
  it.each([
    { kind: "password", byEmail: 0, byIp: 0, limited: false },
    { kind: "password", byEmail: 4, byIp: 0, limited: false },
    { kind: "password", byEmail: 5, byIp: 0, limited: true },
    { kind: "password", byEmail: 6, byIp: 0, limited: true },
    { kind: "password", byEmail: 0, byIp: 49, limited: false },
    { kind: "password", byEmail: 0, byIp: 50, limited: true },
    { kind: "password", byEmail: 4, byIp: 49, limited: false },
    { kind: "email_link", byEmail: 2, byIp: 0, limited: false },
    { kind: "email_link", byEmail: 3, byIp: 0, limited: true },
    { kind: "email_link", byEmail: 0, byIp: 29, limited: false },
    { kind: "email_link", byEmail: 0, byIp: 30, limited: true },
  ] as const)("$kind with $byEmail by email and $byIp by IP → $limited", ({ kind, byEmail, byIp, limited }) => {
    expect(isRateLimited(kind, { byEmail, byIp })).toBe(limited);
  });
});
