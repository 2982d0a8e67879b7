/**
 * `npm run bench` (part two): server time of a training lesson page's loader, signed in as a demo
 * member, for every lesson of the content in `content/` — cold (the first request compiles the
 * MDX: empty memory and disk caches) and warm (compiled output served from the cache). Runs on a
 * throwaway embedded PostgreSQL and a throwaway cache folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startEmbeddedPostgres } from "../../db/embedded";
import { ensureDatabase, migrateDatabase } from "../../db/migrate";

const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 200);
const cacheDir = mkdtempSync(join(tmpdir(), "tandem-mdx-bench-"));
process.env.MDX_CACHE_DIR = cacheDir;

const pg = await startEmbeddedPostgres({ persistent: false, quiet: true });
await ensureDatabase(pg.adminUrl, "bench");
process.env.DATABASE_URL = pg.urlFor("bench");
await migrateDatabase(process.env.DATABASE_URL);

const { db, closeDatabase } = await import("../../db/client.server");
const { eq } = await import("drizzle-orm");
const { users } = await import("../../db/schema");
const { seedDemo } = await import("../../db/seed/demo");
const { startSession } = await import("../../app/domain/auth/sessions.server");
const { loadCatalog } = await import("../../app/domain/training/content.server");
const { compileCount } = await import("../../app/domain/training/compile.server");
const lessonRoute = await import("../../app/routes/training.$courseSlug.$lessonSlug");

function summarize(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(
    `${label.padEnd(52)} n=${String(samples.length).padStart(4)}  median ${at(0.5).toFixed(1).padStart(6)} ms  p95 ${at(0.95).toFixed(1).padStart(6)} ms`,
  );
}

try {
  await seedDemo();
  const [member] = await db.select({ id: users.id }).from(users).where(eq(users.email, "tom@northwind.example"));
  const cookie = (await startSession(member!.id)).split(";")[0]!;
  const lessons = loadCatalog().courses.flatMap((course) =>
    course.lessons.map((lesson) => ({ courseSlug: course.slug, lessonSlug: lesson.slug })),
  );
  if (lessons.length === 0) throw new Error("No lessons in content/: nothing to measure.");

  const time = async (params: { courseSlug: string; lessonSlug: string }) => {
    const request = new Request(`http://bench.local/training/${params.courseSlug}/${params.lessonSlug}`, {
      headers: { Cookie: cookie },
    });
    const started = performance.now();
    await lessonRoute.loader({ request, params, context: { clientIp: "127.0.0.1" } });
    return performance.now() - started;
  };

  const cold: number[] = [];
  for (const lesson of lessons) cold.push(await time(lesson));
  const compiled = compileCount();
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await time(lessons[i % lessons.length]!));
  summarize(`lesson loader, cold (first compile; ${compiled} lessons)`, cold);
  summarize("lesson loader, warm (cached)", warm);
  if (compileCount() !== compiled)
    console.log(`warning: ${compileCount() - compiled} lessons compiled again while warm`);
} finally {
  await closeDatabase();
  await pg.stop();
  rmSync(cacheDir, { recursive: true, force: true });
}
