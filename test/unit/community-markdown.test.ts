import { describe, expect, it } from "vitest";
import { isAllowedImageSrc, isSafeHref, renderMarkdown } from "~/domain/community/markdown.server";

/** Things the rendered HTML must never contain, whatever the input. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(img|a|iframe|svg|object|embed|style|form|input|link|meta)\b[^>]*\son\w+\s*=/i);
  expect(html).not.toMatch(/<iframe|<object|<embed|<svg|<style|<form|<meta|<link/i);
  expect(html).not.toMatch(/href="\s*(javascript|data|vbscript|file):/i);
  expect(html).not.toMatch(/src="\s*(javascript|data|vbscript|file):/i);
}

describe("renderMarkdown: malicious input is rendered inert", () => {
  const cases: [string, string][] = [
    ["script tag", "<script>alert(1)</script>"],
    ["script split over lines", "<scr\nipt>alert(1)</script>"],
    ["img onerror", '<img src=x onerror="alert(1)">'],
    ["svg onload", "<svg onload=alert(1)>"],
    ["iframe", '<iframe src="https://evil.example"></iframe>'],
    ["style tag", "<style>body{display:none}</style>"],
    ["event handler in a div", '<div onclick="alert(1)">click</div>'],
    ["javascript: link", "[x](javascript:alert(1))"],
    ["JaVaScRiPt: mixed case", "[x](JaVaScRiPt:alert(1))"],
    ["entity-encoded javascript:", "[x](jav&#x61;script:alert(1))"],
    ["percent-encoded scheme", "[x](javascript%3Aalert(1))"],
    ["tab inside the scheme", "[x](java&#9;script:alert(1))"],
    ["leading control character", "[x](&#1;javascript:alert(1))"],
    ["vbscript: link", "[x](vbscript:msgbox(1))"],
    ["data: link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
    ["javascript: image", "![x](javascript:alert(1))"],
    ["autolink javascript", "<javascript:alert(1)>"],
    ["reference link javascript", "[x][1]\n\n[1]: javascript:alert(1)"],
    ["html in link text", "[<img src=x onerror=alert(1)>](https://example.com)"],
    ["html in code span stays code", "`<script>alert(1)</script>`"],
    ["html in a fenced block", "```html\n<script>alert(1)</script>\n```"],
    ["quote breaking out of an attribute", '[x](https://example.com/" onmouseover="alert(1))'],
    ["image title breaking out", '![x](/a.png "t\\" onerror=\\"alert(1)")'],
    ["nested tags", "<<script>script>alert(1)<</script>/script>"],
    ["comment trick", "<!--><script>alert(1)</script>-->"],
  ];
  it.each(cases)("%s", (_name, input) => {
    expectInert(renderMarkdown(input));
  });

  it("shows raw HTML as text", () => {
    expect(renderMarkdown("<b>bold</b>")).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(renderMarkdown("<script>alert(1)</script>")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("drops the link of an unsafe target and keeps its text", () => {
    const html = renderMarkdown("[click me](javascript:alert(1))");
    expect(html).not.toContain("<a");
    expect(html).toContain("click me");
  });
});

describe("renderMarkdown: what Markdown still does", () => {
  it("renders emphasis, lists and code blocks", () => {
    const html = renderMarkdown("**bold** _it_\n\n- one\n- two\n\n```sql\nselect 1 < 2;\n```");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>it</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<pre><code class="language-sql">select 1 &lt; 2;');
  });

  it("gives every link rel=nofollow ugc noopener, autolinks included", () => {
    expect(renderMarkdown("[docs](https://example.com/docs)")).toContain(
      '<a href="https://example.com/docs" rel="nofollow ugc noopener">docs</a>',
    );
    expect(renderMarkdown("see https://example.com")).toContain('rel="nofollow ugc noopener"');
    expect(renderMarkdown("[mail](mailto:a@example.com)")).toContain('href="mailto:a@example.com"');
    expect(renderMarkdown("[topic](/community/topics/abc)")).toContain('href="/community/topics/abc"');
  });

  it("shows images from this site and allowed hosts only", () => {
    expect(renderMarkdown("![chart](/images/chart.png)")).toContain('<img src="/images/chart.png" alt="chart"');
    expect(renderMarkdown("![chart](https://evil.example/c.png)")).not.toContain("<img");
    expect(renderMarkdown("![chart](https://evil.example/c.png)")).toContain("[chart]");
    expect(renderMarkdown("![chart](//evil.example/c.png)")).not.toContain("<img");
    expect(renderMarkdown("![chart](https://img.example.com/c.png)", { imageHosts: ["img.example.com"] })).toContain(
      '<img src="https://img.example.com/c.png"',
    );
    expect(renderMarkdown("![chart](http://img.example.com/c.png)", { imageHosts: ["img.example.com"] })).not.toContain(
      "<img",
    );
  });
});

describe("isSafeHref and isAllowedImageSrc", () => {
  it.each([
    ["https://example.com", true],
    ["http://example.com", true],
    ["mailto:a@b.c", true],
    ["/path", true],
    ["#anchor", true],
    ["?q=1", true],
    ["javascript:alert(1)", false],
    [" javascript:alert(1)", false],
    ["java\nscript:alert(1)", false],
    ["data:text/html,x", false],
    ["vbscript:x", false],
    ["file:///etc/passwd", false],
    ["", false],
  ])("%j → %s", (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });

  it("allows same-origin paths and listed https hosts for images", () => {
    expect(isAllowedImageSrc("/a.png")).toBe(true);
    expect(isAllowedImageSrc("//evil.example/a.png")).toBe(false);
    expect(isAllowedImageSrc("/\\evil.example/a.png")).toBe(false);
    expect(isAllowedImageSrc("https://cdn.example/a.png", ["cdn.example"])).toBe(true);
    expect(isAllowedImageSrc("https://cdn.example.evil/a.png", ["cdn.example"])).toBe(false);
  });
});
