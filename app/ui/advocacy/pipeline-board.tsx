import { Link, useFetcher } from "@remix-run/react";
import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AskType, ConsentScope, OpportunityStage } from "~db/schema";
import { formatNumber } from "~/lib/format";
import type { FormReply } from "~/lib/forms";
import { useFormMessage } from "~/ui/form";
import { Alert } from "~/ui/layout";

export interface BoardCard {
  id: string;
  stage: OpportunityStage;
  askType: AskType;
  accountName: string;
  advocateName: string | null;
  consentScope: ConsentScope | null;
  daysInStage: number;
  version: number;
  /** The stages staff may move it to (`nextStages`); empty for those who may not move it. */
  moves: OpportunityStage[];
}

type MoveAnswer = { ok: true; moved: OpportunityStage } | { form: FormReply };

/**
 * The pipeline as columns of stages. A card is dragged onto a column its moves allow (those light
 * up; the others refuse the drop), which posts the opportunity page's own "move" through a fetcher,
 * so the server's rules decide and a refusal is said above the board. Without a mouse, a card's
 * link opens the opportunity, whose "Move to" form offers the same moves. The columns scroll
 * sideways in a focusable region, with faded edges and a hint while more stages are out of view.
 */
export function PipelineBoard({
  stages,
  cards,
  byStage,
  locale,
}: {
  stages: readonly OpportunityStage[];
  cards: BoardCard[];
  byStage: Partial<Record<string, number>>;
  locale: string;
}) {
  const { t } = useTranslation("advocacy");
  const message = useFormMessage();
  const fetcher = useFetcher<MoveAnswer>();
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const [over, setOver] = useState<OpportunityStage | null>(null);
  const [lastMove, setLastMove] = useState<{ card: BoardCard; to: OpportunityStage } | null>(null);
  const busy = fetcher.state !== "idle";
  const hintId = useId();

  const scroller = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const update = () =>
      setEdges({
        left: element.scrollLeft > 1,
        right: element.scrollLeft + element.clientWidth < element.scrollWidth - 1,
      });
    update();
    element.addEventListener("scroll", update, { passive: true });
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(update);
    observer?.observe(element);
    return () => {
      element.removeEventListener("scroll", update);
      observer?.disconnect();
    };
  }, [stages.length]);

  // While a move is on its way, its card already stands in the column it was dropped on.
  const stageOf = (card: BoardCard) => (busy && lastMove?.card.id === card.id ? lastMove.to : card.stage);
  const countOf = (stage: OpportunityStage) => {
    const moving = busy && lastMove ? lastMove : null;
    return (byStage[stage] ?? 0) - (moving?.card.stage === stage ? 1 : 0) + (moving?.to === stage ? 1 : 0);
  };
  const allows = (stage: OpportunityStage) => dragging !== null && dragging.moves.includes(stage);

  function drop(event: DragEvent, stage: OpportunityStage) {
    event.preventDefault();
    const card = dragging;
    setDragging(null);
    setOver(null);
    if (!card || !card.moves.includes(stage) || busy) return;
    setLastMove({ card, to: stage });
    fetcher.submit(
      { intent: "move", to: stage, version: String(card.version), via: "board" },
      { method: "post", action: `/advocacy/opportunities/${card.id}` },
    );
  }

  const answer = busy ? undefined : fetcher.data;
  const stageName = (stage: OpportunityStage) => t(`stages.${stage}`);
  const refusal =
    answer && "form" in answer && lastMove
      ? message(answer.form.error?.[""] ?? Object.values(answer.form.error ?? {})[0] ?? undefined, {
          from: stageName(lastMove.card.stage),
          to: stageName(lastMove.to),
          type: t(`askTypes.${lastMove.card.askType}`),
          name: lastMove.card.advocateName ?? "",
          scope: lastMove.card.consentScope ? t(`scopes.${lastMove.card.consentScope}`) : "",
        })
      : undefined;
  const moved =
    answer && "ok" in answer && lastMove
      ? t("board.moved", { name: lastMove.card.accountName, stage: stageName(answer.moved) })
      : undefined;
  const overflowing = edges.left || edges.right;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <p id={hintId}>{t("board.hint")}</p>
        {overflowing ? (
          <p className="font-medium text-slate-700" data-testid="board-scroll-cue">
            {edges.right ? t("board.scrollMore") : t("board.scrollBack")}
          </p>
        ) : null}
      </div>
      {refusal ? <Alert tone="error">{refusal}</Alert> : null}
      {moved ? <Alert tone="success">{moved}</Alert> : null}
      <div className="relative">
        <div
          ref={scroller}
          role="region"
          aria-label={t("board.region")}
          aria-describedby={hintId}
          // A scrolling region must take focus to be scrolled by keyboard (axe: scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          className="flex gap-3 overflow-x-auto rounded-lg pb-3 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          {stages.map((stage) => {
            const inStage = cards.filter((card) => stageOf(card) === stage);
            const allowed = allows(stage);
            const refused = dragging !== null && !allowed && dragging.stage !== stage;
            return (
              <section
                key={stage}
                aria-label={stageName(stage)}
                data-stage={stage}
                data-drop={dragging ? (allowed ? "allowed" : "refused") : undefined}
                onDragOver={(event) => {
                  if (!allows(stage)) return; // no preventDefault: the browser refuses the drop
                  event.preventDefault();
                  event.dataTransfer.dropEffect = "move";
                  if (over !== stage) setOver(stage);
                }}
                onDragLeave={(event) => {
                  if (!event.currentTarget.contains(event.relatedTarget as Node | null) && over === stage)
                    setOver(null);
                }}
                onDrop={(event) => drop(event, stage)}
                className={`w-60 shrink-0 rounded-lg p-3 ring-1 transition-colors ${
                  allowed
                    ? over === stage
                      ? "bg-brand-100 ring-2 ring-brand-600"
                      : "bg-brand-50 ring-2 ring-brand-600/40"
                    : refused
                      ? "bg-slate-100 opacity-60 ring-slate-200"
                      : "bg-slate-50 ring-slate-200"
                }`}
              >
                <h2 className="mb-2 flex items-center justify-between text-sm font-semibold text-slate-900">
                  {stageName(stage)}{" "}
                  <span className="text-xs font-normal text-slate-600">{formatNumber(countOf(stage), locale)}</span>
                </h2>
                {allowed ? <p className="mb-2 text-xs font-medium text-brand-800">{t("board.dropHere")}</p> : null}
                {inStage.length === 0 ? (
                  <p className="text-xs text-slate-500">{t("pipeline.boardEmpty")}</p>
                ) : (
                  <ul className="space-y-2">
                    {inStage.map((card) => {
                      const movable = card.moves.length > 0 && !busy;
                      return (
                        <li
                          key={card.id}
                          draggable={movable}
                          data-opportunity={card.id}
                          onDragStart={(event) => {
                            event.dataTransfer.setData("text/plain", card.id);
                            event.dataTransfer.effectAllowed = "move";
                            setDragging(card);
                          }}
                          onDragEnd={() => {
                            setDragging(null);
                            setOver(null);
                          }}
                          className={`rounded-md bg-white p-2.5 text-sm shadow-sm ring-1 ring-slate-200 ${
                            movable ? "cursor-grab active:cursor-grabbing" : ""
                          } ${dragging?.id === card.id ? "opacity-50" : ""}`}
                        >
                          <Link
                            to={`/advocacy/opportunities/${card.id}`}
                            className="font-medium text-brand-700 hover:underline"
                            draggable={false}
                          >
                            {card.accountName}
                          </Link>
                          <div className="text-xs text-slate-600">
                            {t(`askTypes.${card.askType}`)} · {card.advocateName ?? ""}
                          </div>
                          <div className="text-xs text-slate-500">
                            {t("pipeline.days", { count: card.daysInStage })}
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
        {edges.left ? (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 left-0 w-10 rounded-l-lg bg-linear-to-r from-slate-50 to-transparent"
          />
        ) : null}
        {edges.right ? (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 right-0 w-10 rounded-r-lg bg-linear-to-l from-slate-50 to-transparent"
          />
        ) : null}
      </div>
    </div>
  );
}
