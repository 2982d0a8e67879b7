import type { MetaArgs } from "@remix-run/node";
import { i18nFor } from "~/i18n/bundles";

/**
 * A page's <title> in the person's language: "{page} · Tandem". `key` is a translation key such as
 * "common:titles.accounts"; meta runs on the server and in the browser, so it reads the root's locale.
 */
export function pageTitle(matches: MetaArgs["matches"], key: string, values: Record<string, string> = {}) {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: string } | undefined;
  // Keys arrive as plain strings here, so use i18next's untyped signature.
  const t = i18nFor(root?.locale ?? "en").t as unknown as (key: string, values?: Record<string, string>) => string;
  return [{ title: t("common:pageTitle", { page: t(key, values) }) }];
}
