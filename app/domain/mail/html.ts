/**
 * The HTML part beside an email's text: the same words, in a plain and accessible page — a
 * language, a title, the vendor's name as a heading, real links, paragraphs, no images, no layout
 * tables, dark text on white with room to read. Everything from the text is escaped.
 */
export interface MailHtmlInput {
  lang: string;
  subject: string;
  text: string;
  vendorName: string;
  footer: string;
  unsubscribe?: { url: string; label: string };
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** URLs become links that show their own address (a reader sees where a link goes). */
function linkify(line: string): string {
  let html = "";
  let last = 0;
  for (const match of line.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = match[0].replace(/[.,;:!?)]+$/, "");
    html +=
      escapeHtml(line.slice(last, match.index)) +
      `<a href="${escapeHtml(url)}" style="color:#1d4ed8">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  return html + escapeHtml(line.slice(last));
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p style="margin:0 0 16px">${block.split("\n").map(linkify).join("<br>")}</p>`)
    .join("\n");
}

export function renderMailHtml(input: MailHtmlInput): string {
  const unsubscribe = input.unsubscribe
    ? ` <a href="${escapeHtml(input.unsubscribe.url)}" style="color:#1d4ed8">${escapeHtml(input.unsubscribe.label)}</a>`
    : "";
  return `<!doctype html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.subject)}</title>
</head>
<body style="margin:0;padding:24px;background:#ffffff;color:#0f172a;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:600px;margin:0 auto">
<h1 style="font-size:18px;margin:0 0 24px">${escapeHtml(input.vendorName)}</h1>
${paragraphs(input.text)}
<hr style="border:none;border-top:1px solid #cbd5e1;margin:24px 0">
<p style="margin:0;font-size:14px;color:#334155">${escapeHtml(input.footer)}${unsubscribe}</p>
</main>
</body>
</html>`;
}
