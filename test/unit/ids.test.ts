import { describe, expect, it } from "vitest";
import { isId } from "~/lib/ids";
import { newId } from "~/lib/ids.server";

describe("isId", () => {
  it("accepts ids made by newId", () => {
    for (let i = 0; i < 200; i++) expect(isId(newId())).toBe(true);
  });

  it("accepts 16 characters of lowercase base32", () => {
    expect(isId("abcdefghijklmnop")).toBe(true);
    expect(isId("qrstuvwxyz234567")).toBe(true);
  });

  it.each([
    ["too short", "abcdefghijklmno"],
    ["too long", "abcdefghijklmnopq"],
    ["uppercase", "ABCDEFGHIJKLMNOP"],
    ["digits outside base32 (0, 1, 8, 9)", "abcdefghijklmn01"],
    ["digit 8", "abcdefghijklmno8"],
    ["path traversal", "../x"],
    ["a number as text", "123"],
    ["empty", ""],
    ["padded with spaces", " abcdefghijklmnop"],
    ["a trailing newline", "abcdefghijklmnop\n"],
  ])("refuses %s", (_label, value) => {
    expect(isId(value)).toBe(false);
  });

  it.each([[undefined], [null], [1234567890123456], [{}], [["abcdefghijklmnop"]]])(
    "refuses the non-string %j",
    (value) => {
      expect(isId(value)).toBe(false);
    },
  );
});

describe("newId", () => {
  it("makes distinct ids", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId()));
    expect(ids.size).toBe(1000);
  });
});
