import { type Browser, expect } from "@playwright/test";
import { demo } from "./demo";
import { linkFromOutbox } from "./outbox";
import { pageSignedInAs } from "./session";

/**
 * A brand-new account of its own, created by the CSM as a person does, whose champion joins through
 * the invitation: for specs whose guardrails or counts no other spec may disturb.
 */
export async function createAccountWithChampion(
  browser: Browser,
  options: { company: string; championEmail: string; championName: string; password: string },
) {
  const csm = await pageSignedInAs(browser, demo.csm.email);
  await csm.getByRole("link", { name: "New account" }).click();
  await csm.getByLabel("Company name").fill(options.company);
  await csm.getByLabel("Segment").selectOption({ label: "Enterprise rollout" });
  await csm.getByLabel("Industry").fill("Logistics");
  await csm.getByLabel("Region").fill("EMEA");
  await csm.getByLabel("Licensed seats").fill("25");
  await csm.getByLabel("Renewal date").fill("2027-12-31");
  await csm.getByLabel("Time zone").selectOption("Europe/Oslo");
  await csm.getByLabel("Champion's email").fill(options.championEmail);
  await csm.getByLabel("Champion's name").fill(options.championName);
  await csm.getByRole("button", { name: "Create account and invite champion" }).click();
  await expect(csm.getByRole("heading", { name: options.company, level: 1 })).toBeVisible();
  const accountUrl = new URL(csm.url()).pathname;

  const champion = await (await browser.newContext()).newPage();
  await champion.goto(await linkFromOutbox(browser, options.championEmail, "/invitations/"));
  await champion.getByLabel("Choose a password").fill(options.password);
  await champion.getByRole("button", { name: "Join and sign in" }).click();
  await expect(champion.getByRole("heading", { name: `Welcome, ${options.championName}` })).toBeVisible();
  await csm.context().close();
  return { accountUrl, champion };
}
