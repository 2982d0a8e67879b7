import { and, asc, count, countDistinct, eq, ilike, inArray, isNull } from "drizzle-orm";
import { db } from "~db/client.server";
import { accounts, certificates, lessonProgress, users } from "~db/schema";
import { type SortPart, keysetCondition, keysetOrder } from "~/lib/keyset.server";
import { escapeLike } from "~/lib/like";
import { PAGE_SIZE, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";
import type { Locale } from "~/i18n/locales";
import { CONTENT_LOCALE, type CatalogCourse } from "./content-check";
import { courseTitleIn } from "./localize";
import { type CourseStatus, countsForAdoption, courseProgress } from "./progress";

/**
 * Training adoption: who of an account finished what. Always scoped by one account id, or, for
 * the cross-account table, read by staff only (the route guards it). A fixed number of queries
 * whatever the number of people.
 */
export async function getAccountAdoption(accountId: string, courses: CatalogCourse[], locale: Locale = CONTENT_LOCALE) {
  const [people, done, certs] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, role: users.accountRole })
      .from(users)
      .where(and(eq(users.accountId, accountId), isNull(users.deactivatedAt)))
      .orderBy(asc(users.name)),
    db
      .select({
        userId: lessonProgress.userId,
        courseSlug: lessonProgress.courseSlug,
        lessonSlug: lessonProgress.lessonSlug,
        completedAt: lessonProgress.completedAt,
      })
      .from(lessonProgress)
      .where(eq(lessonProgress.accountId, accountId)),
    db
      .select({ userId: certificates.userId, courseSlug: certificates.courseSlug })
      .from(certificates)
      .where(eq(certificates.accountId, accountId)),
  ]);
  const finished = new Set(certs.map((c) => `${c.userId}:${c.courseSlug}`));
  const rows = people.map((person) => {
    const byCourse = courses.map((course) => {
      const mine = done.filter((d) => d.userId === person.id && d.courseSlug === course.slug);
      const progress = courseProgress(
        course.lessons,
        mine.filter((d) => d.completedAt).map((d) => d.lessonSlug),
        mine.length > 0,
      );
      const status: CourseStatus = finished.has(`${person.id}:${course.slug}`)
        ? "completed"
        : progress.status === "completed"
          ? "in_progress"
          : progress.status;
      return {
        courseSlug: course.slug,
        completed: progress.completed,
        total: progress.total,
        status,
        counted: countsForAdoption(course.audience, person.role, status === "completed"),
      };
    });
    return {
      id: person.id,
      name: person.name,
      role: person.role,
      courses: byCourse,
      started: byCourse.some((c) => c.status !== "not_started"),
    };
  });
  const summary = courses.map((course, index) => {
    const counted = rows.map((row) => row.courses[index]).filter((cell) => cell.counted);
    const finishedCount = counted.filter((cell) => cell.status === "completed").length;
    return {
      slug: course.slug,
      title: courseTitleIn(course, locale),
      finished: finishedCount,
      started: counted.filter((cell) => cell.status !== "not_started").length,
      people: counted.length,
      fraction: counted.length === 0 ? 0 : finishedCount / counted.length,
    };
  });
  return {
    people: rows,
    courses: summary,
    notStarted: rows.filter((row) => !row.started).map((row) => ({ id: row.id, name: row.name })),
  };
}

/** The cross-account table's query: an optional name search and the page's cursor (from the URL). */
export interface AdoptionListQuery {
  q: string;
  cursor?: string;
}

const ACCOUNT_ORDER: SortPart[] = [{ expr: accounts.name }, { expr: accounts.id }];

/**
 * Per account, one page at a time (by name): how many people, how many finished each course, how
 * many have started any. The figures are read for the page's accounts only, so the page costs the
 * same at 10 accounts or 10,000.
 */
export async function listAdoptionAcrossAccounts(courses: CatalogCourse[], query: AdoptionListQuery = { q: "" }) {
  const slugs = courses.map((course) => course.slug);
  const fingerprint = filterFingerprint({ q: query.q });
  const cursor = decodeCursor(query.cursor, fingerprint, ACCOUNT_ORDER.length);
  const search = query.q ? ilike(accounts.name, `%${escapeLike(query.q)}%`) : undefined;
  const [pageRows, [counted]] = await Promise.all([
    db
      .select({ id: accounts.id, name: accounts.name })
      .from(accounts)
      .where(and(search, keysetCondition(ACCOUNT_ORDER, cursor)))
      .orderBy(...keysetOrder(ACCOUNT_ORDER, cursor))
      .limit(PAGE_SIZE + 1),
    db.select({ n: count() }).from(accounts).where(search),
  ]);
  const { rows: accountRows, page } = pageFromRows(pageRows, {
    cursor,
    fingerprint,
    total: counted?.n ?? 0,
    keyOf: (row) => [row.name, row.id],
  });
  const ids = accountRows.map((row) => row.id);
  if (ids.length === 0) return { page, rows: [] };
  const [headcounts, finished, started] = await Promise.all([
    db
      .select({ accountId: users.accountId, role: users.accountRole, people: countDistinct(users.id) })
      .from(users)
      .where(and(inArray(users.accountId, ids), isNull(users.deactivatedAt)))
      .groupBy(users.accountId, users.accountRole),
    slugs.length === 0
      ? Promise.resolve([])
      : db
          .select({
            accountId: certificates.accountId,
            courseSlug: certificates.courseSlug,
            role: users.accountRole,
            people: countDistinct(certificates.userId),
          })
          .from(certificates)
          .innerJoin(users, and(eq(users.id, certificates.userId), isNull(users.deactivatedAt)))
          .where(and(inArray(certificates.accountId, ids), inArray(certificates.courseSlug, slugs)))
          .groupBy(certificates.accountId, certificates.courseSlug, users.accountRole),
    db
      .select({ accountId: lessonProgress.accountId, people: countDistinct(lessonProgress.userId) })
      .from(lessonProgress)
      .innerJoin(users, and(eq(users.id, lessonProgress.userId), isNull(users.deactivatedAt)))
      .where(inArray(lessonProgress.accountId, ids))
      .groupBy(lessonProgress.accountId),
  ]);
  const startedBy = new Map(started.map((row) => [row.accountId, row.people]));
  const rows = accountRows.map((account) => {
    const roles = headcounts.filter((row) => row.accountId === account.id);
    return {
      id: account.id,
      name: account.name,
      people: roles.reduce((sum, row) => sum + row.people, 0),
      started: startedBy.get(account.id) ?? 0,
      courses: courses.map((course) => {
        const finishers = finished.filter((row) => row.accountId === account.id && row.courseSlug === course.slug);
        const finishedCount = finishers.reduce((sum, row) => sum + row.people, 0);
        // The course's audience, plus anyone outside it who finished anyway (as on the team page).
        const audience = roles
          .filter((row) => countsForAdoption(course.audience, row.role, false))
          .reduce((sum, row) => sum + row.people, 0);
        const outsiders = finishers
          .filter((row) => !countsForAdoption(course.audience, row.role, false))
          .reduce((sum, row) => sum + row.people, 0);
        const people = audience + outsiders;
        return {
          slug: course.slug,
          finished: finishedCount,
          people,
          fraction: people === 0 ? 0 : finishedCount / people,
        };
      }),
    };
  });
  return { page, rows };
}
