import { useFetcher } from "@remix-run/react";
import { type DragEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormMessage } from "~/ui/form";

/**
 * Reordering on the plan page: "Move up" / "Move down" buttons (plain forms, so they work before
 * the page's JavaScript has loaded and from the keyboard) and HTML5 drag and drop from a handle,
 * which posts the same intent with the index it was dropped at. Every move goes through one keyed
 * fetcher, so the page's live region announces whichever move answered last.
 */

const MOVE_FETCHER_KEY = "plan-move";

export type MoveKind = "task" | "milestone";
const INTENT: Record<MoveKind, string> = { task: "moveTask", milestone: "moveMilestone" };

/** What the plan page's action answers a move. */
export type MoveAnswer =
  | {
      moved: {
        kind: MoveKind;
        id: string;
        title: string;
        position: number;
        of: number;
        direction: "up" | "down" | null;
      };
    }
  | { moveError: string };

const useMoveFetcher = () => useFetcher<MoveAnswer>({ key: MOVE_FETCHER_KEY });

const arrowButton =
  "inline-flex h-7 w-7 items-center justify-center rounded text-slate-600 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 disabled:cursor-not-allowed disabled:opacity-40";

/** The two buttons of one task or milestone; after a move the same button keeps the focus. */
export function MoveButtons({
  kind,
  id,
  title,
  index,
  count,
  action,
}: {
  kind: MoveKind;
  id: string;
  title: string;
  /** Its place among what the viewer sees (0-based), and how many there are. */
  index: number;
  count: number;
  /** The plan page's URL (with `?plan=` for an older plan). */
  action: string;
}) {
  const { t } = useTranslation("plans");
  const fetcher = useMoveFetcher();
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const handled = useRef<unknown>(null);
  useEffect(() => {
    const data = fetcher.data;
    if (fetcher.state !== "idle" || !data || handled.current === data) return;
    handled.current = data;
    if (!("moved" in data) || data.moved.id !== id || !data.moved.direction) return;
    // The row moved in the DOM, which can drop the focus; put it back on the button that was pressed.
    const wanted = data.moved.direction === "up" ? up.current : down.current;
    const other = data.moved.direction === "up" ? down.current : up.current;
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [fetcher.state, fetcher.data, id]);
  const busy = fetcher.state !== "idle";
  const button = (direction: "up" | "down") => (
    <fetcher.Form method="post" action={action} className="inline">
      <input type="hidden" name="intent" value={INTENT[kind]} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="direction" value={direction} />
      <button
        ref={direction === "up" ? up : down}
        type="submit"
        className={arrowButton}
        disabled={direction === "up" ? index === 0 : index >= count - 1}
        aria-disabled={busy || undefined}
        aria-label={t(direction === "up" ? "reorder.moveUpFor" : "reorder.moveDownFor", { title })}
        title={t(direction === "up" ? "reorder.moveUp" : "reorder.moveDown")}
        onClick={(event) => {
          if (busy) event.preventDefault();
        }}
      >
        <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
      </button>
    </fetcher.Form>
  );
  return (
    <span className="inline-flex gap-1">
      {button("up")}
      {button("down")}
    </span>
  );
}

/** The list a drag belongs to: only drops in the same list (this milestone's tasks, this plan's milestones) accept it. */
const dragType = (kind: MoveKind, group: string) => `application/x-tandem-${kind}-${group}`.toLowerCase();

/** What is being dragged on this page (one drag at a time), so a drop target needn't read the drag's data. */
let dragging: { type: string; id: string } | null = null;

/**
 * Drag and drop within one list: the handle starts a drag of its row, and each row of the list is
 * a drop target that posts `toIndex` (its own index) through the move fetcher. The buttons remain
 * the way to do the same from the keyboard or a screen reader, so the handle itself is hidden from them.
 */
export function useDragReorder(kind: MoveKind, group: string, action: string) {
  const fetcher = useMoveFetcher();
  const [over, setOver] = useState<string | null>(null);
  const type = dragType(kind, group);
  const accepts = () => dragging?.type === type;

  return {
    over,
    handle: (id: string, row: () => HTMLElement | null) => ({
      draggable: true,
      onDragStart: (event: DragEvent) => {
        dragging = { type, id };
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData(type, id);
        event.dataTransfer.setData("text/plain", id);
        const element = row();
        if (element) event.dataTransfer.setDragImage(element, 16, 16);
      },
      onDragEnd: () => {
        dragging = null;
        setOver(null);
      },
    }),
    target: (id: string, index: number) => ({
      onDragOver: (event: DragEvent) => {
        if (!accepts()) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        if (over !== id) setOver(id);
      },
      onDragLeave: () => setOver((current) => (current === id ? null : current)),
      onDrop: (event: DragEvent) => {
        if (!accepts()) return;
        event.preventDefault();
        setOver(null);
        const moved = dragging?.id;
        dragging = null;
        if (!moved || moved === id) return;
        fetcher.submit({ intent: INTENT[kind], id: moved, toIndex: String(index) }, { method: "post", action });
      },
    }),
  };
}

/** The grip a row is dragged by (pointer only: the move buttons are its keyboard twin). */
export function DragHandle(props: ReturnType<ReturnType<typeof useDragReorder>["handle"]>) {
  const { t } = useTranslation("plans");
  return (
    <span
      {...props}
      aria-hidden="true"
      title={t("reorder.drag")}
      className="hidden cursor-grab select-none rounded px-1 text-lg leading-none text-slate-400 hover:text-slate-700 active:cursor-grabbing md:inline"
    >
      ⠿
    </span>
  );
}

/** Announces the last move (or why it was refused) to screen readers; a refusal is shown as well. */
export function MoveAnnouncer({ fallback }: { fallback?: MoveAnswer | null }) {
  const { t } = useTranslation("plans");
  const message = useFormMessage();
  const fetcher = useMoveFetcher();
  const answer = fetcher.data ?? fallback ?? null;
  const text =
    answer && "moved" in answer
      ? t(answer.moved.kind === "task" ? "reorder.movedTask" : "reorder.movedMilestone", {
          title: answer.moved.title,
          position: answer.moved.position,
          count: answer.moved.of,
        })
      : answer && "moveError" in answer
        ? message([answer.moveError])
        : "";
  const refused = Boolean(answer && "moveError" in answer);
  return (
    <p aria-live="polite" role="status" className={refused ? "text-sm text-red-700" : "sr-only"}>
      {text}
    </p>
  );
}
