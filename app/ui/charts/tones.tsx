/**
 * The charts' colours, one meaning each across the app: brand for a plain count, green for the
 * good outcome (accepted, promoters), red for the bad one (declined, detractors), slate for the
 * undecided in between. Printing keeps them (print-color-adjust in tailwind.css).
 */
export const TONES = {
  brand: "bg-brand-600",
  green: "bg-green-600",
  red: "bg-red-600",
  slate: "bg-slate-400",
} as const;
export type Tone = keyof typeof TONES;

export interface Segment {
  value: number;
  tone: Tone;
}

export const total = (segments: readonly Segment[]) => segments.reduce((sum, segment) => sum + segment.value, 0);

/** Bars grow into place, unless the person asked for less motion. */
export const BAR_MOTION = "transition-all duration-500 ease-out motion-reduce:transition-none";

/** The key to a chart's colours; decorative, as the numbers are in the table. */
export function Legend({ items }: { items: readonly { tone: Tone; label: string }[] }) {
  return (
    <ul aria-hidden className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span className={`inline-block h-2.5 w-2.5 rounded-sm ${TONES[item.tone]}`} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** A chart with nothing to draw says so, rather than showing empty axes. */
export function ChartEmpty({ children }: { children: string }) {
  return (
    <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
      {children}
    </p>
  );
}
