import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("a CSM builds a template for a segment and starts a plan from it", async ({ newAccount, newStaff, signInAs }) => {
  test.slow(); // the editor, the list, an account and its plan
  const name = `Pilot in 60 days ${Date.now().toString(36)}`;
  const csmPerson = await newStaff("csm");
  const csm = await signInAs(csmPerson);
  await csm.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" }).click();
  await expect(csm.getByRole("heading", { name: "Plan templates", level: 1 })).toBeVisible();
  await expect(
    csm.getByRole("region", { name: "Self-serve team" }).getByRole("link", { name: "Self-serve onboarding" }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(csm);

  await csm.getByRole("link", { name: "New template" }).click();
  await expect(csm.getByRole("heading", { name: "New plan template", level: 1 })).toBeVisible();
  await csm.getByLabel("Template name").fill(name);
  await csm.getByLabel("Segment").selectOption({ label: "Enterprise rollout" });
  await csm.getByLabel("Description").fill("A short pilot for one department.");

  await csm.getByRole("button", { name: "Add an outcome" }).click();
  const outcome = csm.getByRole("group", { name: "Outcome 1" });
  await outcome.getByLabel("Outcome title").fill("Pilot department reports without spreadsheets");
  await outcome.getByLabel("Target day").fill("60");

  const first = csm.getByRole("group", { name: "Milestone 1", exact: true });
  await first.getByLabel("Milestone title").fill("Data connected");
  await expect(first.getByLabel("Target day")).toHaveValue("30");
  await first.getByLabel("Linked outcome").selectOption({ label: "Pilot department reports without spreadsheets" });
  await first.getByRole("button", { name: "Add a task to Milestone 1" }).click();
  const customerTask = csm.getByRole("group", { name: "Task 1 of milestone 1" });
  await customerTask.getByLabel("Task title").fill("Grant read access to the warehouse");
  await customerTask.getByLabel("Side").selectOption({ label: "Customer" });
  await customerTask.getByLabel("Due day").fill("20");

  await csm.getByRole("button", { name: "Add a milestone" }).click();
  const second = csm.getByRole("group", { name: "Milestone 2", exact: true });
  await expect(second.getByLabel("Target day")).toHaveValue("60");
  await second.getByLabel("Milestone title").fill("Pilot team trained");
  await second.getByRole("button", { name: "Add a task to Milestone 2" }).click();
  const vendorTask = csm.getByRole("group", { name: "Task 1 of milestone 2" });
  await vendorTask.getByLabel("Task title").fill("Run two training sessions");
  await vendorTask.getByLabel("Side").selectOption({ label: "Vendor" });
  await vendorTask.getByLabel("Due day").fill("75");

  // The preview dates everything from a sample start date.
  const preview = csm.getByRole("region", { name: "Preview" });
  await preview.getByLabel("Sample start date").fill("2027-01-04");
  await expect(preview.getByText("Day 30 · Feb 3, 2027")).toBeVisible();
  await expect(preview.getByText("Day 60 · Mar 5, 2027")).toBeVisible();
  await expect(preview.getByText("due Jan 24, 2027")).toBeVisible();

  // A task due after its milestone is refused next to its field; nothing is saved.
  await csm.getByRole("button", { name: "Save template" }).click();
  await expect(vendorTask.getByText("A task is due on or before its milestone's day.")).toBeVisible();
  await expect(csm.getByText("Please fix the highlighted fields.")).toBeVisible();
  await vendorTask.getByLabel("Due day").fill("55");
  await expectNoSeriousA11yViolations(csm);
  await csm.getByRole("button", { name: "Save template" }).click();

  await expect(csm.getByText(`Template “${name}” saved.`)).toBeVisible();
  const row = csm.getByRole("region", { name: "Enterprise rollout" }).getByRole("row").filter({ hasText: name });
  await expect(row.getByText("1 outcome · 2 milestones · 2 tasks")).toBeVisible();

  // An account of the segment of the test's own (so no other account's current plan changes).
  const { url } = await newAccount({ csm: csmPerson });
  await csm.goto(url);
  await csm.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: "Plan" }).click();
  await csm.getByLabel("Template", { exact: true }).selectOption({ label: `${name} (Enterprise rollout)` });
  await csm.getByLabel("Start date").fill("2027-01-04");
  await csm.getByRole("button", { name: "Create plan" }).click();
  await expect(csm.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(csm.getByRole("heading", { name: "Data connected", level: 3 })).toBeVisible();
  await expect(csm.getByText("Target Feb 3, 2027")).toBeVisible();
  await expect(csm.getByRole("heading", { name: "Pilot team trained", level: 3 })).toBeVisible();
  await expect(csm.getByText("Target Mar 5, 2027")).toBeVisible();
  await expect(csm.getByText("Grant read access to the warehouse").first()).toBeVisible();
  await expect(csm.getByText("Run two training sessions").first()).toBeVisible();
});

test("marketing reads templates without changing them; customers get 404", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  const marketing = await signInAs(await newStaff("marketing"));
  await marketing.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" }).click();
  await expect(marketing.getByRole("heading", { name: "Plan templates", level: 1 })).toBeVisible();
  await expect(marketing.getByRole("link", { name: "New template" })).toHaveCount(0);
  await marketing.getByRole("link", { name: "Enterprise rollout" }).first().click();
  await expect(marketing.getByRole("heading", { name: "Enterprise rollout", level: 1 })).toBeVisible();
  await expect(marketing.getByRole("button", { name: "Save template" })).toHaveCount(0);
  await expect(
    marketing.getByRole("region", { name: "Preview" }).getByText("Kickoff with the executive sponsor"),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);
  expect((await marketing.goto("/templates/new"))?.status()).toBe(404);

  const member = await signInAs((await newAccount({ members: [{}] })).members[0]!);
  await expect(member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" })).toHaveCount(
    0,
  );
  expect((await member.goto("/templates"))?.status()).toBe(404);
  expect((await member.goto("/templates/new"))?.status()).toBe(404);
});
