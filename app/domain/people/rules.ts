import type { AccountRole } from "~db/schema";

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
