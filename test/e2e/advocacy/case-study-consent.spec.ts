import { finishMilestoneTasks, findInPlan } from "../../../db/seed/factories";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

const KICKOFF = "Kickoff with the executive sponsor";
const MARKDOWNS = "Markdown and replenishment decisions made within two days";
const METRIC = "Days to decide a markdown";

/** A date `days` from today, as the date field takes it. */
function isoDate(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a milestone achieved together becomes a consented case study, discussed and approved in review, published, and unpublished when the champion withdraws consent", async ({
  newAccount,
  newStaff,
  signInAs,
}) => {
  test.slow(); // a whole story across the CSM, the champion and marketing
  // Its own account and plan, so no other spec's sign-offs or asks get in the way. The plan starts
  // today (measurements can't predate it).
  const company = `Beacon Outfitters ${Date.now().toString(36)}`;
  const account = await newAccount({
    name: company,
    champion: { name: "Bea Sommer" },
    details: { industry: "Outdoor retail", timeZone: "Europe/Berlin" },
    plan: { template: "Enterprise rollout", startDate: isoDate(0), name: "Beacon rollout" },
  });
  const marketingPerson = await newStaff("marketing");
  const csm = await signInAs(account.csm);
  const champion = await signInAs(account.champion);

  // The kickoff's work is done (a milestone signed off with open tasks leads to no ask); the CSM
  // marks it achieved.
  await finishMilestoneTasks(await findInPlan(account.plan!, "milestone", KICKOFF));
  await csm.goto(`${account.url}/plan`);
  await expect(csm.getByRole("heading", { name: "Beacon rollout", level: 1 })).toBeVisible();
  await csm.getByRole("region", { name: KICKOFF }).getByRole("button", { name: "Mark achieved" }).click();
  await expect(
    csm.getByRole("region", { name: KICKOFF }).getByText(new RegExp(`Signed off by ${account.csm.name}`)),
  ).toBeVisible();

  // The champion confirms it, and finds the ask on the home page, tied to the achievement.
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).click();
  await champion.getByRole("region", { name: KICKOFF }).getByRole("button", { name: "Confirm achieved" }).click();
  await expect(champion.getByRole("region", { name: KICKOFF }).getByText("Achieved", { exact: true })).toBeVisible();
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  const ask = champion.getByRole("region", {
    name: new RegExp(`^You reached “${KICKOFF}”.* — would you share how\\?$`),
  });
  await expect(ask).toBeVisible();
  await expect(ask.getByText("Case study", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(champion);

  // Accepting without saying what or where is refused next to the fields.
  await ask.getByText("Yes, I'm happy to").click();
  await ask.getByRole("button", { name: "Give consent and accept" }).click();
  await expect(ask.getByText("Choose at least one thing we may use.")).toBeVisible();
  await expect(ask.getByText("Choose where it may be used.")).toBeVisible();
  await ask.getByLabel("My name").check();
  await ask.getByLabel("Company logo").check();
  await ask.getByLabel("Our results and metrics").check();
  await ask.getByLabel("Public (website, social, events)").check();
  await ask.getByRole("button", { name: "Give consent and accept" }).click();
  await expect(champion.getByText("Thank you! We'll be in touch about next steps.")).toBeVisible();

  // The champion measures a result on the plan's value page, for the case study to quote.
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Value" }).click();
  const outcome = champion.getByRole("region", { name: MARKDOWNS });
  await outcome.getByText(`Add a metric to ${MARKDOWNS}`).click();
  const add = outcome.getByRole("form", { name: `Add a metric to ${MARKDOWNS}` });
  await add.getByLabel("Metric", { exact: true }).fill(METRIC);
  await add.getByLabel("Unit", { exact: true }).fill("days");
  await add.getByLabel("Which way is better?").selectOption({ label: "Lower is better" });
  await add.getByLabel("Baseline (where you started)").fill("6");
  await add.getByLabel("Target", { exact: true }).fill("2");
  await add.getByRole("button", { name: "Add metric" }).click();
  const metric = champion.getByRole("article", { name: METRIC });
  await metric.getByLabel("Value (days)").fill("3");
  await metric.getByRole("button", { name: "Record" }).click();
  await expect(metric.getByText("Measurement recorded.")).toBeVisible();

  // Marketing finds it among the accepted and moves it into production.
  const marketing = await signInAs(marketingPerson);
  await marketing.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Advocacy" }).click();
  await marketing.getByLabel("Stage").selectOption({ label: "Accepted" });
  await marketing.getByRole("button", { name: "Apply filters" }).click();
  await expect(marketing).toHaveURL(/stage=accepted/);
  await expectNoSeriousA11yViolations(marketing);
  await marketing.getByRole("link", { name: `Open ${company} · Case study` }).click();
  await expect(marketing.getByRole("heading", { name: `Case study · ${company}` })).toBeVisible();
  await expect(marketing.getByText("Where: Public (website, social, events)")).toBeVisible();
  await expect(marketing.getByText("May use: name, logo, and metrics")).toBeVisible();
  await marketing.getByLabel("Move to").selectOption({ label: "In production" });
  await marketing.getByRole("button", { name: "Move", exact: true }).click();
  await expect(marketing.getByText("Moved to In production.")).toBeVisible();
  await expect(
    marketing.getByRole("region", { name: "Stage history" }).getByText("Accepted → In production"),
  ).toBeVisible();

  // Marketing writes the draft and sends it to the champion.
  const caseStudy = marketing.getByRole("region", { name: "Case study", exact: true });
  await caseStudy.getByLabel("Title").fill("Beacon kicks off with its sponsor ahead of plan");
  await caseStudy
    .getByLabel("Story (Markdown)")
    .fill("## The challenge\n\nSeasonal stock decisions ran on spreadsheets.");
  // The draft pulls the measured result from the plan as a fact.
  await caseStudy.getByLabel(`Outcome: ${MARKDOWNS}`).check();
  await caseStudy.getByLabel(`${METRIC}: from 6 to 3 days (target 2)`).check();
  await caseStudy.getByRole("button", { name: "Save as a new version" }).click();
  await expect(marketing.getByText("Version 1 was saved.")).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);
  await caseStudy.getByRole("button", { name: "Send to Bea Sommer for review" }).click();
  await expect(marketing.getByText("Sent to the customer for review.")).toBeVisible();

  // The champion quotes a sentence of the draft in a comment, and asks for a change…
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  const review = champion.getByRole("region", {
    name: "Please review “Beacon kicks off with its sponsor ahead of plan”",
  });
  await expect(review.getByRole("heading", { name: "The challenge" })).toBeVisible();
  await expect(review.getByRole("heading", { name: "Results" })).toBeVisible();
  await expect(review.getByText(`${METRIC}: from 6 to 3 days (target 2)`)).toBeVisible();
  const championThread = review.getByRole("region", { name: "Comments", exact: true });
  await expect(championThread.getByText("No comments yet.")).toBeVisible();
  await championThread.getByRole("button", { name: "Post comment" }).click();
  await expect(championThread.getByText("This field is required.")).toBeVisible();
  await review.getByText("Seasonal stock decisions ran on spreadsheets.").selectText();
  await championThread.getByRole("button", { name: "Quote selection" }).click();
  await expect(championThread.getByLabel("Quoted passage (optional)")).toHaveValue(
    "Seasonal stock decisions ran on spreadsheets.",
  );
  await championThread
    .getByLabel("Your comment", { exact: true })
    .fill("We call it “seasonal range planning”.\nStock is the warehouse's word.");
  await championThread.getByRole("button", { name: "Post comment" }).click();
  const championComment = championThread
    .getByRole("listitem")
    .filter({ hasText: "We call it “seasonal range planning”." });
  await expect(championComment.getByText("Seasonal stock decisions ran on spreadsheets.")).toBeVisible();
  await expect(championThread.getByRole("region", { name: "On version 1" })).toBeVisible();
  await expect(championThread.getByLabel("Your comment", { exact: true })).toHaveValue("");
  await expectNoSeriousA11yViolations(champion);
  await review.getByRole("button", { name: "Request changes" }).click();
  await expect(review.getByText("Say what should change.")).toBeVisible();
  await review
    .getByLabel("Message with your decision")
    .fill("Please say “seasonal range planning”, not stock decisions.");
  await review.getByRole("button", { name: "Request changes" }).click();
  await expect(champion.getByText("Thanks — we'll change it and send you a new version.")).toBeVisible();

  // …marketing sees the comment with its quote, makes the change as version 2, resolves the comment and sends it.
  await marketing.reload();
  await expect(
    caseStudy.getByText("Customer's comment: “Please say “seasonal range planning”, not stock decisions.”"),
  ).toBeVisible();
  const staffThread = caseStudy.getByRole("region", { name: "Comments", exact: true });
  const seenByMarketing = staffThread
    .getByRole("listitem")
    .filter({ hasText: "We call it “seasonal range planning”." });
  await expect(seenByMarketing.getByText("Bea Sommer", { exact: true })).toBeVisible();
  await expect(seenByMarketing.getByText("Seasonal stock decisions ran on spreadsheets.")).toBeVisible();
  await caseStudy
    .getByLabel("Story (Markdown)")
    .fill("## The challenge\n\nSeasonal range planning ran on spreadsheets.");
  await caseStudy.getByRole("button", { name: "Save as a new version" }).click();
  await expect(marketing.getByText("Version 2 was saved.")).toBeVisible();
  await seenByMarketing.getByRole("button", { name: "Resolve comment by Bea Sommer" }).click();
  await expect(staffThread.getByText(`Bea Sommer's comment, resolved by ${marketingPerson.name}`)).toBeVisible();
  await staffThread
    .getByLabel("Your comment", { exact: true })
    .fill("Changed to “seasonal range planning” throughout.");
  await staffThread.getByRole("button", { name: "Post comment" }).click();
  await expect(
    staffThread
      .getByRole("region", { name: "On version 2" })
      .getByText("Changed to “seasonal range planning” throughout."),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);
  await caseStudy.getByRole("button", { name: "Send to Bea Sommer for review" }).click();
  await expect(marketing.getByText("Sent to the customer for review.")).toBeVisible();

  // The champion sees marketing's answer on version 2 and the settled comment folded away, and approves.
  await champion.reload();
  await expect(review.getByText("Seasonal range planning ran on spreadsheets.")).toBeVisible();
  await expect(
    championThread
      .getByRole("region", { name: "On version 2" })
      .getByText("Changed to “seasonal range planning” throughout."),
  ).toBeVisible();
  await expect(championThread.getByText(`Bea Sommer's comment, resolved by ${marketingPerson.name}`)).toBeVisible();
  await review.getByRole("button", { name: "Approve" }).click();
  await expect(champion.getByText("Thank you — you approved the case study.")).toBeVisible();

  // Marketing publishes it: it's in the asset library with its consent scope.
  await marketing.reload();
  await marketing.getByLabel("Move to").selectOption({ label: "Published" });
  await marketing.getByRole("button", { name: "Move", exact: true }).click();
  await expect(marketing.getByText("Moved to Published.")).toBeVisible();
  const opportunityUrl = marketing.url();
  await marketing.getByRole("navigation", { name: "Advocacy sections" }).getByRole("link", { name: "Assets" }).click();
  const asset = marketing.getByRole("row").filter({ hasText: "Beacon kicks off with its sponsor ahead of plan" });
  await expect(asset.getByText("Public (website, social, events)")).toBeVisible();
  await expect(asset.getByText("name, logo, metrics")).toBeVisible();

  // The champion withdraws consent in Settings: the asset is unpublished at once.
  await champion.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const consents = champion.getByRole("region", { name: "Consent to use my story" });
  await expect(consents.getByText("Where: Public (website, social, events)")).toBeVisible();
  await consents.getByRole("button", { name: "Withdraw consent for Case study" }).click();
  await consents.getByRole("button", { name: "Yes, withdraw" }).click();
  await expect(champion.getByText("Your consent was withdrawn.")).toBeVisible();
  await expect(consents.getByText(/^Withdrawn /)).toBeVisible();

  await marketing.reload();
  await expect(
    marketing.getByRole("row").filter({ hasText: "Beacon kicks off with its sponsor ahead of plan" }),
  ).toHaveCount(0);
  await marketing.goto(opportunityUrl);
  await expect(
    marketing.getByRole("region", { name: "Stage history" }).getByText("Published → Withdrawn"),
  ).toBeVisible();
  await expect(marketing.getByText("No further moves from this stage.")).toBeVisible();
});
