import { expect, test } from "../support/fixtures";

// Two accounts of the spec's own, seen from one another.

test("a champion of one account gets 404 for another account's pages", async ({ newAccount, signInAs }) => {
  const other = await newAccount();
  const { champion: championOfMine } = await newAccount();
  const otherPath = other.url;
  expect(otherPath).toMatch(/^\/accounts\/[a-z2-7]{16}$/);

  const champion = await signInAs(championOfMine);
  for (const path of [otherPath, `${otherPath}/people`, `${otherPath}/edit`]) {
    const response = await champion.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(champion.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(champion.getByText(other.account.name)).toHaveCount(0);
  }
  // A form post aimed at the other account is refused the same way, and nothing changes.
  const status = await champion.evaluate(async (path) => {
    const body = new URLSearchParams({ email: "intruder@example.test", role: "member" });
    return (await fetch(`${path}/people`, { method: "POST", body })).status;
  }, otherPath);
  expect(status).toBe(404);

  // Nor do customers see the staff pages.
  expect((await champion.goto("/accounts"))?.status()).toBe(404);
  expect((await champion.goto("/accounts/not-an-id"))?.status()).toBe(404);
});

test("a member can't manage the team of their own account", async ({ newAccount, signInAs }) => {
  const { url: home, members } = await newAccount({ members: [{}] });
  const member = await signInAs(members[0]!);
  const response = await member.goto(`${home}/edit`);
  expect(response?.status()).toBe(403);
  const status = await member.evaluate(async (path) => {
    const body = new URLSearchParams({ email: "colleague@example.test", role: "member" });
    return (await fetch(`${path}/people`, { method: "POST", body })).status;
  }, home);
  expect(status).toBe(403);
});

test("a state-changing request from another site is refused (CSRF)", async ({ request }) => {
  const response = await request.post("/login", {
    form: { intent: "password", email: "priya@lumen-analytics.example", password: "lumen-demo-2026" },
    headers: { Origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("CSRF");
});
