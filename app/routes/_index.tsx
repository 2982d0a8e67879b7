import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { homePath } from "~/domain/auth/actor";
import { getCurrentSession } from "~/domain/auth/sessions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await getCurrentSession(request);
  return redirect(current ? homePath(current.actor) : "/login");
}
