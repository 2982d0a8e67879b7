import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("a member answers the NPS survey with a 10, is asked for a review, and marketing sees the answer", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  test.slow();
  // A member of the test's own, never surveyed (the NPS page lists everyone's answers: a unique name).
  const name = `Daniel Cho ${Date.now().toString(36)}`;
  const { account, members } = await newAccount({ members: [{ name }] });
  const member = await signInAs(members[0]!);
  const survey = member.getByRole("region", { name: "A quick question" });
  await expect(
    survey.getByRole("group", { name: "How likely are you to recommend Lumen Analytics to a friend or colleague?" }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(member);

  await survey.getByRole("button", { name: "Send" }).click();
  await expect(survey.getByText("Choose a score from 0 to 10.")).toBeVisible();
  await survey.getByLabel("Score 10").check({ force: true });
  await survey
    .getByLabel("What's the main reason for your score? (optional)")
    .fill("Store reports take minutes now, not days.");
  await survey.getByRole("button", { name: "Send" }).click();
  await expect(member.getByText("Thank you — your answer helps us improve.")).toBeVisible();

  // A promoter's answer asks for a review; the survey doesn't come back.
  await member.reload();
  await expect(member.getByRole("region", { name: "A quick question" })).toHaveCount(0);
  const ask = member.getByRole("region", { name: "Thank you for your 10! Would you help others discover us?" });
  await expect(ask.getByRole("link", { name: "Where to write the review" })).toHaveAttribute("href", /^https:\/\//);
  await ask.getByRole("button", { name: "No, thanks" }).click();
  await expect(member.getByText("Understood — we won't ask for this again.")).toBeVisible();

  // Marketing reads the answer and the scores per account.
  const marketing = await signInAs(await newStaff("marketing"));
  await marketing.goto("/advocacy/nps");
  await expect(marketing.getByRole("heading", { name: "Overall NPS" })).toBeVisible();
  const answer = marketing.getByRole("row").filter({ hasText: name });
  await expect(answer.getByText("Store reports take minutes now, not days.")).toBeVisible();
  await expect(answer.getByText("Promoters")).toBeVisible();
  await expect(
    marketing.getByRole("table", { name: "By account" }).getByRole("row").filter({ hasText: account.name }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);
});

test("a detractor gets no asks, and the account's CSM turns the answer into a work item", async ({
  newAccount,
  signInAs,
}) => {
  const name = `Priya Raman ${Date.now().toString(36)}`;
  const { account, csm, members } = await newAccount({ members: [{ name }] });
  const member = await signInAs(members[0]!);
  const survey = member.getByRole("region", { name: "A quick question" });
  await survey.getByLabel("Score 3").check({ force: true });
  await survey.getByLabel("What's the main reason for your score? (optional)").fill("Exports keep failing.");
  await survey.getByRole("button", { name: "Send" }).click();
  await expect(member.getByText("Thank you — your answer helps us improve.")).toBeVisible();
  await member.reload();
  await expect(member.getByRole("heading", { name: "Asks waiting for you" })).toHaveCount(0);
  expect((await member.goto("/advocacy"))?.status()).toBe(404);
  await expect(member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Advocacy" })).toHaveCount(0);

  const owner = await signInAs(csm);
  await owner.goto("/advocacy/nps");
  const row = owner.getByRole("row").filter({ hasText: name });
  await expect(row.getByText("Detractors")).toBeVisible();
  await row.getByRole("button", { name: "Follow up" }).click();
  await expect(owner.getByText("A work item was added for the account’s CSM.")).toBeVisible();
  await expect(row.getByRole("link", { name: "Work item open" })).toBeVisible();

  await row.getByRole("link", { name: "Work item open" }).click();
  const item = owner
    .getByRole("row")
    .filter({ hasText: `${name} answered 3 to the NPS survey: “Exports keep failing.”` });
  await expect(item.getByRole("link", { name: account.name })).toBeVisible();
  await expect(item.getByText("NPS answer")).toBeVisible();
  await expect(item.getByText("High")).toBeVisible();
});
