import type { ReactNode } from "react";

/**
 * A responsive table: scrolls sideways on a phone rather than squeezing columns. The scrolling box
 * takes keyboard focus, so it can be scrolled with the arrow keys when it overflows. On paper
 * nothing can scroll, so there cells wrap and the table fits the page instead of being cut off.
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
  /**
   * Below the `md` breakpoint each row becomes a stacked card (the head is hidden; cells say what
   * they are with `StackLabel`), so a phone never scrolls sideways. From `md` up it is a table.
   */
  stack?: boolean;
}) {
  return (
    // A scrolling region must take focus to be scrolled by keyboard (axe: scrollable-region-focusable).
    <div
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 print:overflow-visible print:shadow-none"
    >
      <table className={`min-w-full divide-y divide-slate-200 text-sm ${stack ? "block md:table" : ""}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className={`bg-slate-50 ${stack ? "hidden md:table-header-group" : ""}`}>
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
        <tbody className={`divide-y divide-slate-100 ${stack ? "block md:table-row-group" : ""}`}>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * A table cell that doesn't wrap unless told (`className="whitespace-normal"`): a caller's
 * whitespace class replaces the default rather than joining it, since two conflicting utilities
 * are decided by the stylesheet's order, not by the order of the class list.
 */
export function Cell({ children, className = "" }: { children: ReactNode; className?: string }) {
  const wrap = /(^|\s)whitespace-/.test(className) ? "" : "whitespace-nowrap";
  return (
    <td
      className={`${wrap} px-4 py-3 align-middle text-slate-700 print:whitespace-normal print:px-2 print:py-2 ${className}`}
    >
      {children}
    </td>
  );
}

/** The row class of a stacked table (`<Table stack>`): a card below `md`, a table row from `md` up. */
export const STACK_ROW = "block py-2 md:table-row md:py-0";

/** What a stacked cell is, shown only while the table is stacked (the column head says it from `md` up). */
export function StackLabel({ children }: { children: ReactNode }) {
  return (
    <span className="mr-2 text-xs font-semibold uppercase tracking-wide text-slate-500 md:hidden">{children}</span>
  );
}

/**
 * A cell of a stacked table: a block below `md` (wrapping, never wider than the card, with its
 * `label` in front), a table cell from `md` up (not wrapping unless `wrap`).
 */
export function StackCell({
  children,
  label,
  wrap = false,
  className = "",
}: {
  children: ReactNode;
  label?: string;
  wrap?: boolean;
  className?: string;
}) {
  return (
    <td
      className={`block px-4 py-1.5 align-middle text-slate-700 md:table-cell md:py-3 print:whitespace-normal print:px-2 print:py-2 ${wrap ? "whitespace-normal" : "whitespace-normal md:whitespace-nowrap"} ${className}`}
    >
      {label ? <StackLabel>{label}</StackLabel> : null}
      {children}
    </td>
  );
}
