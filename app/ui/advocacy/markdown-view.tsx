import { markdownBlocks } from "~/domain/advocacy/case-study";

/** A draft's Markdown as headings, lists and paragraphs — text only, never raw HTML. */
export function MarkdownView({ source }: { source: string }) {
  return (
    <div className="space-y-3 text-sm leading-6 text-slate-800">
      {markdownBlocks(source).map((block, index) =>
        block.kind === "heading" ? (
          block.level === 2 ? (
            <h4 key={index} className="text-base font-semibold text-slate-900">
              {block.text}
            </h4>
          ) : (
            <h5 key={index} className="text-sm font-semibold text-slate-900">
              {block.text}
            </h5>
          )
        ) : block.kind === "list" ? (
          <ul key={index} className="list-disc space-y-1 pl-5">
            {block.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={index}>{block.text}</p>
        ),
      )}
    </div>
  );
}
