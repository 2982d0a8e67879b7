import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearMemoryCache, compileCount, compileLesson } from "~/domain/training/compile.server";

const COURSE_DIR = "test/fixtures/content/courses/dashboards-in-a-day";
const QUIZ_LESSON = readFileSync(join(COURSE_DIR, "why-dashboards.mdx"), "utf8");
const PRACTICE_LESSON = readFileSync(join(COURSE_DIR, "build-one.mdx"), "utf8");
const options = { basePath: "/training/dashboards-in-a-day", cwd: COURSE_DIR };
let cacheDir: string;

beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), "tandem-mdx-"));
  process.env.MDX_CACHE_DIR = cacheDir;
  // Files share a worker's modules: another file may have compiled this lesson into memory already,
  // and then nothing would ever be written to this file's disk cache.
  clearMemoryCache();
});
afterAll(() => {
  delete process.env.MDX_CACHE_DIR;
  rmSync(cacheDir, { recursive: true, force: true });
});

describe("lesson compilation", () => {
  it("strips the quiz key: no correct flags and no explanations reach the compiled code", async () => {
    const { code } = await compileLesson(QUIZ_LESSON, options);
    expect(code).toContain("How many charts should a first dashboard have?");
    expect(code).toContain("About three");
    expect(code).not.toMatch(/correct/i);
    expect(code).not.toMatch(/explanation/i);
    expect(code).not.toContain("bury the one number");
    expect(code).not.toContain("keep attention on what matters");
    // Answers are numbered for the server to grade; links and media become absolute.
    expect(code).toMatch(/index:"1",children:"About three"/);
    expect(code).toContain('href:"/training/dashboards-in-a-day/build-one"');
    expect(code).toContain('src:"/training/dashboards-in-a-day/media/intro.mp4"');
  });

  it("turns practice task lists into numbered items", async () => {
    const { code } = await compileLesson(PRACTICE_LESSON, options);
    expect(code).toContain('itemKey:"1.1"');
    expect(code).toContain('itemKey:"1.2"');
  });

  it("caches by content hash in memory and on disk, and recompiles when the content changes", async () => {
    await compileLesson(QUIZ_LESSON, options);
    const before = compileCount();
    await compileLesson(QUIZ_LESSON, options);
    expect(compileCount()).toBe(before); // memory

    clearMemoryCache();
    await compileLesson(QUIZ_LESSON, options);
    expect(compileCount()).toBe(before); // disk
    expect(readdirSync(cacheDir).filter((name) => name.endsWith(".json")).length).toBeGreaterThan(0);

    const edited = QUIZ_LESSON.replace("one place", "a single place");
    const { code } = await compileLesson(edited, options);
    expect(compileCount()).toBe(before + 1);
    expect(code).toContain("a single place");
  });
});
