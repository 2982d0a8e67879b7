import { createAccount, createHealthSnapshots, createSegment } from "../../../db/seed/factories";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("an admin reweighs a segment's model with the preview, is refused a bad sum, and saves version 1", async ({
  newStaff,
  signInAs,
}) => {
  const segment = await createSegment();
  const today = new Date().toISOString().slice(0, 10);
  // Under the default weights both are yellow (56 and 51); weighed on adoption alone, one is green, one red.
  for (const [overall, adoption, plan] of [
    [56, 100, 0],
    [51, 20, 90],
  ] as const) {
    const account = await createAccount({ segmentId: segment.id });
    await createHealthSnapshots(account.id, { [today]: overall }, { adoption, plan });
  }
  const page = await signInAs(await newStaff("admin"));
  await page.goto(`/health/models?model=${segment.id}`);
  const editor = page.getByRole("region", { name: `Edit: ${segment.name}` });
  await expect(editor.getByText("This segment uses the default model.")).toBeVisible();

  await editor.getByRole("spinbutton", { name: "Adoption" }).fill("100");
  for (const measure of ["Plan progress", "Skills", "Sentiment", "Engagement", "Community"]) {
    await editor.getByRole("spinbutton", { name: measure, exact: true }).fill("0");
  }
  await editor.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("table", { name: "Accounts in each grade now and under the draft" });
  await expect(preview.getByRole("row", { name: /Green/ })).toHaveText(/Green\s*0\s*1/);
  await expect(preview.getByRole("row", { name: /Yellow/ })).toHaveText(/Yellow\s*2\s*0/);
  await expect(preview.getByRole("row", { name: /Red/ })).toHaveText(/Red\s*0\s*1/);

  await editor.getByRole("spinbutton", { name: "Community" }).fill("5");
  await editor.getByRole("button", { name: "Save as version 1" }).click();
  await expect(editor.getByText("The weights must add up to 100.")).toBeVisible();

  await editor.getByRole("spinbutton", { name: "Community" }).fill("0");
  await editor.getByRole("button", { name: "Save as version 1" }).click();
  await expect(page.getByText("Saved as version 1.")).toBeVisible();
  await expect(page.getByRole("region", { name: `Edit: ${segment.name}` }).getByRole("status")).toContainText(
    "Current: version 1",
  );
  await expectNoSeriousA11yViolations(page);
});

test("the champion sees how their rollout is going, without the score, the pulse or sentiment", async ({
  newAccount,
  signInAs,
}) => {
  const secret = `Renewal at risk ${Date.now().toString(36)}-${process.pid}`;
  const started = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  const { url, csm, champion } = await newAccount({
    members: [{}],
    plan: { template: "Enterprise rollout", startDate: started },
  });
  const staff = await signInAs(csm);
  await staff.goto(`${url}/health`);
  const pulse = staff.getByRole("region", { name: "CSM pulse" });
  await pulse.getByLabel("Pulse").selectOption({ label: "Red" });
  await pulse.getByLabel("Note").fill(secret);
  await pulse.getByRole("button", { name: "Set pulse" }).click();
  await expect(staff.getByText("Pulse set.")).toBeVisible();

  const page = await signInAs(champion);
  await page.goto(url);
  const rollout = page.getByRole("region", { name: "How your rollout is going" });
  await expect(rollout.getByText("Your team in the portal")).toBeVisible();
  await expect(rollout.getByText(/of 2 people signed in in the last 30 days/)).toBeVisible();
  await expect(rollout.getByRole("link", { name: "Go to the courses" })).toHaveAttribute("href", "/training");
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(page.getByText("Sentiment")).toHaveCount(0);
  await expect(page.getByText(/Health \d+/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The executive summary (printed for the QBR) carries the same customer words, nothing internal.
  await page.goto(`${url}/plan/summary`);
  await expect(
    page.getByRole("region", { name: "How your rollout is going" }).getByText("Your team in the portal"),
  ).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(page.getByText("Sentiment")).toHaveCount(0);
});
