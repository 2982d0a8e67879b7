import { actorOf } from "../../../db/seed/factories";
import { setPulse } from "../../../app/domain/health/timeline.server";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

let counter = 0;
const unique = () => `${Date.now().toString(36)}-${process.pid}-${(counter += 1)}`;

test("an admin's read key answers an account's health with the Health tab's numbers; revoked, it gets 401", async ({
  newAccount,
  newStaff,
  signInAs,
  request,
}) => {
  const tag = unique();
  const { account, url, csm } = await newAccount();
  // A fresh pulse gives the account a score of its own (sentiment), not just "no data".
  const staff = actorOf(csm);
  if (staff.kind !== "staff") throw new Error("staff expected");
  await setPulse(staff, account, { accountId: account.id, grade: "green", note: `Read API ${tag}` });

  // The admin creates a read key; it is shown once.
  const admin = await signInAs(await newStaff("admin"));
  await admin.goto("/telemetry/write-keys");
  await expect(admin.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  const keyName = `Board report ${tag}`;
  await admin.getByLabel("Key name").fill(keyName);
  await admin.getByLabel("Scope").selectOption({ label: "Read" });
  await admin.getByRole("button", { name: "Create key" }).click();
  const revealed = admin.getByRole("textbox", { name: "New read key", exact: true });
  const key = await revealed.inputValue();
  expect(key).toMatch(/^tdm_rk_/);
  await expectNoSeriousA11yViolations(admin);
  await admin.reload();
  await expect(admin.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await expect(revealed).toHaveCount(0);

  const auth = { Authorization: `Bearer ${key}` };
  const answer = await request.get(`/api/v1/accounts/${account.id}/health`, { headers: auth });
  expect(answer.status()).toBe(200);
  const health = (await answer.json()) as {
    score: number | null;
    grade: string | null;
    coverage: { measures: number; of: number; weight: number };
  };
  expect(health.score).not.toBeNull();

  // The account's Health tab shows the same score and coverage.
  await admin.goto(`${url}/health`);
  const card = admin.getByRole("region", { name: "Health score" });
  // The first line is the score and its grade ("33 Red").
  const headline = card.locator("p").first();
  await expect(headline.locator("span").first()).toHaveText(String(health.score));
  await expect(headline).toContainText(health.grade!, { ignoreCase: true });
  await expect(card).toContainText(
    `Based on ${health.coverage.measures} of ${health.coverage.of} measures, ${health.coverage.weight}% of the weight.`,
  );

  // The keys page shows its scope and that it was used; revoked, it is refused.
  await admin.goto("/telemetry/write-keys");
  const row = admin.getByRole("row").filter({ hasText: keyName });
  await expect(row).toContainText("Read");
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: `Revoke ${keyName}` }).click();
  await admin.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(admin.getByText(`${keyName} was revoked.`)).toBeVisible();
  const refused = await request.get(`/api/v1/accounts/${account.id}/health`, { headers: auth });
  expect(refused.status()).toBe(401);
});
