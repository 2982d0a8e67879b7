import { expectNoSeriousA11yViolations } from "../support/axe";
import { demo } from "../support/demo";
import { expect, test } from "../support/fixtures";

test("a CSM starts a plan from a template and the champion sees it dated, at a glance", async ({
  newAccount,
  signInAs,
}) => {
  test.slow(); // two people across the whole plan page
  const {
    url,
    csm: csmPerson,
    champion: championPerson,
  } = await newAccount({
    segment: "Self-serve team",
    plan: { template: "Self-serve onboarding", startDate: "2026-03-02" },
  });
  const csm = await signInAs(csmPerson);
  await csm.goto(`${url}/plan`);
  await expect(csm.getByRole("heading", { name: "Self-serve onboarding", level: 1 })).toBeVisible();

  await csm.getByText("Start another plan from a template").click();
  await expect(csm.getByText("This account already has a current plan.")).toBeVisible();
  await csm.getByLabel("Template", { exact: true }).selectOption({ label: "Enterprise rollout (Enterprise rollout)" });
  await csm.getByLabel("Start date").fill("2026-12-01");
  await csm.getByLabel("Plan name").fill("Expansion");
  await csm.getByRole("button", { name: "Create plan" }).click();
  await expect(csm.getByText("The plan “Expansion” was created.")).toBeVisible();
  await expect(csm.getByRole("heading", { name: "Expansion", level: 1 })).toBeVisible();
  await expect(csm.getByText("Started Dec 1, 2026 from the “Enterprise rollout” template")).toBeVisible();

  const champion = await signInAs(championPerson);
  await expect(champion.getByRole("region", { name: "Where you stand" }).getByText("Expansion")).toBeVisible();
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).click();
  await expect(champion.getByRole("heading", { name: "Success plan", level: 1 })).toBeVisible();
  await expect(champion.getByRole("heading", { name: "Kickoff with the executive sponsor", level: 3 })).toBeVisible();
  await expect(champion.getByText("Target Dec 1, 2026")).toBeVisible();
  await expect(champion.getByRole("region", { name: "Timeline" }).getByText("Today")).toBeVisible();
  await expectNoSeriousA11yViolations(champion);

  // Another account's people get 404 for this plan.
  const planPath = new URL(champion.url()).pathname;
  const outsider = await signInAs((await newAccount()).champion);
  expect((await outsider.goto(planPath))?.status()).toBe(404);
});

// Read only: Helix's demo plan, with its stalled milestone.
test("a stalled plan shows what needs attention first; internal tasks stay with the vendor", async ({ signInAs }) => {
  test.slow(); // two people, a download and two accessibility scans
  const champion = await signInAs(demo.helixChampion.email);
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).click();
  const attention = champion.getByRole("region", { name: "Needs attention" });
  await expect(attention.getByText("Sign the business associate agreement")).toBeVisible();
  await expect(attention.getByText("Blocked: Waiting on security review sign-off from Helix IT")).toBeVisible();
  const stalled = champion.getByRole("region", { name: "Security and privacy review passed" });
  await expect(stalled.getByText("Stalled")).toBeVisible();
  await expect(champion.getByText("Flag renewal risk to sales leadership")).toHaveCount(0); // not even in a label

  // Filters: blocked customer tasks only.
  await champion.getByLabel("Status", { exact: true }).selectOption({ label: "Blocked" });
  await champion.getByRole("button", { name: "Filter" }).click();
  await expect(champion.getByText("Showing 2 tasks")).toBeVisible();
  await expect(champion).toHaveURL(/status=blocked/);

  // The plan's dates go into a calendar file, without internal tasks.
  const download = champion.waitForEvent("download");
  await champion.getByRole("link", { name: "Add to calendar (.ics)" }).click();
  const ics = await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  });
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("SUMMARY:Milestone: Security and privacy review passed");
  expect(ics).not.toContain("Flag renewal risk");

  const csm = await signInAs(demo.csmHelix.email);
  await csm.getByRole("link", { name: "Helix Health" }).click();
  await csm.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: "Plan" }).click();
  await expect(csm.getByText("Flag renewal risk to sales leadership", { exact: true })).toBeVisible();
  await expect(csm.getByText("Internal", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(csm);
});
