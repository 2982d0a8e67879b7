/** Pure community rules: limits, mentions, handles, search snippets. */

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const TAGS_MAX = 5;
const TAG_MAX = 30;
export const REASON_MAX = 500;

/** Posting rate limit: at most this many topics and replies per person in the window. */
export const POST_LIMIT = 10;
export const POST_WINDOW_MINUTES = 10;

/** Tags from a comma- or space-separated field: lower-case, deduplicated, letters/digits/dashes. */
export function parseTags(raw: string): string[] {
  const tags = raw
    .split(/[,\s]+/)
    .map((tag) => tag.trim().toLowerCase().replace(/^#/, ""))
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)];
}

export function isValidTag(tag: string): boolean {
  return tag.length <= TAG_MAX && /^[\p{L}\p{N}][\p{L}\p{N}-]*$/u.test(tag);
}

/** The @handles mentioned in a text (outside inline code is not distinguished: a mention is a mention). */
export function extractMentions(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:^|[^\w@.])@([a-z0-9][a-z0-9._-]{1,39})/gi)) {
    found.add(match[1]!.toLowerCase().replace(/[._-]+$/, ""));
  }
  return [...found];
}

/** A handle from a person's name: "Tom Reyes" → "tomreyes"; the caller adds a number if taken. */
export function handleFromName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
  return (base || "member").slice(0, 30);
}

/** The default display name: first name and last initial ("Tom R."), so a full name isn't shared by default. */
export function defaultDisplayName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return parts[0] ?? "Member";
  return `${parts[0]} ${parts[parts.length - 1]![0]!.toUpperCase()}.`;
}

export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_STOP = "\u0003";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/**
 * A search snippet as HTML: the user's text escaped first, then the matches (delimited by control
 * characters from ts_headline) wrapped in <mark>. Nothing else of the text can become markup.
 */
export function highlightSnippet(headline: string): string {
  // NUL is the private marker here: the text can never contain it once PostgreSQL has stored it.
  /* eslint-disable no-control-regex */
  const escaped = escapeHtml(
    headline
      .replace(/\u0000/g, "")
      .replaceAll(HIGHLIGHT_START, "\u0000S")
      .replaceAll(HIGHLIGHT_STOP, "\u0000E"),
  );
  let open = false;
  let html = escaped.replace(/\u0000([SE])/g, (_all, which: string) => {
    /* eslint-enable no-control-regex */
    if (which === "S" && !open) {
      open = true;
      return "<mark>";
    }
    if (which === "E" && open) {
      open = false;
      return "</mark>";
    }
    return "";
  });
  if (open) html += "</mark>";
  return html;
}

/**
 * An OR query for "similar questions" from a title being typed: words only (letters and digits),
 * so the result is always a valid to_tsquery expression whatever was typed. Null when no words.
 */
export function similarQuery(title: string): string | null {
  const words = (title.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).slice(0, 12);
  if (words.length === 0) return null;
  return [...new Set(words)].map((word) => `${word}:*`).join(" | ");
}
