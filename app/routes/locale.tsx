import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { getCurrentSession } from "~/domain/auth/sessions.server";
import { setLocale } from "~/domain/people/profile.server";
import { asLocale } from "~/i18n/locales";
import { localeCookie } from "~/lib/locale.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { resourceAction } from "~/lib/forms.server";

/**
 * The language switcher's target (header menu, sign-in page). A signed-in person's choice is saved
 * on them (their emails follow it); a visitor's rides in a cookie. An unknown or malformed value
 * changes nothing and goes back without an error: the page stays in the language it was in.
 */
async function act({ request }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => null);
  const back = safeRedirect(form?.get("redirectTo"), "/");
  const locale = asLocale(form?.get("locale"));
  if (!locale) return redirect(back, 303);
  const actor = (await getCurrentSession(request))?.actor;
  if (actor) await setLocale(actor.id, locale);
  return redirect(back, { status: 303, headers: { "Set-Cookie": localeCookie(locale) } });
}

export function loader() {
  return redirect("/", 303);
}

export const action = resourceAction(act);
