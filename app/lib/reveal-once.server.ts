import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { cookieSecret, secureCookies } from "./env.server";

/*
 * A secret that is shown exactly once (a calendar link, a write key) can't be the action's answer:
 * refreshing that page would post the form again and make another one. The action stores it here
 * and redirects; the next page load takes it out and clears the cookie, so it is on screen once and
 * a refresh shows the page without it. Apart from the flash notice's cookie, which the root reads.
 */
const REVEAL_SECONDS = 300;

const storage = createCookieSessionStorage<Record<string, never>, { reveal: { key: string; value: string } }>({
  cookie: {
    name: "tandem_reveal",
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies,
    path: "/",
    maxAge: REVEAL_SECONDS,
    secrets: [cookieSecret],
  },
});

/** Redirects to `to`, where `takeRevealed(request, key)` returns `value` once. */
export async function redirectRevealing(to: string, key: string, value: string) {
  const session = await storage.getSession();
  session.flash("reveal", { key, value });
  return redirect(to, { headers: { "Set-Cookie": await storage.commitSession(session), "Cache-Control": "no-store" } });
}

/**
 * The secret stored for `key`, or null, and the Set-Cookie header that clears it (to send with the
 * page). A secret stored for another key is left for its own page.
 */
export async function takeRevealed(request: Request, key: string): Promise<{ value: string | null; headers: Headers }> {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const session = await storage.getSession(request.headers.get("Cookie"));
  if (!session.has("reveal")) return { value: null, headers };
  const reveal = session.get("reveal");
  if (!reveal || reveal.key !== key) return { value: null, headers };
  headers.append("Set-Cookie", await storage.commitSession(session));
  return { value: reveal.value, headers };
}
