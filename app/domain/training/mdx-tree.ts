import { createProcessor } from "@mdx-js/mdx";
import type { Link, List, ListItem, Nodes, Parent, Root, RootContent } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";

/**
 * Reading and rewriting a lesson's MDX tree (mdast). The same walk finds a quiz's answers for the
 * validator, for the server-side answer key and for the compile-time plugin that strips the key,
 * so the answer numbers the browser sees always match the key the server grades with.
 */
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

interface QuizAnswerKey {
  index: number;
  /** The author's optional `id`; without one, an answer is known by its number (index). */
  id?: string;
  text: string;
  correct: boolean;
  explanation: string;
}
export interface QuizKey {
  id: string;
  question: string;
  multiple: boolean;
  answers: QuizAnswerKey[];
  line: number | undefined;
}
export interface LessonTreeFacts {
  quizzes: QuizKey[];
  practiceItems: string[];
  /** Links to another lesson of the course (`./slug`), with the line they are on. */
  lessonLinks: { slug: string; line: number | undefined }[];
  videos: { src: string | null; embed: string | null; line: number | undefined }[];
  callouts: { type: string | null; line: number | undefined }[];
  /** Capitalized JSX elements that are not author components (they would fail at render). */
  unknownComponents: { name: string; line: number | undefined }[];
}

const KNOWN = new Set(["Callout", "Steps", "Video", "Quiz", "Answer", "Practice", "PracticeItem"]);

/** Parses MDX (with GFM: task lists, tables). Throws a VFileMessage with line and column on malformed MDX. */
export function parseMdx(body: string): Root {
  return createProcessor({ format: "mdx", remarkPlugins: [remarkGfm] }).parse(body) as Root;
}

function isJsx(node: Nodes): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

function attribute(node: JsxElement, name: string): MdxJsxAttribute | undefined {
  return node.attributes.find((a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === name);
}

/** A string attribute's value; an expression like {"x"} counts when it is a plain literal. */
function stringAttribute(node: JsxElement, name: string): string | null {
  const value = attribute(node, name)?.value;
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const literal = /^\s*(["'`])(.*)\1\s*$/s.exec(value.value);
    if (literal) return literal[2];
  }
  return null;
}

/** A boolean attribute: present without a value, or ={true}. */
function flagAttribute(node: JsxElement, name: string): boolean {
  const found = attribute(node, name);
  if (!found) return false;
  if (found.value === null || found.value === undefined) return true;
  if (typeof found.value === "string") return found.value !== "false";
  return found.value.value.trim() === "true";
}

function textOf(node: Nodes): string {
  if ("value" in node && typeof node.value === "string" && (node.type === "text" || node.type === "inlineCode"))
    return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(textOf).join("");
  return "";
}

function lineOf(node: Nodes): number | undefined {
  return node.position?.start.line;
}

/** A quiz's answers in document order: their position in this list is the answer's number. */
function answersOf(quiz: JsxElement): JsxElement[] {
  const answers: JsxElement[] = [];
  visit(quiz, (node) => {
    if (node !== quiz && isJsx(node as Nodes) && (node as JsxElement).name === "Answer")
      answers.push(node as JsxElement);
  });
  return answers;
}

function quizzesOf(tree: Root): JsxElement[] {
  const quizzes: JsxElement[] = [];
  visit(tree, (node) => {
    if (isJsx(node as Nodes) && (node as JsxElement).name === "Quiz") quizzes.push(node as JsxElement);
  });
  return quizzes;
}

function practicesOf(tree: Root): JsxElement[] {
  const practices: JsxElement[] = [];
  visit(tree, (node) => {
    if (isJsx(node as Nodes) && (node as JsxElement).name === "Practice") practices.push(node as JsxElement);
  });
  return practices;
}

function practiceListItems(practice: JsxElement): ListItem[] {
  const items: ListItem[] = [];
  visit(practice, "list", (list: List) => {
    items.push(...list.children);
    return "skip";
  });
  return items;
}

const practiceKey = (practiceIndex: number, itemIndex: number) => `${practiceIndex + 1}.${itemIndex + 1}`;

function lessonLinkSlug(url: string): string | null {
  const match = /^\.\/([^/?#]+)(?:[?#].*)?$/.exec(url);
  return match ? match[1].replace(/\.mdx$/, "") : null;
}

/** What the validator and the server need to know about a lesson, read from its tree. */
export function analyzeTree(tree: Root): LessonTreeFacts {
  const facts: LessonTreeFacts = {
    quizzes: [],
    practiceItems: [],
    lessonLinks: [],
    videos: [],
    callouts: [],
    unknownComponents: [],
  };
  for (const quiz of quizzesOf(tree)) {
    facts.quizzes.push({
      id: stringAttribute(quiz, "id") ?? "",
      question: stringAttribute(quiz, "question") ?? "",
      multiple: flagAttribute(quiz, "multiple"),
      line: lineOf(quiz),
      answers: answersOf(quiz).map((answer, index) => ({
        index,
        ...(stringAttribute(answer, "id") ? { id: stringAttribute(answer, "id")! } : {}),
        text: textOf(answer).trim(),
        correct: flagAttribute(answer, "correct"),
        explanation: stringAttribute(answer, "explanation") ?? "",
      })),
    });
  }
  practicesOf(tree).forEach((practice, p) => {
    practiceListItems(practice).forEach((_, i) => facts.practiceItems.push(practiceKey(p, i)));
  });
  visit(tree, (node) => {
    const n = node as Nodes;
    if (n.type === "link") {
      const slug = lessonLinkSlug((n as Link).url);
      if (slug) facts.lessonLinks.push({ slug, line: lineOf(n) });
    }
    if (!isJsx(n) || !n.name) return;
    if (n.name === "Video")
      facts.videos.push({ src: stringAttribute(n, "src"), embed: stringAttribute(n, "embed"), line: lineOf(n) });
    if (n.name === "Callout") facts.callouts.push({ type: stringAttribute(n, "type"), line: lineOf(n) });
    if (/^[A-Z]/.test(n.name) && !KNOWN.has(n.name)) facts.unknownComponents.push({ name: n.name, line: lineOf(n) });
  });
  return facts;
}

export interface TransformOptions {
  /** Where the course's pages live, e.g. /training/reporting-basics: `./lesson` links and media resolve against it. */
  basePath: string;
}

/**
 * The compile-time plugin: takes the answer key out of every quiz (the browser only gets the
 * question, each answer's text and its number), turns each practice checklist into numbered
 * items the page can tick, and makes lesson links and local media absolute.
 */
function transformTree(tree: Root, options: TransformOptions): void {
  for (const quiz of quizzesOf(tree)) {
    answersOf(quiz).forEach((answer, index) => {
      answer.attributes = answer.attributes.filter(
        (a) => !(a.type === "mdxJsxAttribute" && (a.name === "correct" || a.name === "explanation")),
      );
      answer.attributes.push({ type: "mdxJsxAttribute", name: "index", value: String(index) });
    });
  }
  practicesOf(tree).forEach((practice, p) => {
    let itemIndex = 0;
    visit(practice, "list", (list: List, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return;
      const items: RootContent[] = list.children.map((item) => {
        const element: MdxJsxFlowElement = {
          type: "mdxJsxFlowElement",
          name: "PracticeItem",
          attributes: [{ type: "mdxJsxAttribute", name: "itemKey", value: practiceKey(p, itemIndex++) }],
          children: item.children as MdxJsxFlowElement["children"],
        };
        return element;
      });
      parent.children.splice(index, 1, ...(items as Parent["children"]));
      return ["skip", index + items.length];
    });
  });
  visit(tree, (node) => {
    const n = node as Nodes;
    if (n.type === "link") {
      const link = n as Link;
      const slug = lessonLinkSlug(link.url);
      if (slug) link.url = `${options.basePath}/${slug}${link.url.slice(link.url.search(/[?#]|$/))}`;
    }
    if (isJsx(n) && n.name === "Video") {
      const src = stringAttribute(n, "src");
      if (src && !/^[a-z]+:/i.test(src)) {
        const at = n.attributes.findIndex((a) => a.type === "mdxJsxAttribute" && a.name === "src");
        n.attributes[at] = {
          type: "mdxJsxAttribute",
          name: "src",
          value: `${options.basePath}/${src.replace(/^\.\//, "")}`,
        };
      }
    }
  });
}

/** The remark plugin for mdx-bundler. */
export function remarkTrainingLesson(options: TransformOptions) {
  return (tree: Root) => transformTree(tree, options);
}
