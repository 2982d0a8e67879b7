import { getMDXComponent } from "mdx-bundler/client/index.js";
import { useMemo } from "react";
import { mdxComponents } from "./mdx-components";

/** Compiled lesson MDX, evaluated once per code string; typography from @tailwindcss/typography. */
export function MdxContent({ code }: { code: string }) {
  const Component = useMemo(() => getMDXComponent(code), [code]);
  return (
    <div className="prose prose-slate max-w-none prose-a:text-brand-700 prose-headings:scroll-mt-20">
      <Component components={mdxComponents} />
    </div>
  );
}
