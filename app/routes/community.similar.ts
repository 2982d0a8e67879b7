import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/domain/auth/guards.server";
import { similarTopics } from "~/domain/community/search.server";

/** Similar topics for a title being typed (the "Ask" form fetches this as the person types). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request);
  const title = (new URL(request.url).searchParams.get("title") ?? "").slice(0, 200);
  return { similar: await similarTopics(title) };
}
