import { serverT } from "~/i18n";
import { formatDate, formatPercent } from "~/lib/format";
import type { DigestContent } from "./digest";
import type { Mail } from "./outbox.server";

/**
 * The text of each email the portal sends, translated into the recipient's locale. A link's
 * lifetime is passed in by the area that sets its expiry, so the email can't say another number.
 *
 * Each email names its kind (MAIL_KINDS): sign-in links, password resets and invitations are
 * `security` and go whatever the person's preferences say; a case-study comment is `conversation`
 * (an answer in a thread the person is part of); playbook reminders, champion updates, community
 * notifications and the digest follow the recipient's preferences and quiet hours.
 */
export function magicLinkMail(to: string, link: string, locale: string, minutes: number): Mail {
  const t = serverT(locale);
  return {
    to,
    locale,
    kind: "security",
    subject: t("mail:magicLink.subject"),
    text: t("mail:magicLink.body", { link, minutes }),
  };
}

export function passwordResetMail(to: string, link: string, locale: string, minutes: number): Mail {
  const t = serverT(locale);
  return {
    to,
    locale,
    kind: "security",
    subject: t("mail:passwordReset.subject"),
    text: t("mail:passwordReset.body", { link, minutes }),
  };
}

export function invitationMail(
  to: string,
  link: string,
  locale: string,
  context: { inviterName: string; accountName: string | null; days: number },
): Mail {
  const t = serverT(locale);
  const where = context.accountName ?? t("mail:invitation.vendorTeam");
  return {
    to,
    locale,
    kind: "security",
    subject: t("mail:invitation.subject", { where }),
    text: t("mail:invitation.body", { link, inviter: context.inviterName, where, days: context.days }),
  };
}

export function communityNotificationMail(
  to: string,
  locale: string,
  context: {
    type: "reply" | "accepted" | "mention";
    who: string;
    title: string;
    link: string;
    /** The community profile, where each kind of notification email is turned off. */
    preferencesUrl: string;
    recipientId: string;
  },
): Mail {
  const t = serverT(locale);
  const values = { who: context.who, title: context.title, link: context.link };
  return {
    to,
    locale,
    unsubscribeUrl: context.preferencesUrl,
    kind: "community",
    recipientId: context.recipientId,
    subject: t(`mail:community.${context.type}.subject`, values),
    text: t(`mail:community.${context.type}.body`, values),
  };
}

export function caseStudyCommentMail(
  to: string,
  locale: string,
  context: { who: string; title: string; version: number; body: string; link: string },
): Mail {
  const t = serverT(locale);
  // A long comment is cut: the email points to the thread, it doesn't replace it.
  const excerpt = context.body.length > 600 ? `${context.body.slice(0, 600)}…` : context.body;
  const values = { who: context.who, title: context.title, version: context.version, excerpt, link: context.link };
  return {
    to,
    locale,
    kind: "conversation",
    subject: t("mail:caseStudyComment.subject", values),
    text: t("mail:caseStudyComment.body", values),
  };
}

/** A playbook's reminder to a task's assignee (or the account's CSM when the reason is the account's). */
export function playbookReminderMail(
  to: string,
  locale: string,
  context: { name: string; reason: string; account: string; link: string; recipientId: string },
): Mail {
  const t = serverT(locale);
  return {
    to,
    locale,
    kind: "reminders",
    recipientId: context.recipientId,
    subject: t("mail:playbook.reminder.subject", { reason: context.reason }),
    text: t("mail:playbook.reminder.body", context),
  };
}

/** A playbook telling the account's champion that something of their plan needs them. */
export function playbookChampionMail(
  to: string,
  locale: string,
  context: { name: string; reason: string; account: string; link: string; recipientId: string },
): Mail {
  const t = serverT(locale);
  return {
    to,
    locale,
    kind: "champion",
    recipientId: context.recipientId,
    subject: t("mail:playbook.champion.subject", { account: context.account }),
    text: t("mail:playbook.champion.body", context),
  };
}

/**
 * The weekly digest: each section only when it has something in it (the job sends nothing when no
 * section would, see hasSomethingToSay). Dates and the percentage through Intl, in the person's locale.
 */
export function weeklyDigestMail(
  to: string,
  locale: string,
  context: { recipientId: string; origin: string; content: DigestContent },
): Mail {
  const t = serverT(locale);
  const { content, origin } = context;
  const due = (date: string | null) => (date ? t("mail:digest.due", { date: formatDate(date, locale) }) : "");
  const line = (title: string, date: string | null) => `- ${title}${date ? ` (${due(date)})` : ""}`;
  const sections: string[] = [t("mail:digest.greeting", { name: content.name, account: content.accountName })];
  if (content.openTasks > 0) {
    const parts: string[] = [t("mail:digest.tasks.heading", { count: content.openTasks })];
    if (content.overdue.length > 0)
      parts.push(t("mail:digest.tasks.overdue"), ...content.overdue.map((task) => line(task.title, task.dueDate)));
    if (content.dueThisWeek.length > 0)
      parts.push(t("mail:digest.tasks.week"), ...content.dueThisWeek.map((task) => line(task.title, task.dueDate)));
    if (content.overdue.length + content.dueThisWeek.length === 0) parts.push(t("mail:digest.tasks.nothingDue"));
    parts.push(`${origin}/my-tasks`);
    sections.push(parts.join("\n"));
  }
  if (content.plan) {
    const next = content.plan.nextMilestone;
    sections.push(
      [
        t("mail:digest.plan.progress", {
          plan: content.plan.name,
          percent: formatPercent(content.plan.progress, locale),
        }),
        next
          ? t("mail:digest.plan.next", { title: next.title, date: formatDate(next.targetDate, locale) })
          : t("mail:digest.plan.allAchieved"),
        `${origin}/accounts/${content.accountId}/plan`,
      ].join("\n"),
    );
  }
  if (content.training.length > 0) {
    sections.push(
      [
        t("mail:digest.training.heading"),
        ...content.training.flatMap((course) => [line(course.title, course.dueDate), `  ${origin}${course.path}`]),
      ].join("\n"),
    );
  }
  if (content.asks.length > 0) {
    sections.push(
      [
        t("mail:digest.asks.heading", { count: content.asks.length }),
        ...content.asks.map((ask) => `- ${t(`advocacy:askTypes.${ask.askType as "review"}`)}`),
        `${origin}/accounts/${content.accountId}`,
      ].join("\n"),
    );
  }
  if (content.lines.length > 0) {
    sections.push(
      [
        t("mail:digest.lines.heading"),
        ...content.lines.flatMap((entry) => [
          `- ${
            entry.kind === "playbook"
              ? (entry.params.reason ?? "")
              : t(`community:notifications.kind.${entry.kind}`, { who: "", title: "", ...entry.params })
          }`,
          `  ${origin}${entry.href}`,
        ]),
      ].join("\n"),
    );
  }
  return {
    to,
    locale,
    kind: "digest",
    recipientId: context.recipientId,
    subject: t("mail:digest.subject", { account: content.accountName }),
    text: `${sections.join("\n\n")}\n`,
  };
}

/** The email twin of a bell item (a task given to you, a comment, a sign-off, an ask, a case study). */
export function inboxItemMail(
  to: string,
  locale: string,
  context: {
    kind: "task_assigned" | "task_comment" | "signoff_waiting" | "ask_waiting" | "case_study_review";
    params: Record<string, string>;
    name: string;
    link: string;
    recipientId: string;
  },
): Mail {
  const t = serverT(locale);
  const text = t(`community:notifications.kind.${context.kind}`, { who: "", title: "", ...context.params });
  return {
    to,
    locale,
    kind: context.kind,
    recipientId: context.recipientId,
    subject: text,
    text: t("mail:inbox.body", { name: context.name, text, link: context.link }),
  };
}
