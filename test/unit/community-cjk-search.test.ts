import { describe, expect, it } from "vitest";
import {
  MAX_TERMS,
  cjkHeadline,
  cjkSimilarTerms,
  cjkTerms,
  containsPattern,
  hasCjk,
} from "~/domain/community/cjk-search";
import { highlightSnippet } from "~/domain/community/rules";

describe("CJK search terms", () => {
  it("recognises Han, Hiragana, Katakana and Hangul, and nothing else", () => {
    for (const text of ["看板", "かな", "カタカナ", "한국어", "export 看板"]) expect(hasCjk(text)).toBe(true);
    for (const text of ["export", "Ünïcödé", "💥", ""]) expect(hasCjk(text)).toBe(false);
  });

  it("keeps CJK runs whole, lower-cases other words, drops symbols and NUL, and caps the count", () => {
    expect(cjkTerms("仪表看板 CSV-Export，乱码！\u0000")).toEqual(["仪表看板", "csv", "export", "乱码"]);
    expect(cjkTerms("看板 看板")).toEqual(["看板"]);
    expect(cjkTerms(Array.from({ length: 20 }, (_, i) => `词${i}`).join(" "))).toHaveLength(MAX_TERMS);
  });

  it("splits a typed title into character pairs for similar topics", () => {
    expect(cjkSimilarTerms("轮换凭据 rotate")).toEqual(["轮换", "换凭", "凭据", "rotate"]);
    expect(cjkSimilarTerms("看")).toEqual(["看"]);
  });

  it("takes LIKE's wildcards literally", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });

  it("marks every term in an escaped excerpt around the first match", () => {
    const body = `${"前言".repeat(40)}<b>仪表看板</b> 和 CSV 导出`;
    const html = highlightSnippet(cjkHeadline(body, ["看板", "csv"]));
    expect(html).toMatch(/^… /);
    expect(html).toContain("&lt;b&gt;仪表<mark>看板</mark>&lt;/b&gt; 和 <mark>CSV</mark> 导出");
    expect(html.length).toBeLessThan(body.length + 40);
  });
});
