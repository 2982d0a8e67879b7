import { createMeasurement, createMetric, createTask, findInPlan } from "../../../db/seed/factories";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const REPORT = "Days to produce the monthly quality report";
const BLOCKED = "Get the data-processing addendum signed";
const INTERNAL = "Flag renewal risk to sales leadership";

/** A date `days` from today, as dates are stored. */
function isoDate(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("the champion measures value, the CSM enters the cost, and ROI and the executive summary follow", async ({
  newAccount,
  signInAs,
}) => {
  test.slow(); // three people, two pages each
  // An account of the test's own, a plan started 100 days ago, and a money metric read twice: 10 → 9 → 8 days.
  const {
    url,
    csm: csmPerson,
    champion: championPerson,
    members,
    plan,
  } = await newAccount({
    members: [{ name: "Raj Iyer" }],
    details: { annualCost: 210_000, currency: "USD" },
    plan: { template: "Regulated industry launch", startDate: isoDate(-100) },
  });
  const compliance = await findInPlan(plan!, "outcome", "Compliance-ready reporting on de-identified data");
  const report = await createMetric(compliance, {
    name: REPORT,
    unit: "days",
    baseline: 10,
    target: 3,
    moneyPerUnit: 1_800,
    valuePeriod: "month",
  });
  await createMeasurement(report, { measuredOn: isoDate(-60), value: 9 });
  await createMeasurement(report, { measuredOn: isoDate(-32), value: 8 });
  const kickoff = await findInPlan(plan!, "milestone", "Kickoff: compliance scope agreed");
  // Blocked since the start: the earliest of the open risks, so within the summary's first eight.
  await createTask(kickoff, {
    title: BLOCKED,
    status: "blocked",
    blockedReason: "Waiting on legal",
    dueDate: isoDate(-100),
  });
  await createTask(kickoff, { title: INTERNAL, side: "vendor", internal: true });

  const champion = await signInAs(championPerson);
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Value" }).click();
  await expect(champion.getByRole("heading", { name: "Value & ROI", level: 1 })).toBeVisible();
  // The four headline figures of the ROI card (the inputs table below repeats some of them).
  const roi = champion.getByRole("region", { name: "Return on investment" }).getByRole("definition");
  // 2 days saved × $1,800 × 12 months = $43,200 a year against $210,000.
  await expect(roi.getByText("$43,200", { exact: true })).toBeVisible();
  await expect(roi.getByText("-79 %")).toBeVisible();

  // A reading that isn't a number, or is dated tomorrow, is refused next to its field.
  const metric = champion.getByRole("article", { name: REPORT });
  const record = metric.getByRole("form", { name: `Record a measurement of ${REPORT}` });
  await record.getByLabel("Value (days)").fill("about five");
  await record.getByRole("button", { name: "Record" }).click();
  await expect(record.getByText("Enter a number, like 12 or 4.5 (at most four decimals).")).toBeVisible();

  // The report now takes 5 days: 5 × 1,800 × 12 = $108,000 a year.
  await record.getByLabel("Value (days)").fill("5");
  await record.getByLabel("Note (optional)").fill("Readmissions and falls sections both come from Lumen");
  await record.getByRole("button", { name: "Record" }).click();
  await expect(record.getByText("Measurement recorded.")).toBeVisible();
  await expect(metric.getByRole("definition").getByText("5 days", { exact: true })).toBeVisible();
  await expect(metric.getByRole("img", { name: /3 measurements, latest 5 days/ })).toBeVisible();
  await expect(roi.getByText("$108,000", { exact: true })).toBeVisible();
  await expect(roi.getByText("-49 %")).toBeVisible();

  // A new money metric on another outcome: 10 hours saved a week at $60 = $31,200 a year.
  const outcome = champion.getByRole("region", { name: "Operations leaders see quality and throughput every day" });
  await outcome.getByText("Add a metric to Operations leaders see quality and throughput every day").click();
  const add = outcome.getByRole("form", {
    name: "Add a metric to Operations leaders see quality and throughput every day",
  });
  await add.getByLabel("Metric", { exact: true }).fill("Hours of manual chart review per week");
  await add.getByLabel("Unit", { exact: true }).fill("hours");
  await add.getByLabel("Which way is better?").selectOption({ label: "Lower is better" });
  await add.getByLabel("Baseline (where you started)").fill("40");
  await add.getByLabel("Target", { exact: true }).fill("50");
  await add.getByRole("button", { name: "Add metric" }).click();
  await expect(add.getByText("When lower is better, the target must be below the baseline.")).toBeVisible();
  await add.getByLabel("Target", { exact: true }).fill("10");
  await add.getByLabel(/Value of one unit of improvement/).fill("60");
  await add.getByLabel("Per", { exact: true }).selectOption({ label: "week" });
  await add.getByRole("button", { name: "Add metric" }).click();
  const added = champion.getByRole("article", { name: "Hours of manual chart review per week" });
  await expect(added).toBeVisible();
  await added.getByLabel("Value (hours)").fill("30");
  await added.getByRole("button", { name: "Record" }).click();
  await expect(roi.getByText("$139,200", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(champion);

  // The CSM records a contraction on the Revenue tab (210,000 → 120,000); ROI is counted against the ARR.
  const csm = await signInAs(csmPerson);
  await csm.goto(`${url}/revenue`);
  const change = csm.getByRole("region", { name: "Record an ARR change" });
  await change.getByLabel("Change").selectOption({ label: "Contraction" });
  await change.getByLabel("Amount (USD)").fill("-5");
  await change.getByRole("button", { name: "Record change" }).click();
  await expect(csm.getByText("The amount can't be negative.")).toBeVisible();
  await change.getByLabel("Amount (USD)").fill("90000");
  await change.getByRole("button", { name: "Record change" }).click();
  await expect(csm.getByText("Ledger entry recorded.")).toBeVisible();
  await csm.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: "Value" }).click();
  // (139,200 − 120,000) ÷ 120,000 = 16 %; paid back in 120,000 ÷ (139,200 ÷ 12) = 10.3 months.
  const csmRoi = csm.getByRole("region", { name: "Return on investment" }).getByRole("definition");
  await expect(csmRoi.getByText("16 %")).toBeVisible();
  await expect(csmRoi.getByText("10.3 months")).toBeVisible();

  // The executive summary carries the same numbers, ready to print.
  await champion.reload();
  await champion.getByRole("link", { name: "Executive summary" }).click();
  await expect(champion.getByRole("heading", { name: "Executive summary", level: 1 })).toBeVisible();
  await expect(champion.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  const summaryRoi = champion.getByRole("region", { name: "Return on investment" });
  await expect(summaryRoi.getByRole("definition").getByText("16 %")).toBeVisible();
  await expect(summaryRoi.getByRole("row", { name: /^Total/ }).getByRole("cell", { name: "$139,200" })).toBeVisible();
  await expect(
    champion
      .getByRole("region", { name: "Outcomes and value" })
      .getByRole("row")
      .filter({ hasText: REPORT })
      .getByRole("cell", { name: "5 days", exact: true }),
  ).toBeVisible();
  await expect(champion.getByRole("region", { name: "Open risks" }).getByText(BLOCKED)).toBeVisible();
  await expect(champion.getByText(INTERNAL)).toHaveCount(0);
  await expectNoSeriousA11yViolations(champion);

  // Members read the numbers but can't record; another account's champion gets 404.
  const member = await signInAs(members[0]!);
  await member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Value" }).click();
  await expect(
    member.getByRole("article", { name: REPORT }).getByRole("definition").getByText("5 days", { exact: true }),
  ).toBeVisible();
  await expect(member.getByRole("button", { name: "Record" })).toHaveCount(0);
  const outsider = await signInAs((await newAccount()).champion);
  const valuePath = new URL(member.url()).pathname;
  expect((await outsider.goto(valuePath))?.status()).toBe(404);
  expect((await outsider.goto(`${valuePath.replace(/\/value$/, "")}/plan/summary`))?.status()).toBe(404);
});
