import type { ServerBuild } from "@remix-run/node";
import { isDatabaseUnavailable } from "../db/unavailable";

type RouteModule = ServerBuild["routes"][string]["module"];
type Handler = NonNullable<RouteModule["loader"]>;

const RETRY_AFTER_SECONDS = "5";
const wrapped = new WeakMap<ServerBuild, ServerBuild>();

/**
 * The build with every loader and action answering 503 when the database can't be reached, instead
 * of a 500: pages render the root error boundary's "Service unavailable" (a thrown 503 Response),
 * resource routes answer JSON. One place for every route, so no route has to remember it.
 */
export function withDatabaseUnavailableAs503(build: ServerBuild): ServerBuild {
  let result = wrapped.get(build);
  if (!result) {
    const routes: ServerBuild["routes"] = {};
    for (const [id, route] of Object.entries(build.routes)) {
      routes[id] = { ...route, module: wrapModule(route.module) };
    }
    result = { ...build, routes };
    wrapped.set(build, result);
  }
  return result;
}

function wrapModule(module: RouteModule): RouteModule {
  const isResourceRoute = !module.default;
  const next: RouteModule = { ...module };
  if (module.loader) next.loader = guard(module.loader, isResourceRoute);
  if (module.action) next.action = guard(module.action, isResourceRoute);
  return next;
}

function guard(handler: Handler, isResourceRoute: boolean): Handler {
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const { pathname } = new URL(args.request.url);
      console.warn(`Database unavailable: ${args.request.method} ${pathname} answered 503 (${describe(error)})`);
      throw unavailable(isResourceRoute);
    }
  };
}

function unavailable(isResourceRoute: boolean): Response {
  const headers = { "Retry-After": RETRY_AFTER_SECONDS, "Cache-Control": "no-store" };
  if (isResourceRoute) {
    return Response.json(
      {
        error: {
          code: "unavailable",
          message: "Service unavailable: the database can't be reached. Try again shortly.",
        },
      },
      { status: 503, headers },
    );
  }
  return new Response("Service unavailable", { status: 503, statusText: "Service Unavailable", headers });
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  return [code, message].filter((part) => typeof part === "string").join(": ");
}
