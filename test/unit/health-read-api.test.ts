import { describe, expect, it } from "vitest";
import { ACCOUNTS_PAGE_DEFAULT, ACCOUNTS_PAGE_MAX, parseLimit } from "~/domain/health/read-api";

describe("the read API's limit", () => {
  it("is 50 when absent and takes whole numbers from 1 to 200", () => {
    expect(parseLimit(null)).toEqual({ ok: true, limit: ACCOUNTS_PAGE_DEFAULT });
    expect(parseLimit("")).toEqual({ ok: true, limit: 50 });
    expect(parseLimit("1")).toEqual({ ok: true, limit: 1 });
    expect(parseLimit(String(ACCOUNTS_PAGE_MAX))).toEqual({ ok: true, limit: 200 });
  });

  it("refuses anything else rather than clamping it", () => {
    for (const raw of ["0", "201", "-1", "1.5", "1e2", " 5", "abc", "10000"]) {
      expect([raw, parseLimit(raw)]).toEqual([raw, { ok: false, problem: "invalid_limit" }]);
    }
  });
});
