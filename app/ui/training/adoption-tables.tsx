import { useTranslation } from "react-i18next";
import { Card, EmptyState } from "~/ui/layout";
import { ProgressBar } from "~/ui/progress";
import { Cell, Table } from "~/ui/table";
import { CourseStatusBadge } from "./course-status";

type Status = "not_started" | "in_progress" | "completed";
export interface TeamAdoption {
  people: {
    id: string;
    name: string;
    role: string | null;
    courses: { courseSlug: string; completed: number; total: number; status: Status; counted: boolean }[];
  }[];
  courses: { slug: string; title: string; finished: number; started: number; people: number; fraction: number }[];
  notStarted: { id: string; name: string }[];
}

function percent(fraction: number, locale: string) {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(fraction);
}

/** An account's training: per course, per person, and who hasn't started. Shared by the champion's and the CSM's views. */
export function TeamAdoptionView({ adoption, locale }: { adoption: TeamAdoption; locale: string }) {
  const { t } = useTranslation("training");
  if (adoption.courses.length === 0) return <EmptyState title={t("adoption.noCourses")} />;
  if (adoption.people.length === 0) return <EmptyState title={t("adoption.noPeople")} />;
  return (
    <div className="space-y-6">
      <Card title={t("adoption.byCourse")}>
        <ul className="grid gap-4 sm:grid-cols-2">
          {adoption.courses.map((course) => (
            <li key={course.slug}>
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <span className="font-medium text-slate-900">{course.title}</span>
                <span className="text-slate-600">
                  {t("adoption.percent", { percent: percent(course.fraction, locale) })}
                </span>
              </div>
              <div className="mt-1">
                <ProgressBar
                  value={course.fraction}
                  label={course.title}
                  tone={course.fraction === 1 ? "green" : "brand"}
                />
              </div>
              <p className="mt-1 text-xs text-slate-600">
                {t("adoption.finishedOf", { finished: String(course.finished), people: String(course.people) })}
              </p>
            </li>
          ))}
        </ul>
      </Card>
      <Table
        caption={t("adoption.byPerson")}
        head={[t("adoption.person"), ...adoption.courses.map((course) => course.title)]}
      >
        {adoption.people.map((person) => (
          <tr key={person.id}>
            <Cell className="font-medium text-slate-900">{person.name}</Cell>
            {person.courses.map((course) => (
              <Cell key={course.courseSlug}>
                {!course.counted && course.status === "not_started" ? (
                  <span className="text-xs text-slate-500">{t("adoption.notForRole")}</span>
                ) : (
                  <span className="flex items-center gap-2">
                    <CourseStatusBadge status={course.status} />
                    <span className="text-xs text-slate-600">
                      {t("adoption.lessonsOf", { completed: String(course.completed), total: String(course.total) })}
                    </span>
                  </span>
                )}
              </Cell>
            ))}
          </tr>
        ))}
      </Table>
      <Card title={t("adoption.notStartedTitle")}>
        {adoption.notStarted.length === 0 ? (
          <p className="text-sm text-slate-600">{t("adoption.everyoneStarted")}</p>
        ) : (
          <ul className="list-inside list-disc text-sm text-slate-800">
            {adoption.notStarted.map((person) => (
              <li key={person.id}>{person.name}</li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
