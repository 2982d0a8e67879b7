/**
 * The weekly digest's content for one person, gathered from the areas that own it (plans, training,
 * advocacy) and worded by `weeklyDigestMail`. Pure: what counts as something to say lives here.
 */
interface DigestTaskLine {
  title: string;
  dueDate: string | null;
}

export interface DigestContent {
  name: string;
  accountId: string;
  accountName: string;
  /** The person's open tasks in their current plan; the lists below show the most pressing. */
  openTasks: number;
  overdue: DigestTaskLine[];
  dueThisWeek: DigestTaskLine[];
  plan: { name: string; progress: number; nextMilestone: { title: string; targetDate: string } | null } | null;
  training: { title: string; path: string; dueDate: string | null }[];
  asks: { askType: string }[];
  /** Notices the person chose to hear of here, and what a playbook told the champion (digest-lines.server.ts). */
  lines: {
    id: string;
    kind: "task_comment" | "signoff_waiting" | "case_study_review" | "playbook";
    params: Record<string, string>;
    href: string;
  }[];
}

/**
 * Whether the digest has anything for the person to do: a task of theirs, training waiting for
 * them, an ask, a line kept for it. The plan's progress alone is context, not news — a week with nothing of theirs in
 * it sends nothing.
 */
export function hasSomethingToSay(content: DigestContent): boolean {
  return content.openTasks > 0 || content.training.length > 0 || content.asks.length > 0 || content.lines.length > 0;
}

/** The ISO weekday (1 = Monday … 7 = Sunday) names of a locale, for the settings page's choice. */
export const DIGEST_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const DEFAULT_DIGEST = { day: 1, hour: 8 } as const;

export function weekdayName(isoDay: number, locale: string): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, 0, isoDay)),
  );
}
