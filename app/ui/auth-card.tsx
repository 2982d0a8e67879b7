import type { ReactNode } from "react";

/** The centered card that sign-in, reset and invitation pages share. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md py-4 sm:py-10">
      <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {intro ? <div className="mt-1 text-sm text-slate-600">{intro}</div> : null}
        <div className="mt-6 space-y-6">{children}</div>
      </div>
    </div>
  );
}
