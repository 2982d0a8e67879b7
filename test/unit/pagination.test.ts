import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, filterFingerprint, hrefWith, pageFromRows } from "~/lib/pagination";

const fingerprint = filterFingerprint({ q: "orbit", segment: null });

describe("cursors", () => {
  it("round-trips a key, a direction and a position, Chinese included", () => {
    const cursor = { direction: "before" as const, at: 150, key: ["奥比特零售", 42, "id-1"] };
    expect(decodeCursor(encodeCursor(cursor, fingerprint), fingerprint, 3)).toEqual(cursor);
  });

  it("starts over (null) for a cursor made under other filters", () => {
    const raw = encodeCursor({ direction: "after", at: 50, key: ["a"] }, fingerprint);
    expect(decodeCursor(raw, filterFingerprint({ q: "helix", segment: null }), 1)).toBeNull();
  });

  it("starts over for missing, malformed, tampered, wrong-arity and negative cursors", () => {
    const good = encodeCursor({ direction: "after", at: 50, key: ["a", "b"] }, fingerprint);
    expect(decodeCursor(undefined, fingerprint, 2)).toBeNull();
    expect(decodeCursor("", fingerprint, 2)).toBeNull();
    expect(decodeCursor("%%%not-base64", fingerprint, 2)).toBeNull();
    expect(decodeCursor(good.slice(0, -3), fingerprint, 2)).toBeNull();
    expect(decodeCursor(good, fingerprint, 3)).toBeNull();
    const negative = btoa(JSON.stringify(["a", -1, fingerprint, ["a", "b"]])).replace(/=+$/, "");
    expect(decodeCursor(negative, fingerprint, 2)).toBeNull();
    const huge = btoa(JSON.stringify(["a", 1e12, fingerprint, ["a", "b"]])).replace(/=+$/, "");
    expect(decodeCursor(huge, fingerprint, 2)).toBeNull();
  });

  it("fingerprints the same filters the same way whatever their order", () => {
    expect(filterFingerprint({ a: 1, b: "x" })).toBe(filterFingerprint({ b: "x", a: 1 }));
    expect(filterFingerprint({ a: 1, b: "x" })).not.toBe(filterFingerprint({ a: 1, b: "y" }));
  });
});

describe("pageFromRows", () => {
  const keyOf = (row: number) => [row];
  it("says there is a next page only when the extra row came back", () => {
    const { rows, page } = pageFromRows([1, 2, 3], { cursor: null, pageSize: 2, keyOf, fingerprint, total: 3 });
    expect(rows).toEqual([1, 2]);
    expect(page).toMatchObject({ from: 0, count: 2, total: 3, previous: null });
    expect(decodeCursor(page.next, fingerprint, 1)).toEqual({ direction: "after", at: 2, key: [2] });
  });

  it("puts rows fetched backwards back in order and counts their position", () => {
    const cursor = { direction: "before" as const, at: 4, key: [5] };
    const { rows, page } = pageFromRows([4, 3, 2], { cursor, pageSize: 2, keyOf, fingerprint });
    expect(rows).toEqual([3, 4]);
    expect(page.from).toBe(2);
    expect(decodeCursor(page.previous, fingerprint, 1)).toEqual({ direction: "before", at: 2, key: [3] });
    expect(decodeCursor(page.next, fingerprint, 1)).toEqual({ direction: "after", at: 4, key: [4] });
  });

  it("lands on position 0 when walking back reaches the start", () => {
    const cursor = { direction: "before" as const, at: 9, key: [3] };
    const { page } = pageFromRows([2, 1], { cursor, pageSize: 2, keyOf, fingerprint });
    expect(page.from).toBe(0);
    expect(page.previous).toBeNull();
  });
});

describe("hrefWith", () => {
  it("keeps the other parameters and drops emptied ones", () => {
    expect(hrefWith("/accounts?q=a%20b&segment=s1&cursor=old", { cursor: "new", segment: null })).toBe(
      "/accounts?q=a+b&cursor=new",
    );
  });
});
