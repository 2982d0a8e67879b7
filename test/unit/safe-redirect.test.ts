import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/lib/safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/accounts", "/accounts"],
    ["/accounts/acc_1/plan?tab=tasks#next", "/accounts/acc_1/plan?tab=tasks#next"],
    ["/community?q=caf%C3%A9", "/community?q=caf%C3%A9"],
    ["/a/../b", "/b"],
  ])("keeps the same-origin path %s", (target, expected) => {
    expect(safeRedirect(target, "/")).toBe(expected);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example/x",
    "/%0A/evil.example",
    "/%0D%0ASet-Cookie:x=1",
    "/%5Cevil.example",
    "/%2F/evil.example",
    "%2F%2Fevil.example",
    "%2f%2fevil.example",
    "/%2f%2fevil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    " /accounts",
    "evil.example",
    "",
    "/%",
    "/%E0%A4%A",
    "/\u0000/evil",
    `/${"a".repeat(2_001)}`,
  ])("sends %j home instead", (target) => {
    expect(safeRedirect(target, "/")).toBe("/");
  });

  it("goes home for anything that isn't a string", () => {
    expect(safeRedirect(null, "/home")).toBe("/home");
    expect(safeRedirect(undefined, "/home")).toBe("/home");
    expect(safeRedirect(new File([], "x"), "/home")).toBe("/home");
  });
});
