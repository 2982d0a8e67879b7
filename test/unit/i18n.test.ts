import { describe, expect, it } from "vitest";
import { defaultLocale, pickLocale, serverT, supportedLocales } from "~/i18n";

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
