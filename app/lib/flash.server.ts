import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { cookieSecret, secureCookies } from "./env.server";

const storage = createCookieSessionStorage<Record<string, never>, { notice: string }>({
  cookie: {
    name: "tandem_flash",
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    path: "/",
    secrets: [cookieSecret],
  },
});

/*
 * A notice rides in a cookie, and browsers refuse cookies past 4 KB — after the action has already
 * written. Notices are short sentences; one that quotes unchecked input is cut here rather than
 * turning a saved change into a 500.
 */
const MAX_NOTICE_LENGTH = 300;

/** Redirects and shows `notice` once on the next page (e.g. "Invitation sent"). */
export async function redirectWithNotice(to: string, notice: string, init: { headers?: HeadersInit } = {}) {
  const session = await storage.getSession();
  session.flash("notice", notice.length > MAX_NOTICE_LENGTH ? `${notice.slice(0, MAX_NOTICE_LENGTH - 1)}…` : notice);
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await storage.commitSession(session));
  return redirect(to, { headers });
}

/** Reads and clears the pending notice; returns the Set-Cookie header that clears it. */
export async function takeNotice(request: Request): Promise<{ notice: string | null; setCookie: string | null }> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  const notice = session.get("notice") ?? null;
  return { notice, setCookie: notice ? await storage.commitSession(session) : null };
}
