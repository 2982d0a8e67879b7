import type { ReactNode } from "react";

/**
 * A responsive table: scrolls sideways on a phone rather than squeezing columns. The scrolling box
 * takes keyboard focus, so it can be scrolled with the arrow keys when it overflows. On paper
 * nothing can scroll, so there cells wrap and the table fits the page instead of being cut off.
 *
 * With `stack`, a table turns into cards below `md` instead (`.table-stack` in tailwind.css): each
 * row is a card, each cell a line headed by its column's name — pass it as the cell's `label`
 * (a cell without one, such as the row's name, spans the card as its title). Every cell, and so
 * every action, stays on screen without scrolling sideways.
 */
export function Table({
  caption,
  head,
  children,
  compact = false,
  stack = false,
}: {
  caption: string;
  head: ReactNode[];
  children: ReactNode;
  /** Narrow padding, for small tables in half-width cards (a chart's data). */
  compact?: boolean;
  /** Rows become labelled cards on a phone (below `md`); give each `Cell` its column's `label`. */
  stack?: boolean;
}) {
  return (
    // A scrolling region must take focus to be scrolled by keyboard (axe: scrollable-region-focusable).
    <div
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 print:overflow-visible print:shadow-none"
    >
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${stack ? "table-stack" : ""}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {head.map((cell, index) => (
              <th
                key={index}
                scope="col"
                className={`${compact ? "px-2 normal-case" : "px-4 uppercase tracking-wide"} py-2.5 text-left text-xs font-semibold text-slate-600 print:px-2`}
              >
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/**
 * A table cell that doesn't wrap unless told (`className="whitespace-normal"`): a caller's
 * whitespace class replaces the default rather than joining it, since two conflicting utilities
 * are decided by the stylesheet's order, not by the order of the class list.
 */
export function Cell({
  children,
  className = "",
  label,
}: {
  children: ReactNode;
  className?: string;
  /** The column's name, shown before the value when a `stack` table is cards (on a phone). */
  label?: string;
}) {
  const wrap = /(^|\s)whitespace-/.test(className) ? "" : "whitespace-nowrap";
  return (
    <td
      data-label={label}
      className={`${wrap} px-4 py-3 align-middle text-slate-700 print:whitespace-normal print:px-2 print:py-2 ${className}`}
    >
      {/* One box for the value, so the stacked card's label and value sit side by side. */}
      {label === undefined ? children : <div className="min-w-0">{children}</div>}
    </td>
  );
}
