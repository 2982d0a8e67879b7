import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { ViteDevServer } from "vite";
import { serverEnv } from "../app/lib/env.server";
import { isSameOriginWrite } from "./csrf";
import { withDatabaseUnavailableAs503 } from "./database-unavailable";
import { guardRequests } from "./request-guards";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The caller's address, for per-IP rate limits. */
    clientIp: string;
  }
}

/**
 * The public JSON API (/api/…) authenticates every request with a key, never with a cookie, so the
 * CSRF check is not for it; the request guards let it through too (it enforces its own limits and
 * answers errors in JSON).
 */
function isApiPath(path: string): boolean {
  return path.startsWith("/api/");
}

/**
 * The one-click unsubscribe address takes RFC 8058 POSTs from mail clients and providers, which
 * send no Origin of ours. Its signed token is the whole authorization (no cookie is read), so a
 * cross-site post can do nothing a person holding the link couldn't.
 */
function isTokenAuthorizedPath(path: string): boolean {
  return path === "/unsubscribe";
}

/** The HTTP app: static files, the CSRF check on every state-changing browser request, then Remix. */
export function createApp(source: { build: () => Promise<ServerBuild> } | { vite: ViteDevServer }) {
  const app = express();
  app.disable("x-powered-by");
  if (serverEnv.TRUST_PROXY !== undefined) app.set("trust proxy", serverEnv.TRUST_PROXY);
  const configuredOrigin = serverEnv.APP_URL ? new URL(serverEnv.APP_URL).origin : undefined;
  app.use(compression());

  app.use((req, res, next) => {
    if (isApiPath(req.path) || isTokenAuthorizedPath(req.path)) return next();
    const expectedOrigin = configuredOrigin ?? `${req.protocol}://${req.get("host")}`;
    if (
      isSameOriginWrite({ method: req.method, origin: req.get("origin"), referer: req.get("referer"), expectedOrigin })
    ) {
      return next();
    }
    res.status(403).type("text/plain").send("This request came from another site and was refused (CSRF check).");
  });

  app.use(guardRequests);

  if ("vite" in source) {
    app.use(source.vite.middlewares);
  } else {
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(express.static("build/client", { maxAge: "1h" }));
  }

  const loadBuild =
    "vite" in source
      ? () => source.vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
      : source.build;
  const build = async () => withDatabaseUnavailableAs503(await loadBuild());
  const handleRequest = createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  });
  // Express 4 ignores a handler's promise: pass a rejection on to the error handler instead.
  app.all("*", (req, res, next) => {
    handleRequest(req, res, next).catch(next);
  });
  return app;
}
