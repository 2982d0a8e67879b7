/**
 * The shape a translation must have, derived from the English namespace: the same keys with string
 * values. Plural keys follow the target language's categories — Chinese has only `other`, so the
 * English `_one` forms are dropped and `_other` stays (test/unit/i18n-parity.test.ts checks the rest:
 * variables, tags, and the categories of every locale via Intl.PluralRules).
 */
export type Translation<T> = {
  -readonly [
    K in keyof T as K extends `${string}_${"zero" | "one" | "two" | "few" | "many"}` ? never : K
  ]: T[K] extends string ? string : Translation<T[K]>;
};
