import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const COURSE = "Dashboards in a day";
const WRONG_EXPLANATION = "Thirty charts bury the one number that matters.";
const RIGHT_EXPLANATION = "A few charts keep attention on what matters.";

test("a member takes a course, passes its quiz, earns a certificate anyone can verify; the champion sees it and the plan task completes itself", async ({
  browser,
  newAccount,
  signInAs,
}) => {
  test.slow(); // three people and a whole course
  const tom = `Tom Reyes ${Date.now().toString(36)}`; // on a public certificate, found by name
  const account = await newAccount({
    segment: "Self-serve team",
    members: [{ name: tom }],
    plan: { template: "Self-serve onboarding", startDate: "2026-03-02" },
  });

  // The CSM makes a plan task require the course of Tom.
  const csm = await signInAs(account.csm);
  const champion = await signInAs(account.champion);
  const accountPath = account.url;
  await csm.goto(`${accountPath}/plan`);
  await csm.getByRole("link", { name: "Require a course" }).first().click();
  await expect(csm).toHaveURL(/\/tasks\/[a-z2-7]+\/training$/);
  const taskUrl = csm.url();
  await csm.getByLabel("Course", { exact: true }).selectOption({ label: COURSE });
  await csm.getByRole("checkbox", { name: tom }).check();
  await csm.getByRole("button", { name: "Save the requirement" }).click();
  await expect(csm.getByText("Training: 0 of 1 finished")).toBeVisible();

  // Tom opens Training: the member course is there, the champions-only one is not.
  const member = await signInAs(account.members[0]!);
  await member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Training" }).click();
  await expect(member.getByRole("heading", { name: "Training", level: 1 })).toBeVisible();
  await expect(member.getByRole("link", { name: "Running the rollout" })).toHaveCount(0);
  await member.getByRole("link", { name: COURSE }).click();
  await member.getByRole("link", { name: "Start the course" }).click();
  await expect(member.getByRole("heading", { name: "Why dashboards", level: 1 })).toBeVisible();

  // Neither the page nor its data holds the answer key before the learner answers.
  const html = await member.content();
  expect(html).not.toContain(WRONG_EXPLANATION);
  expect(html).not.toContain(RIGHT_EXPLANATION);
  await expectNoSeriousA11yViolations(member);

  const quiz = member.getByRole("form", { name: "Knowledge check" });
  await quiz.getByRole("radio", { name: "Thirty" }).check();
  await quiz.getByRole("button", { name: "Check my answer" }).click();
  await expect(quiz.getByText("Not quite. Read the explanation and try again.")).toBeVisible();
  await expect(quiz.getByText(WRONG_EXPLANATION)).toBeVisible();
  await quiz.getByRole("radio", { name: "About three" }).check();
  await quiz.getByRole("button", { name: "Check my answer" }).click();
  await expect(quiz.getByText("Correct — well done.")).toBeVisible();
  await expect(quiz.getByText(RIGHT_EXPLANATION)).toBeVisible();
  await member.getByRole("button", { name: "Mark as read" }).click();
  await expect(member.getByText("Lesson complete")).toBeVisible();

  await member.getByRole("link", { name: "Next: Build one" }).click();
  await expect(member.getByRole("heading", { name: "Build one", level: 1 })).toBeVisible();
  const item = member.getByRole("checkbox", { name: "Add one chart" });
  // The tick shows at once and is saved in the background (a keepalive request a reload doesn't
  // cancel); reload once the save has answered, or the new page may be read before it is written.
  const saved = member.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().includes("/build-one"),
  );
  await item.check();
  await expect(item).toBeChecked();
  await saved;
  await member.reload();
  await expect(member.getByRole("checkbox", { name: "Add one chart" })).toBeChecked();
  await member.getByRole("button", { name: "Mark as read" }).click();
  await expect(member.getByText("You finished the course. Your certificate is ready.")).toBeVisible();
  await member.getByRole("link", { name: "Open your certificate" }).click();
  const certificate = member.getByRole("region", { name: "Certificate of completion" });
  await expect(certificate.getByText(tom)).toBeVisible();
  await expect(certificate.getByText(COURSE)).toBeVisible();
  const code = new URL(member.url()).pathname.split("/").pop()!;

  // Public verification, signed out: name, course and date, nothing about the account.
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(`/certificates/${code}`);
  await expect(visitor.getByText("This certificate is valid.")).toBeVisible();
  await expect(visitor.getByText(tom)).toBeVisible();
  await expect(visitor.getByText(COURSE)).toBeVisible();
  await expect(visitor.getByText(account.account.name)).toHaveCount(0);
  const unknown = await visitor.goto("/certificates/aaaaaaaaaaaaaaaa");
  expect(unknown?.status()).toBe(404);

  // The champion sees Tom's completion in the team view.
  await champion.goto("/training");
  await champion.getByRole("link", { name: "Team training" }).click();
  const row = champion.getByRole("row", { name: new RegExp(tom) });
  await expect(row.getByText("Completed")).toBeVisible();

  // The plan task completed itself.
  await csm.goto(taskUrl);
  await expect(csm.getByText("Training: 1 of 1 finished")).toBeVisible();
  await expect(csm.getByText("Done", { exact: true })).toBeVisible();
});

test("another account's people get 404 on an account's team training page; a member gets no team view", async ({
  newAccount,
  signInAs,
}) => {
  const { url: accountPath, members } = await newAccount({ members: [{}] });
  const outsider = await signInAs((await newAccount()).champion);
  const response = await outsider.goto(`${accountPath}/training`);
  expect(response?.status()).toBe(404);
  await expect(outsider.getByRole("heading", { name: "Page not found" })).toBeVisible();

  const member = await signInAs(members[0]!);
  const refused = await member.goto(`${accountPath}/training`);
  expect(refused?.status()).toBe(403);
  const unknownLesson = await member.goto("/training/dashboards-in-a-day/no-such-lesson");
  expect(unknownLesson?.status()).toBe(404);
});
