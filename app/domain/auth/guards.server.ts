import { redirect } from "@remix-run/node";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { getAccountById } from "~/domain/people/accounts.server";
import type { Actor, StaffActor } from "./actor";
import { type AccountAction, type WorkspaceAction, canInWorkspace, canOnAccount, refusalStatus } from "./authorization";
import { getCurrentSession } from "./sessions.server";

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
  return current.actor;
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
