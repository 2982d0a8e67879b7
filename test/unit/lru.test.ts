import { describe, expect, it } from "vitest";
import { LruCache } from "~/lib/lru";

describe("LruCache", () => {
  it("never holds more than its bound, however many keys it sees", () => {
    const cache = new LruCache<number, string>(3);
    for (let i = 0; i < 1000; i += 1) {
      cache.set(i, `v${i}`);
      expect(cache.size).toBeLessThanOrEqual(3);
    }
    expect(cache.size).toBe(3);
    expect([cache.get(997), cache.get(998), cache.get(999)]).toEqual(["v997", "v998", "v999"]);
    expect(cache.get(996)).toBeUndefined();
  });

  it("forgets the least recently used entry first: a read counts as a use", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });

  it("replacing a key keeps one entry for it and makes it the newest", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("a", 10);
    expect(cache.size).toBe(2);
    cache.set("c", 3);
    expect(cache.get("a")).toBe(10);
    expect(cache.get("b")).toBeUndefined();
  });

  it("keeps stored falsy values apart from missing keys", () => {
    const cache = new LruCache<string, number | null>(2);
    cache.set("zero", 0);
    cache.set("none", null);
    expect(cache.get("zero")).toBe(0);
    expect(cache.get("none")).toBeNull();
    expect(cache.get("missing")).toBeUndefined();
  });

  it("refuses a bound that isn't a whole number from 1 up", () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(2.5)).toThrow(RangeError);
  });
});
