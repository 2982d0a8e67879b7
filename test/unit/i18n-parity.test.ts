import { describe, expect, it } from "vitest";
import { serverT, supportedLocales } from "~/i18n";
import { resources } from "~/i18n/resources";

/**
 * Every language has every English string, with the same {{variables}} and <0>tags</0>: a new
 * English string without its Chinese one fails here (and in tsc, through Translation<typeof en>),
 * never on a page. Plural keys follow each language's own categories (Intl.PluralRules): English
 * has _one and _other, Chinese only _other.
 */

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function pluralCategories(locale: string): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

/** The keys a language must have for the English ones: plural groups expanded to its own categories. */
function expectedKeys(english: Map<string, string>, locale: string): Map<string, string> {
  const expected = new Map<string, string>();
  for (const [key, value] of english) {
    const base = key.replace(PLURAL_SUFFIX, "");
    const isPlural = base !== key && english.has(`${base}_other`);
    if (!isPlural) {
      expected.set(key, value);
      continue;
    }
    // Each form of the target language is compared with the English "other" form.
    for (const category of pluralCategories(locale)) expected.set(`${base}_${category}`, english.get(`${base}_other`)!);
  }
  return expected;
}

const variables = (text: string) => [...text.matchAll(/{{\s*([\w.]+)/g)].map((m) => m[1]).sort();
const tags = (text: string) => [...text.matchAll(/<\/?(\d+|[a-z]+)\s*\/?>/g)].map((m) => m[0]).sort();

const english = resources.en as unknown as Record<string, Tree>;
const others = supportedLocales.filter((locale) => locale !== "en");

describe("English plurals", () => {
  it("has every plural category English needs for each plural key", () => {
    for (const [namespace, tree] of Object.entries(english)) {
      const keys = flatten(tree);
      for (const key of keys.keys()) {
        if (!key.endsWith("_other")) continue;
        const base = key.slice(0, -"_other".length);
        for (const category of pluralCategories("en"))
          expect(keys.has(`${base}_${category}`), `${namespace}:${base}_${category}`).toBe(true);
      }
    }
  });
});

describe.each(others)("%s", (locale) => {
  const translation = (resources as unknown as Record<string, Record<string, Tree>>)[locale]!;

  it("has the same namespaces as English", () => {
    expect(Object.keys(translation).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(Object.keys(english))(
    "%s: same keys (plurals by the language's categories), variables and tags",
    (namespace) => {
      const expected = expectedKeys(flatten(english[namespace]!), locale);
      const actual = flatten(translation[namespace] ?? {});
      const missing = [...expected.keys()].filter((key) => !actual.has(key));
      const extra = [...actual.keys()].filter((key) => !expected.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      for (const [key, source] of expected) {
        const text = actual.get(key)!;
        expect(variables(text), `${namespace}:${key} variables`).toEqual(variables(source));
        expect(tags(text), `${namespace}:${key} tags`).toEqual(tags(source));
        expect(text.trim(), `${namespace}:${key} is empty`).not.toBe("");
      }
    },
  );
});

describe("the checker itself", () => {
  it("expands English plural pairs into Chinese's single form", () => {
    const english = new Map([
      ["count_one", "{{count}} item"],
      ["count_other", "{{count}} items"],
      ["npsBy_month", "By month"],
    ]);
    expect([...expectedKeys(english, "zh-CN").keys()].sort()).toEqual(["count_other", "npsBy_month"]);
    expect([...expectedKeys(english, "en").keys()].sort()).toEqual(["count_one", "count_other", "npsBy_month"]);
  });

  it("reads variables with formats and tags", () => {
    expect(variables("{{count, number}} of {{total}}")).toEqual(["count", "total"]);
    expect(tags("<0>link</0> and <br/>")).toEqual(["</0>", "<0>", "<br/>"]);
  });
});

describe("Chinese at run time", () => {
  it("uses the _other form for every count and formats numbers", () => {
    const t = serverT("zh-CN");
    expect(t("people:accounts.resultCount", { count: 1 })).toBe("1 个客户");
    expect(t("people:accounts.resultCount", { count: 12000 })).toBe("12,000 个客户");
    expect(t("plans:glance.overdueDays", { count: 3 })).toBe("已逾期 3 天");
  });

  it("renders mail in Chinese", () => {
    const t = serverT("zh-CN");
    expect(t("mail:invitation.subject", { where: "Orbit Retail" })).toBe("邀请你加入 Tandem 上的 Orbit Retail");
  });
});
