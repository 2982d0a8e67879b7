import { createCommunitySpace, actorOf } from "../../../db/seed/factories";
import { db } from "../../../db/client.server";
import { createTopic } from "../../../app/domain/community/posting.server";
import { playbookReminderMail } from "../../../app/domain/mail/messages.server";
import { queueMail } from "../../../app/domain/mail/outbox.server";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { expect, test } from "../support/fixtures";

test("a member takes community email off (in the app only), then unsubscribes from reminders in one click", async ({
  browser,
  baseURL,
  newAccount,
  newStaff,
  signInAs,
}) => {
  const { members, champion } = await newAccount({ members: [{ name: "Nora Quist" }] });
  const nora = members[0]!;
  const space = await createCommunitySpace();
  const title = `Exports to PDF ${Date.now().toString(36)}`;
  const topic = await createTopic(actorOf(nora), {
    spaceId: space.id,
    kind: "question",
    title,
    body: "Can the dispatch dashboard go out as a PDF each Friday?",
    tags: [],
  });
  if (!topic.ok) throw new Error(topic.error);

  // Nora turns community email off.
  const page = await signInAs(nora);
  await page.goto("/settings/notifications");
  await expect(page.getByRole("combobox", { name: "Day" })).toHaveValue("1");
  await expect(page.getByRole("combobox", { name: "Community" })).toHaveValue("app_email");
  await page.getByRole("combobox", { name: "Community" }).selectOption({ label: "In the app" });
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByText("Notification settings saved.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Community" })).toHaveValue("app");

  // The champion answers her topic: she hears of it under the bell, and no email to her is written.
  const answerer = await signInAs(champion);
  await answerer.goto(`/community/topics/${topic.id}`);
  await answerer.getByRole("textbox", { name: "Reply", exact: true }).fill("Yes: a scheduled export with PDF.");
  await answerer.getByRole("button", { name: "Post reply" }).click();
  await expect(answerer.getByText("Reply posted.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: /^Notifications: 1 unread notifications?$/ })).toBeVisible();
  const admin = await signInAs(await newStaff("admin"));
  await admin.goto("/outbox");
  await expect(admin.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expect(admin.getByRole("listitem").filter({ hasText: nora.email })).toHaveCount(0);

  // A reminder is emailed to her; its one-click link, opened without a session, asks first.
  await db.transaction((tx) =>
    queueMail(
      tx,
      playbookReminderMail(nora.email, "en", {
        name: nora.name,
        reason: "Send the export",
        account: "Acme",
        link: `${baseURL}/my-tasks`,
        recipientId: nora.id,
      }),
    ),
  );
  await admin.reload();
  const mail = admin.getByRole("listitem").filter({ hasText: nora.email });
  await expect(mail.getByText("Reminder: Send the export")).toBeVisible();
  const href = await mail.getByRole("link", { name: /\/unsubscribe\?token=/ }).getAttribute("href");
  const unsubscribe = new URL(href!).pathname + new URL(href!).search;
  const mailClient = await (await browser.newContext({ baseURL })).newPage();
  await mailClient.goto(unsubscribe);
  await expect(mailClient.getByRole("heading", { name: "Stop reminders emails?" })).toBeVisible();
  await expectNoSeriousA11yViolations(mailClient);
  await mailClient.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(mailClient.getByRole("heading", { name: "You're unsubscribed" })).toBeVisible();

  // A changed token changes nothing, even as a one-click POST from a mail client (no Origin).
  const tampered = await mailClient.request.post(`${unsubscribe.slice(0, -4)}AAAA`, {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(tampered.status()).toBe(400);

  await page.reload();
  await expect(page.getByRole("combobox", { name: "Due and overdue tasks" })).toHaveValue("app");
  await expect(page.getByRole("combobox", { name: "Community" })).toHaveValue("app");
  await expect(page.getByRole("checkbox", { name: "Weekly digest" })).toBeChecked();
  await mailClient.context().close();
});
