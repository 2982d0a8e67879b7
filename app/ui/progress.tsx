/** A labelled progress bar (0..1) that screen readers announce as a percentage. */
export function ProgressBar({
  value,
  label,
  tone = "brand",
}: {
  value: number;
  label: string;
  tone?: "brand" | "green" | "amber" | "red";
}) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  const colors = { brand: "bg-brand-600", green: "bg-green-600", amber: "bg-amber-500", red: "bg-red-600" };
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div className={`h-full rounded-full ${colors[tone]}`} style={{ width: `${percent}%` }} />
    </div>
  );
}
