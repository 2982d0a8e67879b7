import type { CaseStudyStatus, OpportunityStage } from "~db/schema";
import { formatFigure } from "~/lib/format";

/** Case studies: facts from the plan's value, and the small Markdown subset drafts are shown in. */

export const CASE_STUDY_LIMITS = { title: 200, body: 20_000, comment: 2_000, quote: 500 } as const;

/**
 * Whether a side may still comment on a version. Staff talk while drafting and during the review;
 * the customer only on the version in front of them. Once approved, the conversation is closed:
 * a later change needs a new version (and a new review) anyway.
 */
export function caseStudyCommentProblem(
  side: "staff" | "customer",
  stage: OpportunityStage,
  status: CaseStudyStatus,
): "closed" | null {
  if (status === "approved") return "closed";
  if (side === "customer") return stage === "customer_review" && status === "in_review" ? null : "closed";
  return stage === "in_production" || stage === "customer_review" ? null : "closed";
}

export interface VersionGroup<T> {
  version: number;
  comments: T[];
}

/** A thread as one group per version, newest version first; each group keeps the comments' order. */
export function groupByVersion<T extends { version: number }>(comments: readonly T[]): VersionGroup<T>[] {
  const groups = new Map<number, T[]>();
  for (const comment of comments) groups.set(comment.version, [...(groups.get(comment.version) ?? []), comment]);
  return [...groups.entries()].sort(([a], [b]) => b - a).map(([version, list]) => ({ version, comments: list }));
}

export interface FactSource {
  outcomes: {
    title: string;
    metrics: { name: string; unit: string; baseline: number; target: number; measurements: { value: number }[] }[];
  }[];
}

/**
 * The plan's results as sentences: each outcome that has a measured metric ("Outcome: Faster
 * month-end close"), then one sentence per measured metric, e.g. "Days to close month-end: from 9
 * to 4 days (target 4)". Metrics without a measurement have no result to tell yet and are left
 * out, and so are outcomes with none: a case study states what happened, not what was hoped for.
 */
export function planFacts(value: FactSource, locale: string): string[] {
  const facts: string[] = [];
  const figure = (n: number) => formatFigure(n, locale);
  for (const outcome of value.outcomes) {
    const measured = outcome.metrics.flatMap((metric) => {
      const latest = metric.measurements.at(-1);
      return latest
        ? [
            `${metric.name}: from ${figure(metric.baseline)} to ${figure(latest.value)} ${metric.unit} (target ${figure(metric.target)})`,
          ]
        : [];
    });
    if (measured.length > 0) facts.push(`Outcome: ${outcome.title}`, ...measured);
  }
  return facts;
}

/** The draft's body with the chosen facts appended as a "Results" list. */
export function withFacts(body: string, facts: readonly string[]): string {
  if (facts.length === 0) return body;
  const list = facts.map((fact) => `- ${fact}`).join("\n");
  return `${body.trimEnd()}\n\n## Results\n\n${list}\n`.trimStart();
}

export type Block =
  | { kind: "heading"; level: 2 | 3; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "paragraph"; text: string };

/**
 * Markdown as blocks — "## " / "### " headings, "- " lists, paragraphs — rendered as React text,
 * never as HTML, so whatever the author typed can't inject markup.
 */
export function markdownBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    if (list.length) blocks.push({ kind: "list", items: list });
    paragraph = [];
    list = [];
  };
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading[1]!.length >= 3 ? 3 : 2, text: heading[2]! });
    } else if (/^[-*]\s+/.test(line)) {
      if (paragraph.length) flush();
      list.push(line.replace(/^[-*]\s+/, ""));
    } else {
      if (list.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
