import { describe, expect, it } from "vitest";
import { isSameOriginWrite } from "../../server/csrf";

const expectedOrigin = "https://tandem.example";

describe("isSameOriginWrite", () => {
  it.each(["GET", "HEAD", "OPTIONS", "get"])("lets a safe %s through without any header", (method) => {
    expect(isSameOriginWrite({ method, expectedOrigin })).toBe(true);
    expect(isSameOriginWrite({ method, origin: "https://evil.example", expectedOrigin })).toBe(true);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE", "post"])("lets a %s from our own origin through", (method) => {
    expect(isSameOriginWrite({ method, origin: expectedOrigin, expectedOrigin })).toBe(true);
  });

  it("refuses a write from another origin", () => {
    expect(isSameOriginWrite({ method: "POST", origin: "https://evil.example", expectedOrigin })).toBe(false);
  });

  it("refuses lookalike origins: other scheme, port or subdomain", () => {
    for (const origin of [
      "http://tandem.example",
      "https://tandem.example:8443",
      "https://tandem.example.evil.example",
      "https://www.tandem.example",
    ]) {
      expect(isSameOriginWrite({ method: "POST", origin, expectedOrigin })).toBe(false);
    }
  });

  it("trusts Origin over Referer when both are present", () => {
    expect(
      isSameOriginWrite({
        method: "POST",
        origin: "https://evil.example",
        referer: `${expectedOrigin}/accounts`,
        expectedOrigin,
      }),
    ).toBe(false);
  });

  it("falls back to the Referer's origin when Origin is missing", () => {
    expect(
      isSameOriginWrite({ method: "POST", referer: `${expectedOrigin}/accounts/x?tab=people`, expectedOrigin }),
    ).toBe(true);
    expect(isSameOriginWrite({ method: "POST", origin: null, referer: `${expectedOrigin}/`, expectedOrigin })).toBe(
      true,
    );
    expect(isSameOriginWrite({ method: "POST", origin: "", referer: `${expectedOrigin}/`, expectedOrigin })).toBe(true);
    expect(isSameOriginWrite({ method: "POST", referer: "https://evil.example/tandem.example", expectedOrigin })).toBe(
      false,
    );
  });

  it('falls back to the Referer when Origin is "null" (privacy-sensitive contexts)', () => {
    expect(
      isSameOriginWrite({ method: "POST", origin: "null", referer: `${expectedOrigin}/login`, expectedOrigin }),
    ).toBe(true);
    expect(
      isSameOriginWrite({ method: "POST", origin: "null", referer: "https://evil.example/", expectedOrigin }),
    ).toBe(false);
    expect(isSameOriginWrite({ method: "POST", origin: "null", expectedOrigin })).toBe(false);
  });

  it("refuses a write with neither Origin nor Referer", () => {
    expect(isSameOriginWrite({ method: "POST", expectedOrigin })).toBe(false);
    expect(isSameOriginWrite({ method: "POST", origin: null, referer: null, expectedOrigin })).toBe(false);
  });

  it("refuses a write whose Referer is not a URL", () => {
    expect(isSameOriginWrite({ method: "POST", referer: "not a url", expectedOrigin })).toBe(false);
  });
});
