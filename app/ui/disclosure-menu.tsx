import { type ReactNode, useEffect, useRef } from "react";

/**
 * A menu in the top bar built on a native <details>: it opens without JavaScript and the summary is
 * a keyboard-reachable toggle. With JavaScript, Escape (focus back on the toggle), a click outside
 * or choosing an item closes it.
 */
export function DisclosureMenu({
  summary,
  summaryClassName,
  panelClassName = "w-48",
  children,
}: {
  summary: ReactNode;
  summaryClassName: string;
  panelClassName?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const details = ref.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        details.open = false;
        details.querySelector("summary")?.focus();
      } else if (!details.contains(event.target as Node)) {
        details.open = false;
      }
    };
    document.addEventListener("keydown", close);
    document.addEventListener("mousedown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("mousedown", close);
    };
  }, []);
  return (
    <details ref={ref} className="relative">
      <summary
        className={`${summaryClassName} flex cursor-pointer list-none items-center gap-1 [&::-webkit-details-marker]:hidden`}
      >
        {summary}
        <svg aria-hidden width="12" height="12" viewBox="0 0 20 20" fill="currentColor" className="shrink-0">
          <path d="M5.3 7.3a1 1 0 011.4 0L10 10.6l3.3-3.3a1 1 0 111.4 1.4l-4 4a1 1 0 01-1.4 0l-4-4a1 1 0 010-1.4z" />
        </svg>
      </summary>
      {/* A click on a link inside closes the menu; the click bubbles here before the navigation renders. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
      <div
        className={`absolute right-0 z-40 mt-1 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200 ${panelClassName}`}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a") && ref.current) ref.current.open = false;
        }}
      >
        {children}
      </div>
    </details>
  );
}
