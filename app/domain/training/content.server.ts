import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { asLocale, defaultLocale } from "~/i18n/locales";
import { readEnv } from "~/lib/env.server";
import {
  type CatalogCourse,
  type CatalogLesson,
  type ContentProblem,
  type LessonSource,
  type TranslationSource,
  checkCourse,
} from "./content-check";
import { courseTitleIn } from "./localize";

/**
 * The course catalog, read from `CONTENT_DIR` (default `content/`). Files are read on every call
 * (a few small files) and their analysis is memoized by content hash, so an edited .mdx file shows
 * up on the next request without a restart.
 */
function contentRoot(): string {
  return resolve(readEnv("CONTENT_DIR"));
}

export interface Catalog {
  root: string;
  courses: CatalogCourse[];
  problems: ContentProblem[];
}

function listFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(path));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

export function loadCatalog(root = contentRoot()): Catalog {
  const coursesDir = join(root, "courses");
  const catalog: Catalog = { root, courses: [], problems: [] };
  if (!existsSync(coursesDir)) return catalog;
  for (const entry of readdirSync(coursesDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const dir = join(coursesDir, entry.name);
    const rel = (path: string) => relative(root, path).split("\\").join("/");
    const lessons: LessonSource[] = [];
    const translations: TranslationSource[] = [];
    let courseFile: { file: string; source: string } | null = null;
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(".mdx")) continue;
      const path = join(dir, name);
      if (!statSync(path).isFile()) continue;
      const source = readFileSync(path, "utf8");
      // Slugs have no dots, so `<name>.<tag>.mdx` can only be a translation (checked by checkCourse).
      const translated = /^([^.]+)\.([^.]+)\.mdx$/.exec(name);
      if (translated) translations.push({ target: translated[1], tag: translated[2], file: rel(path), source });
      else if (name === "course.mdx") courseFile = { file: rel(path), source };
      else lessons.push({ slug: name.slice(0, -".mdx".length), file: rel(path), source });
    }
    const mediaDir = join(dir, "media");
    const mediaFiles = new Set(
      existsSync(mediaDir) ? listFiles(mediaDir).map((path) => relative(dir, path).split("\\").join("/")) : [],
    );
    const result = checkCourse({ slug: entry.name, dir: rel(dir), courseFile, lessons, mediaFiles, translations });
    catalog.problems.push(...result.problems);
    if (result.course) catalog.courses.push(result.course);
  }
  catalog.courses.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  return catalog;
}

export function findCourse(catalog: Catalog, slug: string | undefined): CatalogCourse | null {
  return catalog.courses.find((course) => course.slug === slug) ?? null;
}

export function findLesson(course: CatalogCourse, slug: string | undefined): CatalogLesson | null {
  return course.lessons.find((lesson) => lesson.slug === slug) ?? null;
}

/** The source of a course file, read fresh (compilation is cached by its hash). */
export function readContentFile(catalog: Catalog, file: string): string {
  return readFileSync(join(catalog.root, file), "utf8");
}

/** A file under a course's media/ folder, or null: never anything outside it. */
export function mediaPath(catalog: Catalog, course: CatalogCourse, path: string): string | null {
  const mediaDir = resolve(catalog.root, course.dir, "media");
  const target = resolve(mediaDir, path);
  if (!target.startsWith(mediaDir + "/") || !existsSync(target) || !statSync(target).isFile()) return null;
  return target;
}

/**
 * A course's title in the reader's language, for other areas that keep a course's slug (an ask
 * after a team finished it); null when the course has left the catalog.
 */
export function courseTitleFor(slug: string, locale: string): string | null {
  const course = findCourse(loadCatalog(), slug);
  return course ? courseTitleIn(course, asLocale(locale) ?? defaultLocale) : null;
}
