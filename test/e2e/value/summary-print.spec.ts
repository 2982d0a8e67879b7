import { extractText, getDocumentProxy } from "unpdf";
import { createMeasurement, createMetric, findInPlan } from "../../../db/seed/factories";
import { expect, test } from "../support/fixtures";

/** A date `days` from today, as dates are stored. */
function isoDate(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The PDF's text, every page, with whitespace runs collapsed (so a wrapped cell still matches). */
async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(document, { mergePages: true });
  return { text: text.replace(/\s+/g, " "), pages: totalPages };
}

test("the executive summary prints every number on A4 and on Letter", async ({ newAccount, signInAs }) => {
  const { url, csm, plan } = await newAccount({
    details: { annualCost: 210_000, currency: "USD" },
    plan: { template: "Regulated industry launch", startDate: isoDate(-100) },
  });
  const compliance = await findInPlan(plan!, "outcome", "Compliance-ready reporting on de-identified data");
  const report = await createMetric(compliance, {
    name: "Days to produce the monthly quality report",
    unit: "days",
    baseline: 10,
    target: 3,
    moneyPerUnit: 1_800,
    valuePeriod: "month",
  });
  await createMeasurement(report, { measuredOn: isoDate(-30), value: 5 });
  const second = await findInPlan(plan!, "outcome", "Operations leaders see quality and throughput every day");
  const hours = await createMetric(second, {
    name: "Hours spent assembling the weekly ops pack",
    unit: "hours",
    baseline: 12,
    target: 2,
    moneyPerUnit: 60,
    valuePeriod: "week",
  });
  await createMeasurement(hours, { measuredOn: isoDate(-10), value: 2 });

  const page = await signInAs(csm);
  await page.goto(`${url}/plan/summary`);
  await expect(page.getByRole("heading", { name: "Executive summary", level: 1 })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  for (const format of ["A4", "Letter"] as const) {
    const { text, pages } = await pdfText(await page.pdf({ format, printBackground: true }));
    expect(pages, format).toBeGreaterThan(0);
    // The headline figures, every metric's baseline, reading and target, and the ROI table's
    // value column with its total: a clipped column prints as "$1" or not at all.
    for (const figure of [
      "Value realised per year $139,200",
      "Subscription cost per year $210,000",
      "ROI -34 %",
      "Payback 18.1 months",
      "Days to produce the monthly quality report 10 days 5 days 3 days 71 %",
      "Hours spent assembling the weekly ops pack 12 hours 2 hours 2 hours 100 %",
      "× 12 (monthly) $108,000",
      "× 52 (weekly) $31,200",
      "Total $139,200",
    ])
      expect(text.toLowerCase(), `${format}: ${figure}`).toContain(figure.toLowerCase());
  }
});
