/**
 * Pure helpers for searching Chinese, Japanese and Korean text. PostgreSQL's default text-search
 * parser doesn't segment these scripts (a whole sentence becomes one "word"), so a query with CJK
 * characters is matched by substring (ILIKE, served by pg_trgm indexes) instead of by tsquery.
 */
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "./rules";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** A run of CJK characters, or a run of other letters and digits: the terms of a CJK query. */
const TERM = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+|[\p{L}\p{N}]+/gu;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;

/** Terms are AND-ed; each costs a scan, so a query keeps only its first few. */
export const MAX_TERMS = 8;
/** Similar-topic lookups OR their terms; a long title is cut to this many. */
const MAX_SIMILAR_TERMS = 12;
const TERM_MAX = 50;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** The distinct terms of a query: CJK runs kept whole, other words lower-cased; NUL and symbols dropped. */
export function cjkTerms(query: string): string[] {
  const terms = (query.replaceAll("\u0000", "").match(TERM) ?? []).map((term) => term.toLowerCase().slice(0, TERM_MAX));
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/**
 * Terms for "similar topics" from a title being typed: a title shares a *word* with another, but
 * without segmentation we can't tell words apart, so each CJK run contributes its overlapping
 * character pairs (most Chinese words are two characters), other words of 3+ letters as they are.
 */
export function cjkSimilarTerms(title: string): string[] {
  const clean = title.replaceAll("\u0000", "");
  const terms: string[] = [];
  for (const run of clean.match(CJK_RUN) ?? []) {
    const chars = [...run];
    if (chars.length <= 2) terms.push(run);
    else for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
  }
  for (const word of clean.replace(CJK_RUN, " ").match(/[\p{L}\p{N}]{3,}/gu) ?? []) terms.push(word.toLowerCase());
  return [...new Set(terms)].slice(0, MAX_SIMILAR_TERMS);
}

/** An ILIKE pattern matching the term anywhere, with LIKE's own wildcards in the term taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 140;

/**
 * A short excerpt around the first match with every term marked the way ts_headline marks them,
 * so the English and CJK paths share highlightSnippet (which escapes everything else).
 */
export function cjkHeadline(text: string, terms: string[]): string {
  const lower = text.toLowerCase();
  const positions = terms.map((term) => lower.indexOf(term)).filter((at) => at >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, first - SNIPPET_BEFORE);
  const end = Math.min(text.length, start + SNIPPET_LENGTH);
  const excerpt = text.slice(start, end);
  const excerptLower = lower.slice(start, end);

  // Longest terms first, so a term inside another doesn't split its mark.
  const ordered = [...terms].filter((term) => term.length > 0).sort((a, b) => b.length - a.length);
  let marked = "";
  let i = 0;
  while (i < excerpt.length) {
    const term = ordered.find((candidate) => excerptLower.startsWith(candidate, i));
    if (term) {
      marked += HIGHLIGHT_START + excerpt.slice(i, i + term.length) + HIGHLIGHT_STOP;
      i += term.length;
    } else {
      marked += excerpt[i];
      i += 1;
    }
  }
  return `${start > 0 ? "… " : ""}${marked}${end < text.length ? " …" : ""}`;
}
