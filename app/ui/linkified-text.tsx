import { Fragment } from "react";

// http(s) URLs up to whitespace; trailing sentence punctuation is not part of the link.
const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;
const TRAILING = /[.,;:!?)\]'"]+$/;

/** Splits plain text into strings and links, so URLs become clickable without injecting HTML. */
function splitLinks(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = [];
  for (const [index, piece] of text.split(URL_PATTERN).entries()) {
    if (index % 2 === 0) {
      if (piece) parts.push({ text: piece });
      continue;
    }
    const trailing = TRAILING.exec(piece)?.[0] ?? "";
    const url = piece.slice(0, piece.length - trailing.length);
    parts.push({ text: url, href: url });
    if (trailing) parts.push({ text: trailing });
  }
  return parts;
}

/** Plain text (an email body) with its line breaks kept and its URLs rendered as links. */
export function LinkifiedText({ text, className = "" }: { text: string; className?: string }) {
  return (
    <p className={`whitespace-pre-wrap break-words text-sm text-slate-800 ${className}`}>
      {splitLinks(text).map((part, index) =>
        part.href ? (
          <a
            key={index}
            href={part.href}
            className="break-all text-brand-700 underline underline-offset-2 hover:text-brand-800"
          >
            {part.text}
          </a>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </p>
  );
}
