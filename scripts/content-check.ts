import { formatProblem, translationCoverage } from "../app/domain/training/content-check";
import { loadCatalog } from "../app/domain/training/content.server";

/**
 * `npm run content:check`: validates every course under CONTENT_DIR (default content/) and its
 * translations, reports how much of each course is translated, and exits non-zero when any file
 * has a problem, listing each with its file, line and field.
 */
const catalog = loadCatalog();
for (const course of catalog.courses) {
  console.log(`ok  ${course.slug} (${course.lessons.length} lessons, version ${course.version})`);
  for (const coverage of translationCoverage(course)) {
    const overview = coverage.course ? "" : ", course page untranslated";
    console.log(`    ${course.slug}: ${coverage.locale} ${coverage.lessons}/${coverage.total} lessons${overview}`);
  }
}
if (catalog.problems.length > 0) {
  console.error(`\n${catalog.problems.length} problem(s) in ${catalog.root}:`);
  for (const problem of catalog.problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
if (catalog.courses.length === 0) console.log(`No courses found in ${catalog.root}/courses.`);
