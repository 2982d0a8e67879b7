import { z } from "zod";
import { readSubmission, resourceAction } from "~/lib/forms.server";
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { endSession, getCurrentSession, signOutEverywhere } from "~/domain/auth/sessions.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { exitViewAsCookie, hasViewAsCookie } from "~/domain/auth/view-as.server";

const LogoutSchema = z.object({ everywhere: z.enum(["1"]).optional() });

/** POST only: `everywhere=1` ends every session of the person, on every device. */
async function act({ request }: ActionFunctionArgs) {
  const current = await getCurrentSession(request);
  if (!current) return redirect("/login");
  const parsed = await readSubmission(request, LogoutSchema);
  if (!parsed.ok) return parsed.answer;
  const everywhere = parsed.data.everywhere === "1";
  const cookie = everywhere ? await signOutEverywhere(current.actor.id) : await endSession(current.sessionId);
  const t = serverT(current.actor.locale);
  const headers = new Headers({ "Set-Cookie": cookie });
  // Signing out ends viewing as a customer too.
  if (hasViewAsCookie(request)) headers.append("Set-Cookie", await exitViewAsCookie());
  return redirectWithNotice("/login", everywhere ? t("auth:signOut.everywhereDone") : t("auth:signOut.done"), {
    headers,
  });
}

export async function loader() {
  return redirect("/");
}

export const action = resourceAction(act);
