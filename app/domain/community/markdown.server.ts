import MarkdownIt from "markdown-it";

/**
 * Community posts are Markdown written by customers, rendered to HTML on the server only (this is a
 * .server.ts module so the parser never ships to the browser). Safety comes from construction, not
 * from cleaning HTML afterwards:
 * - `html: false`: raw HTML in a post is escaped and shown as text, so no tags, scripts or event
 *   handlers can get in;
 * - links: only http(s), mailto and same-site paths; anything else (javascript:, data:, vbscript:,
 *   encoded or padded variants) loses its link and stays as text; every link gets
 *   rel="nofollow ugc noopener";
 * - images: only same-origin paths and https hosts on the allow list; others show their alt text.
 */
export interface RenderOptions {
  /** Hosts images may come from besides this site (e.g. "images.example.com"). */
  imageHosts?: readonly string[];
}

const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);
const LINK_REL = "nofollow ugc noopener";

/** Whether a link target is safe to put in an href: a known scheme, or a path on this site. */
export function isSafeHref(raw: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so do we.
  // eslint-disable-next-line no-control-regex
  const compact = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  if (compact.length === 0) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  if (scheme) return SAFE_SCHEMES.has(`${scheme[1]}:`);
  // No scheme: a relative path, a fragment or a query; "//host" is another site over http(s), fine for links.
  return !compact.startsWith("\\") && !compact.includes(":");
}

/** Whether an image source is on this site or on an allowed https host. */
export function isAllowedImageSrc(raw: string, imageHosts: readonly string[] = []): boolean {
  if (!isSafeHref(raw)) return false;
  if (raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\")) return true;
  try {
    const url = new URL(raw);
    return url.protocol === "https:" && imageHosts.includes(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

function createRenderer(options: RenderOptions) {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
  md.validateLink = isSafeHref;

  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    tokens[idx]!.attrSet("rel", LINK_REL);
    return defaultLinkOpen(tokens, idx, opts, env, self);
  };

  md.renderer.rules.image = (tokens, idx, _opts, _env, self) => {
    const token = tokens[idx]!;
    const src = token.attrGet("src") ?? "";
    const alt = self.renderInlineAsText(token.children ?? [], _opts, _env);
    if (!isAllowedImageSrc(src, options.imageHosts)) {
      return `<span class="community-blocked-image">[${md.utils.escapeHtml(alt || "image")}]</span>`;
    }
    return `<img src="${md.utils.escapeHtml(src)}" alt="${md.utils.escapeHtml(alt)}" loading="lazy" referrerpolicy="no-referrer">`;
  };
  return md;
}

const renderers = new Map<string, MarkdownIt>();

/** Safe HTML for a post's Markdown body. */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  const key = (options.imageHosts ?? []).join(",");
  let md = renderers.get(key);
  if (!md) {
    md = createRenderer(options);
    renderers.set(key, md);
  }
  return md.render(source);
}
