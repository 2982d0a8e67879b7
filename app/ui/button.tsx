import { Link, type LinkProps, useNavigation } from "@remix-run/react";
import { type ButtonHTMLAttributes, type ReactNode, type RefObject, useEffect, useRef, useState } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const base =
  "inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 aria-busy:cursor-progress aria-busy:opacity-80";
const variants: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 shadow-sm",
  secondary: "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 shadow-sm",
  danger: "bg-white text-red-700 ring-1 ring-inset ring-red-300 hover:bg-red-50",
  ghost: "text-slate-700 hover:bg-slate-100",
};

export function buttonClass(variant: Variant = "primary", extra = "") {
  return `${base} ${variants[variant]} ${extra}`;
}

export function Button({
  variant = "primary",
  className = "",
  type = "submit",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}

/**
 * Whether the form this button belongs to is being submitted through Remix because of this
 * button (it, or the form without a submitter: Enter in a field picks the first button): from its
 * submit until the navigation it started is over. Any other form's submit clears it, so two forms
 * of a page never both look busy.
 */
function useOwnSubmission(button: RefObject<HTMLButtonElement | null>) {
  const navigation = useNavigation();
  const [submitted, setSubmitted] = useState(false);
  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const own = button.current;
      setSubmitted(Boolean(own && event.target === own.form && (event.submitter ?? own) === own));
    };
    document.addEventListener("submit", onSubmit, true);
    return () => document.removeEventListener("submit", onSubmit, true);
  }, [button]);
  useEffect(() => {
    if (navigation.state === "idle") setSubmitted(false);
  }, [navigation.state]);
  return submitted && navigation.state !== "idle" && navigation.formData !== undefined;
}

/**
 * A form's submit button that says what it is doing while its own form submits ("Saving…"), with
 * `aria-busy`; it ignores further clicks meanwhile but keeps focus (no `disabled`). It knows from the
 * page's navigation; a fetcher's form says so with `pending={fetcher.state !== "idle"}`.
 */
export function SubmitButton({
  pendingLabel,
  pending,
  children,
  onClick,
  variant = "primary",
  className = "",
  ...props
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> & {
  variant?: Variant;
  /** What the button says while submitting: "Saving…", "Sending…". */
  pendingLabel: string;
  /** For a fetcher's form: whether it is submitting (the page's navigation doesn't show it). */
  pending?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const ownSubmission = useOwnSubmission(ref);
  const busy = pending ?? ownSubmission;
  return (
    <button
      ref={ref}
      type="submit"
      className={buttonClass(variant, className)}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
      {...props}
    >
      {busy ? pendingLabel : children}
    </button>
  );
}

export function ButtonLink({ variant = "primary", className = "", ...props }: LinkProps & { variant?: Variant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
