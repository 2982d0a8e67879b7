import type { AccountRole } from "~db/schema";

/** How long an invitation link works; pages and the invitation email say this number. */
export const INVITATION_LIFETIME_DAYS = 7;

/** Seats in use: active people plus pending invitations (an invitation holds a seat until it lapses). */
export function seatsLeft(licensedSeats: number, activePeople: number, pendingInvitations: number): number {
  return Math.max(0, licensedSeats - activePeople - pendingInvitations);
}

export interface MemberForRule {
  id: string;
  accountRole: AccountRole;
  active: boolean;
}

/** An account must keep at least one active champion: someone on the customer side who can manage it. */
export function leavesNoChampion(
  members: MemberForRule[],
  change: { userId: string; newRole?: AccountRole; deactivate?: boolean },
): boolean {
  const championsAfter = members.filter((member) => {
    if (!member.active) return false;
    if (member.id !== change.userId) return member.accountRole === "champion";
    if (change.deactivate) return false;
    return (change.newRole ?? member.accountRole) === "champion";
  });
  const championsBefore = members.filter((member) => member.active && member.accountRole === "champion");
  return championsBefore.length > 0 && championsAfter.length === 0;
}

export const MAX_USE_CASES = 10;
export const MAX_USE_CASE_LENGTH = 60;

/**
 * An account's use cases as staff type them ("Financial reporting, embedded dashboards"): split on
 * commas and new lines, spaces tidied, blanks dropped, and duplicates that differ only in case kept
 * once (the first spelling wins) — so a stray comma or a repeat never becomes an error.
 */
export function normalizeUseCases(raw: string | readonly string[]): string[] {
  const parts = typeof raw === "string" ? raw.split(/[,\n]/) : raw.flatMap((item) => item.split(/[,\n]/));
  const seen = new Set<string>();
  const useCases: string[] = [];
  for (const part of parts) {
    const useCase = part.replace(/\s+/g, " ").trim();
    const key = useCase.toLowerCase();
    if (useCase === "" || seen.has(key)) continue;
    seen.add(key);
    useCases.push(useCase);
  }
  return useCases;
}

/**
 * The spellings other accounts already use, adopted for the same use case typed differently
 * ("financial Reporting" → "Financial reporting"), so the directory offers each use case once.
 */
export function adoptSpellings(useCases: readonly string[], spellingsInUse: readonly string[]): string[] {
  const known = new Map<string, string>();
  for (const spelling of spellingsInUse)
    if (!known.has(spelling.toLowerCase())) known.set(spelling.toLowerCase(), spelling);
  return useCases.map((useCase) => known.get(useCase.toLowerCase()) ?? useCase);
}

/** Whether two lists of use cases say the same, in the same order. */
export function sameUseCases(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((useCase, i) => useCase === b[i]);
}
