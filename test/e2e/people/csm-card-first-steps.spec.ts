import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const tagOf = () => `${Date.now().toString(36)}-${process.pid}-${test.info().repeatEachIndex}`;

test("a CSM sets a title and meeting link in Settings; their new account's champion sees them and three first steps", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  const tag = tagOf();
  const csmPerson = await newStaff("csm", { name: `Ana Ortiz ${tag}` });
  const meetingUrl = `https://cal.example.com/ana-${tag}`;

  const csm = await signInAs(csmPerson);
  await csm.goto("/settings");
  const profile = csm.getByRole("region", { name: "Profile" });
  await profile.getByLabel("Job title (optional)").fill("Customer Success Manager");
  // Only http(s) links: anything else is refused next to the field, and nothing is saved.
  await profile.getByLabel("Meeting link (optional)").fill("ftp://files.example.com/ana");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByText("Enter a link starting with https:// (or http://)")).toBeVisible();
  await profile.getByLabel("Meeting link (optional)").fill(meetingUrl);
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(csm.getByText("Profile saved.")).toBeVisible();
  await expect(profile.getByLabel("Meeting link (optional)")).toHaveValue(meetingUrl);

  const { champion: championPerson } = await newAccount({
    name: `First Steps Co ${tag}`,
    csm: csmPerson,
    plan: { template: "Self-serve onboarding", startDate: "2026-03-02" },
  });
  const champion = await signInAs(championPerson);
  await expect(champion.getByRole("heading", { name: `Welcome, ${championPerson.name}` })).toBeVisible();

  const card = champion.getByRole("region", { name: "Your customer success manager" });
  await expect(card.getByText(csmPerson.name)).toBeVisible();
  await expect(card.getByText("Customer Success Manager", { exact: true })).toBeVisible();
  await expect(card.getByRole("link", { name: csmPerson.email })).toHaveAttribute("href", `mailto:${csmPerson.email}`);
  const book = card.getByRole("link", { name: `Book a meeting with ${csmPerson.name} (opens in a new tab)` });
  await expect(book).toHaveAttribute("href", meetingUrl);
  await expect(book).toHaveAttribute("target", "_blank");
  await expect(book).toHaveAttribute("rel", /noopener/);

  const steps = champion.getByRole("region", { name: "First steps" });
  await expect(steps.getByText("0 of 3 done")).toBeVisible();
  for (const [name, href] of [
    ["Invite your team", `/accounts/${championPerson.accountId}/people#invite`],
    ["Review your plan", `/accounts/${championPerson.accountId}/plan`],
    ["Start the course", "/training"],
  ] as const) {
    const step = steps.getByRole("listitem").filter({ hasText: name });
    await expect(step).toContainText("(To do)");
    await expect(step.getByRole("link", { name })).toHaveAttribute("href", href);
  }
  await expectNoSeriousA11yViolations(champion);

  // Opening the plan ticks its step.
  await steps.getByRole("link", { name: "Review your plan" }).click();
  await expect(champion).toHaveURL(/\/plan$/);
  await champion.goBack();
  await expect(steps.getByText("1 of 3 done")).toBeVisible();
  await expect(steps.getByRole("listitem").filter({ hasText: "Review your plan" })).toContainText("(Done)");
});
