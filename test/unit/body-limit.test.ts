import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES, bodyLimitFor, isBodyTooLarge } from "../../server/body-limit";

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

  it("gives the CSV import, and only it, 10 MB", () => {
    expect(bodyLimitFor("/accounts/import")).toBe(MAX_IMPORT_BODY_BYTES);
    expect(bodyLimitFor("/accounts/import?index")).toBe(MAX_IMPORT_BODY_BYTES);
    expect(bodyLimitFor("/accounts/import/x")).toBe(MAX_BODY_BYTES);
    expect(bodyLimitFor("/accounts/importer")).toBe(MAX_BODY_BYTES);
    expect(bodyLimitFor("/accounts/new")).toBe(MAX_BODY_BYTES);
    expect(isBodyTooLarge(String(10 * 1024 * 1024), MAX_IMPORT_BODY_BYTES)).toBe(false);
    expect(isBodyTooLarge("50000000", MAX_IMPORT_BODY_BYTES)).toBe(true);
  });
});
