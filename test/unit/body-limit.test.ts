import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, isBodyTooLarge } from "../../server/body-limit";

describe("isBodyTooLarge", () => {
  it("lets ordinary and unknown-length bodies through", () => {
    expect(isBodyTooLarge(undefined)).toBe(false);
    expect(isBodyTooLarge("512")).toBe(false);
    expect(isBodyTooLarge(String(MAX_BODY_BYTES))).toBe(false);
  });

  it("refuses bodies over the limit", () => {
    expect(isBodyTooLarge(String(MAX_BODY_BYTES + 1))).toBe(true);
    expect(isBodyTooLarge("50000000")).toBe(true);
  });
});
