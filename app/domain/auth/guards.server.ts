import { redirect } from "@remix-run/node";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { getAccountById } from "~/domain/people/accounts.server";
import type { Actor, StaffActor } from "./actor";
import { type AccountAction, type WorkspaceAction, canInWorkspace, canOnAccount, refusalStatus } from "./authorization";
import { getCurrentSession } from "./sessions.server";
import { isReadRequest, viewAsScope } from "./view-as";
import { getViewAs } from "./view-as.server";
import { serverT } from "~/i18n";

/**
 * The guards every loader and action starts with. They turn the rule in authorization.ts into
 * answers: not signed in → the sign-in page; another account's resource → 404.
 */
export async function requireActor(request: Request): Promise<Actor> {
  const current = await getCurrentSession(request);
  if (!current) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
  }
  const viewAs = await getViewAs(request);
  if (!viewAs) return current.actor;
  // Viewing as a customer never writes, on any page: only the exit (routes/view-as.tsx) may post.
  if (!isReadRequest(request.method)) viewAsRefusal(current.actor.locale, "readOnly");
  const scope = viewAsScope(new URL(request.url).pathname, viewAs.accountId);
  if (scope === "personal") viewAsRefusal(current.actor.locale, "personal");
  return scope === "customer" ? viewAs.customer : current.actor;
}

/**
 * The actor a page is for, without requiring a session (the root's shell, the start page): the
 * customer's while viewing as them on a customer page, else the signed-in person's, else null.
 */
export async function currentActor(request: Request): Promise<Actor | null> {
  const current = await getCurrentSession(request);
  if (!current) return null;
  const viewAs = await getViewAs(request);
  if (viewAs && viewAsScope(new URL(request.url).pathname, viewAs.accountId) === "customer") return viewAs.customer;
  return current.actor;
}

/** 403 with a message saying why, which the error page shows beside the view-as banner. */
function viewAsRefusal(locale: string, reason: "readOnly" | "personal"): never {
  const message = serverT(locale)(`common:viewAs.refused.${reason}`);
  throw new Response(JSON.stringify({ viewAs: reason, message }), {
    status: 403,
    statusText: "Forbidden",
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function requireWorkspace(request: Request, action: WorkspaceAction): Promise<StaffActor> {
  const actor = await requireActor(request);
  if (actor.kind !== "staff" || !canInWorkspace(actor, action)) notFound();
  return actor;
}

/** The account behind a URL's `accountId`, if the caller may do `action` on it. */
export async function requireAccountAccess(request: Request, accountId: string | undefined, action: AccountAction) {
  const actor = await requireActor(request);
  if (!isId(accountId)) notFound();
  if (!canOnAccount(actor, action, accountId)) {
    if (refusalStatus(actor, accountId) === 404) notFound();
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  const account = await getAccountById(accountId);
  if (!account) notFound();
  return { actor, account };
}
