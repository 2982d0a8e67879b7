import en from "./en";
import zhCN from "./zh-CN";

/**
 * Every UI string, by locale and namespace — for the server (pages, emails, tests). The browser never
 * imports this: it loads only the person's language (bundles.ts). Messages use {{placeholders}} and
 * i18next plurals (_one/_other in English, only _other in Chinese), never concatenation.
 */
export const resources = {
  en,
  "zh-CN": zhCN,
} as const;
