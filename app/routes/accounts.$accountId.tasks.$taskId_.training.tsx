import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { canOnAccount } from "~/domain/auth/authorization";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { listMembers } from "~/domain/people/members.server";
import { findCourse, loadCatalog } from "~/domain/training/content.server";
import { getTaskTraining, setTaskTraining } from "~/domain/training/plan-link.server";
import { isId } from "~/lib/ids";
import { forbidden, notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { Button } from "~/ui/button";
import { SelectField } from "~/ui/field";
import { Alert, Badge, Card, PageHeader } from "~/ui/layout";
import { TaskStatusBadge } from "~/ui/plans/status-badge";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "common:titles.taskTraining", { title: data?.task.title ?? "" });

/** A plan task's training requirement: its trainees' progress for everyone who sees the task; the form for CSMs. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.taskId)) notFound();
  const catalog = loadCatalog();
  const training = await getTaskTraining(actor, account.id, params.taskId, catalog.courses);
  if (!training) notFound();
  const canLink = canOnAccount(actor, "training.link", account.id);
  const people = canLink
    ? (await listMembers(account.id))
        .filter((person) => !person.deactivatedAt)
        .map((person) => ({ id: person.id, name: person.name }))
    : [];
  return {
    accountId: account.id,
    ...training,
    unknownCourse: Boolean(training.task.courseSlug && !training.course),
    canLink,
    courses: canLink ? catalog.courses.map((course) => ({ value: course.slug, label: course.title })) : [],
    people,
  };
}

const SetSchema = z.object({
  courseSlug: z.string().max(100),
  trainee: z.array(z.string().max(40)).max(500),
  version: z.coerce.number().int().min(1),
});
const STATUS = {
  not_found: 404,
  forbidden: 403,
  stale: 409,
  unknown_course: 400,
  invalid_trainee: 400,
  no_trainees: 400,
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.taskId)) notFound();
  if (!canOnAccount(actor, "training.link", account.id)) forbidden();
  const form = await request.formData();
  const parsed = SetSchema.safeParse({ ...Object.fromEntries(form), trainee: form.getAll("trainee").map(String) });
  if (!parsed.success)
    return data({ ok: false as const, error: "unknown_course" as const, field: "courseSlug" }, { status: 400 });
  const course = parsed.data.courseSlug === "" ? null : findCourse(loadCatalog(), parsed.data.courseSlug);
  if (parsed.data.courseSlug !== "" && !course)
    return data({ ok: false as const, error: "unknown_course" as const, field: "courseSlug" }, { status: 400 });
  const result = await setTaskTraining(actor, account.id, params.taskId, {
    course,
    traineeIds: parsed.data.trainee,
    expectedVersion: parsed.data.version,
  });
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return data(
      { ok: false as const, error: result.error, field: result.error === "unknown_course" ? "courseSlug" : "trainee" },
      { status: STATUS[result.error] },
    );
  }
  return { ok: true as const, completed: result.completed, error: null, field: null };
}

export default function TaskTraining() {
  const { t } = useTranslation(["training", "common"]);
  const { accountId, task, course, trainees, unknownCourse, canLink, courses, people } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const chosen = new Set(trainees.map((person) => person.id));
  const finished = trainees.filter((person) => person.finished).length;
  const error = result && !result.ok ? t(`task.errors.${result.error}`) : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/accounts/${accountId}/plan`} className="text-brand-700 hover:underline">
          {t("common:nav.plan")}
        </Link>
      </p>
      <PageHeader
        title={t("task.title", { title: task.title })}
        description={<TaskStatusBadge status={task.status} />}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={course ? t("task.requiredCourse", { title: course.title }) : t("task.linkShort")}>
          {unknownCourse ? <Alert tone="error">{t("task.unknownCourse")}</Alert> : null}
          {!course ? (
            <p className="text-sm text-slate-600">{t("task.none")}</p>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-600">{t("task.description")}</p>
              <p className="mb-3 text-sm font-medium">
                {t("task.linkProgress", { finished: String(finished), total: String(trainees.length) })}
              </p>
              <Table caption={t("task.trainees")} head={[t("adoption.person"), t("course.progressLabel")]}>
                {trainees.map((person) => (
                  <tr key={person.id}>
                    <Cell className="font-medium text-slate-900">{person.name}</Cell>
                    <Cell>
                      {person.finished ? (
                        <Badge tone="green">{t("task.finished")}</Badge>
                      ) : (
                        t("task.progress", { completed: String(person.completed), total: String(person.total) })
                      )}
                    </Cell>
                  </tr>
                ))}
              </Table>
            </>
          )}
        </Card>
        {canLink ? (
          <Card title={t("task.linkRequire")}>
            <Form method="post" className="space-y-4" key={`${task.version}`}>
              <input type="hidden" name="version" value={task.version} />
              <SelectField
                label={t("task.course")}
                name="courseSlug"
                defaultValue={course?.slug ?? ""}
                options={[{ value: "", label: t("task.noCourse") }, ...courses]}
                error={result && !result.ok && result.field === "courseSlug" ? (error ?? undefined) : undefined}
              />
              <fieldset
                aria-describedby={result && !result.ok && result.field === "trainee" ? "trainee-error" : undefined}
              >
                <legend className="text-sm font-medium text-slate-900">{t("task.trainees")}</legend>
                <ul className="mt-2 grid gap-1 sm:grid-cols-2">
                  {people.map((person) => (
                    <li key={person.id}>
                      <label className="flex items-center gap-2 text-sm">
                        <input
                          type="checkbox"
                          name="trainee"
                          value={person.id}
                          defaultChecked={chosen.has(person.id)}
                          className="h-4 w-4"
                        />
                        {person.name}
                      </label>
                    </li>
                  ))}
                </ul>
                {result && !result.ok && result.field === "trainee" ? (
                  <p id="trainee-error" role="alert" className="mt-1 text-sm text-red-700">
                    {error}
                  </p>
                ) : null}
              </fieldset>
              <Button disabled={navigation.state !== "idle"}>{t("task.save")}</Button>
              {result?.ok ? (
                <Alert tone="success">{result.completed ? t("task.completedNow") : t("task.saved")}</Alert>
              ) : null}
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
