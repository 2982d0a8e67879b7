import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("a CSM sets a pulse and logs a touch on the Health tab and sees them count; the champion can't open it", async ({
  newAccount,
  signInAs,
}) => {
  const tag = `${Date.now().toString(36)}-${process.pid}`;
  const { url, csm, champion } = await newAccount();
  const page = await signInAs(csm);
  await page.goto(`${url}/health`);
  await expect(page.getByRole("heading", { name: "Health score", level: 2 })).toBeVisible();
  const measures = page.getByRole("table", { name: /Each measure with its score/ });
  await expect(measures.getByRole("row", { name: /Sentiment/ })).toContainText("No fresh CSM pulse");
  await expect(measures.getByRole("row", { name: /Engagement/ })).toContainText("No touch logged");

  const pulse = page.getByRole("region", { name: "CSM pulse" });
  await pulse.getByLabel("Pulse").selectOption({ label: "Green" });
  await pulse.getByLabel("Note").fill(`Sponsor happy ${tag}`);
  await pulse.getByRole("button", { name: "Set pulse" }).click();
  await expect(page.getByText("Pulse set.")).toBeVisible();
  await expect(pulse.getByText(`Sponsor happy ${tag}`)).toBeVisible();
  await expect(measures.getByRole("row", { name: /Sentiment/ })).toContainText("CSM pulse: Green");

  const touches = page.getByRole("region", { name: "Touches" });
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  await touches.getByLabel("Kind").selectOption({ label: "QBR" });
  await touches.getByLabel("Date").fill(threeDaysAgo);
  await touches.getByLabel("Note").fill(`Quarterly review ${tag}`);
  await touches.getByRole("button", { name: "Log touch" }).click();
  await expect(page.getByText("Touch logged.")).toBeVisible();
  await expect(touches.getByRole("list", { name: "Logged touches, newest first" })).toContainText(
    `Quarterly review ${tag}`,
  );
  await expect(measures.getByRole("row", { name: /Engagement/ })).not.toContainText("No touch logged");
  await expectNoSeriousA11yViolations(page);

  const customer = await signInAs(champion);
  const response = await customer.goto(`${url}/health`);
  expect(response?.status()).toBe(404);
  await expect(customer.getByText(`Sponsor happy ${tag}`)).toHaveCount(0);
});
