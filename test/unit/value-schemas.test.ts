import { describe, expect, it } from "vitest";
import { AccountInputSchema } from "~/domain/people/account-schemas";
import { MeasurementInputSchema, MetricInputSchema } from "~/domain/value/value-schemas";

const OUTCOME = "abcdefghijklmnop";
const valid = {
  outcomeId: OUTCOME,
  name: "Days to close the month",
  unit: "days",
  direction: "down",
  baseline: "9",
  target: "4",
  moneyPerUnit: "",
  valuePeriod: "",
};
/** The first message per field, as parseForm shows them. */
function errorsOf(result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

describe("MetricInputSchema", () => {
  it("parses form strings into numbers and drops the period without money", () => {
    expect(MetricInputSchema.parse({ ...valid, valuePeriod: "month" })).toEqual({
      outcomeId: OUTCOME,
      name: "Days to close the month",
      unit: "days",
      direction: "down",
      baseline: 9,
      target: 4,
      moneyPerUnit: null,
      valuePeriod: null,
    });
  });

  it("accepts thousands separators and decimals", () => {
    const parsed = MetricInputSchema.parse({
      ...valid,
      direction: "up",
      baseline: "1,200.5",
      target: "2 500",
      moneyPerUnit: "12.75",
      valuePeriod: "week",
    });
    expect(parsed).toMatchObject({ baseline: 1200.5, target: 2500, moneyPerUnit: 12.75, valuePeriod: "week" });
  });

  it.each([
    [{ baseline: "nine" }, "baseline", "value.figureInvalid"],
    [{ target: "" }, "target", "field.required"],
    [{ baseline: "1e9" }, "baseline", "value.figureInvalid"],
    [{ baseline: "0.12345" }, "baseline", "value.figureInvalid"],
    [{ target: "9999999999999" }, "target", "value.figureAbsurd"],
    [{ target: "12" }, "target", "value.targetNotBelow"],
    [{ direction: "up" }, "target", "value.targetNotAbove"],
    [{ target: "9" }, "target", "value.targetNotBelow"],
    [{ direction: "sideways" }, "direction", "value.directionInvalid"],
    [{ name: "  " }, "name", "value.nameRequired"],
    [{ unit: "" }, "unit", "value.unitRequired"],
    [{ name: "x".repeat(121) }, "name", "field.tooLong"],
    [{ moneyPerUnit: "-5", valuePeriod: "month" }, "moneyPerUnit", "value.moneyNegative"],
    [{ moneyPerUnit: "50" }, "valuePeriod", "value.periodRequired"],
    [{ moneyPerUnit: "50", valuePeriod: "decade" }, "valuePeriod", "value.periodInvalid"],
    [{ outcomeId: "../etc" }, "outcomeId", "value.outcomeUnknown"],
  ])("refuses %o with a message on the field", (change, field, code) => {
    const result = MetricInputSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(errorsOf(result)[field]).toBe(code);
  });
});

describe("MeasurementInputSchema", () => {
  it("parses a reading", () => {
    expect(MeasurementInputSchema.parse({ measuredOn: "2026-10-31", value: "6.5", note: "  October close " })).toEqual({
      measuredOn: "2026-10-31",
      value: 6.5,
      note: "October close",
    });
  });

  it.each([
    [{ measuredOn: "2026-02-30" }, "measuredOn", "value.dateInvalid"],
    [{ measuredOn: "yesterday" }, "measuredOn", "value.dateInvalid"],
    [{ value: "about six" }, "value", "value.figureInvalid"],
    [{ value: "Infinity" }, "value", "value.figureInvalid"],
    [{ value: "-2000000000000" }, "value", "value.figureAbsurd"],
    [{ note: "n".repeat(501) }, "note", "field.tooLong"],
  ])("refuses %o", (change, field, code) => {
    const result = MeasurementInputSchema.safeParse({ measuredOn: "2026-10-31", value: "6", note: "", ...change });
    expect(errorsOf(result)[field]).toBe(code);
  });
});

describe("account currency", () => {
  const account = {
    name: "Acme",
    segmentId: OUTCOME,
    industry: "Retail",
    region: "EMEA",
    licensedSeats: "10",
    renewalDate: "2027-01-01",
    csmId: "",
    timeZone: "UTC",
  };

  // What the account pays is revenue's subscription now (migration 0028): the form has no cost.
  it("defaults the currency and reads it in capitals, with no annual cost", () => {
    expect(AccountInputSchema.parse(account)).toMatchObject({ currency: "USD" });
    const parsed = AccountInputSchema.parse({ ...account, annualCost: "48,000.50", currency: "eur" });
    expect(parsed).toMatchObject({ currency: "EUR" });
    expect(parsed).not.toHaveProperty("annualCost");
  });

  it.each([
    [{ currency: "EURO" }, "currency", "account.currencyInvalid"],
    [{ currency: "12$" }, "currency", "account.currencyInvalid"],
  ])("refuses %o", (change, field, code) => {
    expect(errorsOf(AccountInputSchema.safeParse({ ...account, ...change }))[field]).toBe(code);
  });
});
