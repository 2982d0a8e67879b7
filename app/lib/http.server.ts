import { readEnv } from "./env.server";

/** The answer for anything the caller may not know exists: an unknown id and another account's id alike. */
export function notFound(): never {
  throw new Response("Not found", { status: 404, statusText: "Not Found" });
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

/**
 * The origin of the links Tandem sends out (emails, certificate links): APP_URL, else the address
 * the server was started for (HOST:PORT). Never the request's Host header — anyone can forge that
 * and have a password-reset link mailed that points at their own site. The request is taken only so
 * that the call sites read naturally; it is not looked at.
 */
export function requestOrigin(_request?: Request): string {
  return appOrigin();
}

export function appOrigin(): string {
  // Read at call time: the forged-Host tests set APP_URL while the process runs.
  const appUrl = readEnv("APP_URL");
  if (appUrl) return appUrl.replace(/\/$/, "");
  const host = readEnv("HOST");
  const port = readEnv("PORT");
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** Whether the browser only prefetched the page (a link's `prefetch`), rather than someone opening it. */
export function isPrefetch(request: Request): boolean {
  const purpose = request.headers.get("Sec-Purpose") ?? request.headers.get("Purpose") ?? "";
  return purpose.includes("prefetch");
}
