/** The currencies a subscription may be priced in (ISO 4217). A fixed list: a typo is refused, not stored. */
export const CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "AUD",
  "CAD",
  "NZD",
  "CHF",
  "SEK",
  "NOK",
  "DKK",
  "JPY",
  "CNY",
  "HKD",
  "SGD",
  "INR",
  "BRL",
  "MXN",
  "ZAR",
] as const;
export type Currency = (typeof CURRENCIES)[number];

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}

/**
 * Approximate US dollars per unit, for one purpose: ranking accounts priced in different
 * currencies against each other (the portfolio's ARR at risk). No total is ever converted with
 * them; the page states that the ranking uses them. Reviewed 2026-12.
 */
export const RANKING_USD_RATES: Readonly<Record<Currency, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  AUD: 0.66,
  CAD: 0.73,
  NZD: 0.6,
  CHF: 1.13,
  SEK: 0.095,
  NOK: 0.093,
  DKK: 0.145,
  JPY: 0.0067,
  CNY: 0.14,
  HKD: 0.128,
  SGD: 0.75,
  INR: 0.012,
  BRL: 0.18,
  MXN: 0.055,
  ZAR: 0.055,
};
