import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

let counter = 0;
const unique = () => `${Date.now().toString(36)}-${process.pid}-${(counter += 1)}`;

test("a write key's events show in the account's Usage tab and the champion's team adoption; revoked, it gets 401", async ({
  newAccount,
  newStaff,
  signInAs,
  request,
}) => {
  test.slow(); // three people, a key, a key feature and a batch
  const tag = unique();
  const externalId = `crm-e2e-${tag}`;
  const { account, url, csm, champion, members } = await newAccount({
    details: { externalId, licensedSeats: 4 },
    members: [{ name: `Quiet Member ${tag}` }],
  });

  // An admin creates a write key (shown once) and a key feature of the test's own.
  const admin = await signInAs(await newStaff("admin"));
  await admin.goto("/telemetry/write-keys");
  const keyName = `E2E source ${tag}`;
  await admin.getByLabel("Key name").fill(keyName);
  await admin.getByRole("button", { name: "Create key" }).click();
  const key = await admin.getByRole("textbox", { name: "New write key", exact: true }).inputValue();
  expect(key).toMatch(/^tdm_wk_/);

  const featureName = `Builds pipelines ${tag}`;
  const event = `Pipeline Built ${tag}`;
  await admin.getByRole("link", { name: "Key features" }).click();
  await expect(admin.getByRole("heading", { name: "Key features", level: 1 })).toBeVisible();
  const create = admin.getByRole("region", { name: "New key feature" });
  await create.getByLabel("Name").fill(featureName);
  await create.getByRole("button", { name: "Add key feature" }).click();
  await expect(create.getByText("Enter the event name your product tracks.")).toBeVisible();
  await create.getByLabel("Event").fill(event);
  await create.getByRole("button", { name: "Add key feature" }).click();
  await expect(admin.getByText(`${featureName} is a key feature now.`)).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  // The product sends a batch: who the people are, their account, and what they did.
  const now = new Date().toISOString();
  const auth = { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` };
  const linked = `u-${tag}-champion`;
  const unlinked = `u-${tag}-contractor`;
  const batch = [
    { type: "identify", userId: linked, traits: { email: champion.email, name: "Champion in product" } },
    {
      type: "identify",
      userId: unlinked,
      traits: { email: `contractor-${tag}@elsewhere.example`, name: `Contractor ${tag}` },
    },
    { type: "group", userId: linked, groupId: externalId },
    { type: "group", userId: unlinked, groupId: externalId },
    { type: "track", userId: linked, event },
    { type: "track", userId: linked, event: "Dashboard Viewed" },
    { type: "track", userId: unlinked, event },
  ].map((call, index) => ({ ...call, messageId: `${tag}-${index}`, timestamp: now }));
  const sent = await request.post("/api/v1/batch", { headers: auth, data: { batch } });
  expect(sent.status()).toBe(200);
  expect(await sent.json()).toMatchObject({ accepted: 7, duplicates: 0, rejected: 0 });

  // The CSM sees them in the Usage tab.
  const csmPage = await signInAs(csm);
  await csmPage.goto(url);
  await csmPage.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: "Usage" }).click();
  const figures = csmPage.getByRole("region", { name: "Key figures" });
  await expect(figures.getByText("2 of 4 seats")).toBeVisible();
  const adoption = csmPage.getByRole("table", { name: "Key-feature adoption" });
  await expect(adoption.getByRole("row", { name: new RegExp(`^${featureName} 2 0 2$`) })).toBeVisible();
  const users = csmPage.getByRole("table", { name: "Product users by last seen" });
  await expect(users.getByRole("cell", { name: champion.name, exact: true })).toBeVisible();
  await expect(users.getByRole("cell", { name: `Contractor ${tag}`, exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(csmPage);

  // The champion sees their team's adoption: their own people by name, the contractor counted.
  const championPage = await signInAs(champion);
  await championPage.goto(`/accounts/${account.id}/people`);
  const team = championPage.getByRole("region", { name: "Product adoption" });
  await expect(team.getByText("2 of 4 seats")).toBeVisible();
  await expect(team.getByRole("listitem").filter({ hasText: champion.name })).toBeVisible();
  await expect(team.getByText("and 1 person without a portal login")).toBeVisible();
  await expect(team.getByText(`Contractor ${tag}`)).toHaveCount(0);
  await expect(team.getByRole("listitem").filter({ hasText: members[0]!.name })).toBeVisible();
  await expect(team.getByRole("row", { name: `${featureName} 2 people` })).toBeVisible();
  // The staff tab is not theirs.
  expect((await championPage.goto(`${url}/usage`))?.status()).toBe(404);

  // Revoked, the key is refused; the admin's key feature goes with the test.
  await admin.goto("/telemetry/write-keys");
  await admin.getByRole("button", { name: `Revoke ${keyName}` }).click();
  await admin.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(admin.getByText(`${keyName} was revoked.`)).toBeVisible();
  const refused = await request.post("/api/v1/batch", {
    headers: auth,
    data: { batch: [{ type: "track", userId: linked, event, messageId: `${tag}-late`, timestamp: now }] },
  });
  expect(refused.status()).toBe(401);

  await admin.goto("/telemetry/key-features");
  await admin.getByRole("button", { name: `Delete ${featureName}` }).click();
  await admin.getByRole("button", { name: "Yes, delete" }).click();
  await expect(admin.getByText(`${featureName} was deleted.`)).toBeVisible();
});
