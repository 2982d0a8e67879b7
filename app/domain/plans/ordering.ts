import { z } from "zod";

/**
 * Reordering a plan's milestones and a milestone's tasks, the pure half: where an item lands, and
 * the whole list's order after the move. Positions are then renumbered 0…n-1, so a list never has
 * gaps or ties after anyone has moved something in it.
 */

/** Where to: one step up or down (the buttons), or an index among the items the viewer sees (drag and drop). */
export const MoveTargetSchema = z.union([
  z.object({ direction: z.enum(["up", "down"]) }),
  z.object({ toIndex: z.number().int().min(0).max(10_000) }),
]);
export type MoveTarget = z.infer<typeof MoveTargetSchema>;

/** The index a move lands on among `count` visible items, from `from` (clamped to the list). */
export function targetIndex(from: number, target: MoveTarget, count: number): number {
  const to = "direction" in target ? from + (target.direction === "up" ? -1 : 1) : target.toIndex;
  return Math.min(Math.max(to, 0), count - 1);
}

/**
 * The order of `all` after moving `moved` to index `to` among the ones `isVisible` (what the
 * viewer sees: a customer doesn't see internal tasks). The hidden ones keep their places next to
 * the visible ones they followed, so a move never reorders what the mover can't see.
 */
export function reorder(
  all: readonly string[],
  moved: string,
  to: number,
  isVisible: (id: string) => boolean,
): string[] {
  const visible = all.filter(isVisible);
  const from = visible.indexOf(moved);
  if (from === -1 || from === to) return [...all];
  const rest = all.filter((id) => id !== moved);
  const visibleRest = visible.filter((id) => id !== moved);
  if (to < visibleRest.length) {
    const before = rest.indexOf(visibleRest[to]!);
    return [...rest.slice(0, before), moved, ...rest.slice(before)];
  }
  const after = rest.indexOf(visibleRest[visibleRest.length - 1]!) + 1;
  return [...rest.slice(0, after), moved, ...rest.slice(after)];
}
