import { describe, expect, it } from "vitest";
import {
  asLocale,
  defaultLocale,
  fromAcceptLanguage,
  negotiateLocale,
  pickLocale,
  serverT,
  supportedLocales,
} from "~/i18n";

describe("pickLocale", () => {
  it("uses the person's saved locale when it is supported", () => {
    expect(pickLocale("en", "de-DE,de;q=0.9")).toBe("en");
  });

  it("ignores an unsupported saved locale instead of returning it", () => {
    expect(pickLocale("fr", null)).toBe(defaultLocale);
    expect(pickLocale("xx-YY", undefined)).toBe(defaultLocale);
  });

  it("matches Accept-Language tags case-insensitively and by base language", () => {
    expect(pickLocale(null, "EN")).toBe("en");
    expect(pickLocale(null, "en-GB")).toBe("en");
    expect(pickLocale(undefined, "fr-FR,fr;q=0.9,en-US;q=0.8")).toBe("en");
  });

  it("falls back to the default for missing, empty or garbage headers", () => {
    expect(pickLocale()).toBe(defaultLocale);
    expect(pickLocale(null, "")).toBe(defaultLocale);
    expect(pickLocale(null, ";;,,q=1")).toBe(defaultLocale);
    expect(pickLocale("", "*")).toBe(defaultLocale);
  });

  it("only ever answers a supported locale", () => {
    expect(pickLocale(null, "zh-CN")).toBe("zh-CN");
    for (const header of ["zh-CN", "de", "pt-BR,pt;q=0.9", "*"]) {
      expect(supportedLocales).toContain(pickLocale(null, header));
    }
  });
});

describe("serverT", () => {
  it("interpolates mail text", () => {
    const t = serverT("en");
    expect(t("mail:invitation.subject", { where: "Northwind" })).toBe("You're invited to join Northwind on Tandem");
  });
});

describe("negotiateLocale", () => {
  it("prefers the saved locale, then the cookie, then Accept-Language, then DEFAULT_LOCALE", () => {
    const all = { saved: "zh-CN", cookie: "en", acceptLanguage: "en-US", fallback: "en" };
    expect(negotiateLocale(all)).toBe("zh-CN");
    expect(negotiateLocale({ ...all, saved: null })).toBe("en");
    expect(negotiateLocale({ cookie: "zh-CN", acceptLanguage: "en-US" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "zh-CN,zh;q=0.9", fallback: "en" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "fr-FR", fallback: "zh-CN" })).toBe("zh-CN");
    expect(negotiateLocale({})).toBe(defaultLocale);
  });

  it("skips malformed or unknown values at every step instead of failing", () => {
    for (const bad of ["", "xx", "zh_CN!", "../../etc", "a".repeat(500), "zh-TW", null, undefined]) {
      expect(negotiateLocale({ saved: bad, cookie: bad, acceptLanguage: bad, fallback: bad })).toBe(defaultLocale);
    }
    expect(negotiateLocale({ saved: "klingon", cookie: "zh-CN" })).toBe("zh-CN");
  });

  it("reads Accept-Language by q-value and maps simplified-Chinese tags to zh-CN", () => {
    expect(fromAcceptLanguage("en;q=0.5, zh-CN;q=0.9")).toBe("zh-CN");
    expect(fromAcceptLanguage("zh-Hans-CN")).toBe("zh-CN");
    expect(fromAcceptLanguage("zh")).toBe("zh-CN");
    expect(fromAcceptLanguage("zh-SG,en;q=0.1")).toBe("zh-CN");
    expect(fromAcceptLanguage("zh-TW,en;q=0.8")).toBe("en");
    expect(fromAcceptLanguage("zh-CN;q=0, en;q=0.1")).toBe("en");
    expect(fromAcceptLanguage("ZH-cn")).toBe("zh-CN");
    expect(fromAcceptLanguage("de, fr")).toBeUndefined();
  });

  it("accepts a locale in any case and nothing else", () => {
    expect(asLocale("zh-cn")).toBe("zh-CN");
    expect(asLocale("EN")).toBe("en");
    expect(asLocale(42)).toBeUndefined();
    expect(asLocale("zh")).toBeUndefined();
  });
});
