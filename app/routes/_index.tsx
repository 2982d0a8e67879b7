import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { homePath } from "~/domain/auth/actor";
import { currentActor } from "~/domain/auth/guards.server";

export async function loader({ request }: LoaderFunctionArgs) {
  // While viewing as a customer, home is the customer's home.
  const actor = await currentActor(request);
  return redirect(actor ? homePath(actor) : "/login");
}
