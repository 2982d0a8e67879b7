import { expectNoSeriousA11yViolations } from "../support/axe";
import { uniqueEmail } from "../support/demo";
import { expect, test } from "../support/fixtures";
import { linkFromOutbox } from "../support/outbox";
import { signOutFromBar } from "../support/nav";

test("a CSM creates an account and invites its champion, who invites a colleague, who joins", async ({
  browser,
  newAccount,
  newStaff,
  signInAs,
}) => {
  test.slow(); // one long story across three people and four browser contexts
  const company = `Acme Freight ${Date.now().toString(36)}`;
  const championEmail = uniqueEmail("champion", "acme.example");
  const colleagueEmail = uniqueEmail("colleague", "acme.example");

  // The CSM sets up the account.
  const csm = await signInAs(await newStaff("csm"));
  await csm.goto("/accounts");
  await csm.getByRole("link", { name: "New account" }).click();
  await expect(csm.getByRole("heading", { name: "New customer account", level: 1 })).toBeVisible();
  await csm.getByLabel("Company name").fill(company);
  await csm.getByLabel("Segment").selectOption({ label: "Self-serve team" });
  await csm.getByLabel("Industry").fill("Logistics");
  await csm.getByLabel("Region").fill("EMEA");
  await csm.getByLabel("Licensed seats").fill("0");
  await csm.getByLabel("Renewal date").fill("2027-12-31");
  await csm.getByLabel("Time zone").selectOption("Europe/Berlin");
  await csm.getByLabel("Champion's email").fill(championEmail);
  await csm.getByLabel("Champion's name").fill("Carla Champion");
  await csm.getByRole("button", { name: "Create account and invite champion" }).click();
  await expect(csm.getByText("Enter a whole number of seats, at least 1.")).toBeVisible();
  await csm.getByLabel("Licensed seats").fill("10");
  await expectNoSeriousA11yViolations(csm);
  await csm.getByRole("button", { name: "Create account and invite champion" }).click();
  await expect(csm.getByText(`${company} was created and ${championEmail} was invited.`)).toBeVisible();
  await expect(csm.getByRole("heading", { name: company, level: 1 })).toBeVisible();
  await csm.getByRole("link", { name: "People" }).click();
  await expect(csm.getByRole("region", { name: "Pending invitations" }).getByText(championEmail)).toBeVisible();
  await expectNoSeriousA11yViolations(csm);

  // The champion accepts from the emailed link and lands signed in on the account's home.
  const champion = await (await browser.newContext()).newPage();
  await champion.goto(await linkFromOutbox(signInAs, championEmail, "/invitations/"));
  await expect(champion.getByRole("heading", { name: `Join ${company} on Tandem` })).toBeVisible();
  await expect(champion.getByLabel("Your name")).toHaveValue("Carla Champion");
  await champion.getByLabel("Choose a password").fill("carla's password 1");
  await champion.getByRole("button", { name: "Join and sign in" }).click();
  await expect(champion.getByRole("heading", { name: "Welcome, Carla Champion" })).toBeVisible();

  // The champion invites a colleague from the team page.
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  await expect(champion.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
  await champion.getByLabel("Work email").fill(colleagueEmail);
  await champion.getByLabel("Role").selectOption("member");
  await champion.getByRole("button", { name: "Send invitation" }).click();
  await expect(champion.getByText(`Invitation sent to ${colleagueEmail}.`)).toBeVisible();
  await expectNoSeriousA11yViolations(champion);

  // Inviting an address that already has an account is refused next to the field.
  await champion.getByLabel("Work email").fill((await newAccount()).champion.email);
  await champion.getByRole("button", { name: "Send invitation" }).click();
  await expect(champion.getByText("This email already belongs to someone in Tandem.")).toBeVisible();

  // The colleague accepts, lands signed in, and can sign in again with their password.
  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(await linkFromOutbox(signInAs, colleagueEmail, "/invitations/"));
  await colleague.getByLabel("Your name").fill("Cole League");
  await colleague.getByLabel("Choose a password").fill("cole's password 1");
  await colleague.getByRole("button", { name: "Join and sign in" }).click();
  await expect(colleague.getByRole("heading", { name: "Welcome, Cole League" })).toBeVisible();
  await signOutFromBar(colleague);
  const passwordForm = colleague.getByRole("region", { name: "Sign in with your password" });
  await passwordForm.getByLabel("Work email").fill(colleagueEmail);
  await passwordForm.getByLabel("Password").fill("cole's password 1");
  await passwordForm.getByRole("button", { name: "Sign in" }).click();
  await expect(colleague.getByRole("heading", { name: "Welcome, Cole League" })).toBeVisible();

  // The invitation link is spent.
  // The champion now sees the colleague on the team, promotes them, then deactivates them.
  await champion.reload();
  const row = champion.getByRole("row").filter({ hasText: "Cole League" });
  await expect(row.getByText("Active")).toBeVisible();
  await row.getByRole("button", { name: "Make champion Cole League" }).click();
  await expect(row.getByText("Champion", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Make member Cole League" }).click();
  await expect(row.getByText("Member", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Deactivate Cole League" }).click();
  await row.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: "Reactivate Cole League" })).toBeVisible();

  // Deactivation ended the colleague's session: their next request lands on the sign-in page.
  await expect(async () => {
    await colleague.reload();
    await expect(colleague).toHaveURL(/\/login/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // The CSM can't demote the account's only champion.
  await csm.reload();
  const championRow = csm.getByRole("row").filter({ hasText: "Carla Champion" });
  await championRow.getByRole("button", { name: "Make member Carla Champion" }).click();
  await expect(championRow.getByText("Every account needs at least one active champion.")).toBeVisible();
  for (const page of [champion, colleague]) await page.context().close();
});
