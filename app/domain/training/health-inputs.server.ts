import { and, countDistinct, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { db } from "~db/client.server";
import { certificates, lessonProgress, users } from "~db/schema";
import type { CatalogCourse } from "./content-check";
import { STAGES } from "./content-schemas";

export interface SkillsFigures {
  /** People each course is written for (by role), summed over the courses, and how many of them are certified. */
  audience: number;
  certified: number;
  /** Change stages with at least one lesson finished by someone of the account. */
  stagesCovered: number;
  stages: number;
}

/**
 * The health score's skills inputs for many accounts: for every course of the catalog, the
 * account's active people it is meant for and those of them holding its certificate, and which of
 * the five change stages their finished lessons cover. Three queries whatever the number of accounts.
 */
export async function skillsInputsForAccounts(
  accountIds: readonly string[],
  courses: readonly CatalogCourse[],
): Promise<Map<string, SkillsFigures>> {
  const result = new Map<string, SkillsFigures>();
  if (accountIds.length === 0) return result;
  const ids = [...accountIds];
  const slugs = courses.map((course) => course.slug);
  const active = and(inArray(users.accountId, ids), isNull(users.deactivatedAt));
  const [headcounts, certified, lessons] = await Promise.all([
    db
      .select({ accountId: users.accountId, role: users.accountRole, people: countDistinct(users.id) })
      .from(users)
      .where(active)
      .groupBy(users.accountId, users.accountRole),
    slugs.length === 0
      ? Promise.resolve([])
      : db
          .select({
            accountId: users.accountId,
            role: users.accountRole,
            courseSlug: certificates.courseSlug,
            people: countDistinct(certificates.userId),
          })
          .from(certificates)
          .innerJoin(users, and(eq(users.id, certificates.userId), active))
          .where(inArray(certificates.courseSlug, slugs))
          .groupBy(users.accountId, users.accountRole, certificates.courseSlug),
    slugs.length === 0
      ? Promise.resolve([])
      : db
          .selectDistinct({
            accountId: lessonProgress.accountId,
            courseSlug: lessonProgress.courseSlug,
            lessonSlug: lessonProgress.lessonSlug,
          })
          .from(lessonProgress)
          .where(
            and(
              inArray(lessonProgress.accountId, ids),
              inArray(lessonProgress.courseSlug, slugs),
              isNotNull(lessonProgress.completedAt),
            ),
          ),
  ]);
  const stageOf = new Map(
    courses.flatMap((course) => course.lessons.map((lesson) => [`${course.slug}/${lesson.slug}`, lesson.stage])),
  );
  for (const id of ids) result.set(id, { audience: 0, certified: 0, stagesCovered: 0, stages: STAGES.length });
  for (const row of headcounts) {
    const entry = result.get(row.accountId!)!;
    for (const course of courses) if (row.role && course.audience.includes(row.role)) entry.audience += row.people;
  }
  for (const row of certified) {
    const course = courses.find((candidate) => candidate.slug === row.courseSlug);
    if (course && row.role && course.audience.includes(row.role)) result.get(row.accountId!)!.certified += row.people;
  }
  const covered = new Map<string, Set<string>>();
  for (const row of lessons) {
    const stage = stageOf.get(`${row.courseSlug}/${row.lessonSlug}`);
    if (!stage || !row.accountId) continue;
    const set = covered.get(row.accountId) ?? new Set();
    set.add(stage);
    covered.set(row.accountId, set);
  }
  for (const [accountId, set] of covered) result.get(accountId)!.stagesCovered = set.size;
  return result;
}
