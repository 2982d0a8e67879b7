import { formatProblem } from "../app/domain/training/content-check";
import { loadCatalog } from "../app/domain/training/content.server";

/**
 * `npm run content:check`: validates every course under CONTENT_DIR (default content/) and exits
 * non-zero when any course has a problem, listing each with its file, line and field.
 */
const catalog = loadCatalog();
for (const course of catalog.courses) {
  console.log(`ok  ${course.slug} (${course.lessons.length} lessons, version ${course.version})`);
}
if (catalog.problems.length > 0) {
  console.error(`\n${catalog.problems.length} problem(s) in ${catalog.root}:`);
  for (const problem of catalog.problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
if (catalog.courses.length === 0) console.log(`No courses found in ${catalog.root}/courses.`);
