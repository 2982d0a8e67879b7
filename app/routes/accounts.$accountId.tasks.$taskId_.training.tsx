import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { canOnAccount } from "~/domain/auth/authorization";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { peopleChoices } from "~/domain/people/members.server";
import { findCourse, loadCatalog } from "~/domain/training/content.server";
import { getTaskTraining, setTaskTraining } from "~/domain/training/plan-link.server";
import { courseTitleIn } from "~/domain/training/localize";
import { versionField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { forbidden, notFound } from "~/lib/http.server";
import { requestLocale } from "~/lib/locale.server";
import { pageTitle } from "~/lib/meta";
import { Button } from "~/ui/button";
import { FormErrors, FormSelectField, formProps, useFormMessage, useFormReply } from "~/ui/form";
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
  const locale = requestLocale(request, actor.locale);
  const training = await getTaskTraining(actor, account.id, params.taskId, catalog.courses, locale);
  if (!training) notFound();
  const canLink = canOnAccount(actor, "training.link", account.id);
  const people = canLink
    ? (await peopleChoices(account.id)).people.map((person) => ({ id: person.id, name: person.name }))
    : [];
  return {
    accountId: account.id,
    ...training,
    unknownCourse: Boolean(training.task.courseSlug && !training.course),
    canLink,
    courses: canLink
      ? catalog.courses.map((course) => ({ value: course.slug, label: courseTitleIn(course, locale) }))
      : [],
    people,
  };
}

/** One value or several under one name (a checkbox per person) as a list. */
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const SetSchema = z.object({
  courseSlug: z.string().max(100, "training:task.errors.unknown_course").default(""),
  trainee: z.preprocess(list, z.array(z.string().max(40, "training:task.errors.invalid_trainee")).max(500)),
  version: versionField(),
});

/** The refusals that belong next to one field; the others are said above the form. */
const ERROR_FIELD: Partial<Record<string, string>> = {
  unknown_course: "courseSlug",
  invalid_trainee: "trainee",
  no_trainees: "trainee",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.taskId)) notFound();
  if (!canOnAccount(actor, "training.link", account.id)) forbidden();
  const parsed = await readSubmission(request, SetSchema);
  if (!parsed.ok) return parsed.answer;
  const course = parsed.data.courseSlug === "" ? null : findCourse(loadCatalog(), parsed.data.courseSlug);
  if (parsed.data.courseSlug !== "" && !course)
    return refuse(parsed.submission, "taskTraining", "unknown_course", "courseSlug");
  const result = await setTaskTraining(actor, account.id, params.taskId, {
    course,
    traineeIds: parsed.data.trainee,
    expectedVersion: parsed.data.version,
  });
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return refuse(parsed.submission, "taskTraining", result.error, ERROR_FIELD[result.error]);
  }
  return { ok: true as const, completed: result.completed };
}

export default function TaskTraining() {
  const { t } = useTranslation(["training", "common"]);
  const { accountId, task, course, trainees, unknownCourse, canLink, courses, people } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const chosen = new Set(trainees.map((person) => person.id));
  const finished = trainees.filter((person) => person.finished).length;
  const [form, fields] = useForm({ lastResult: useFormReply(result && "form" in result ? result.form : undefined) });
  const traineeError = useFormMessage()(fields.trainee.errors);
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
            <Form method="post" className="space-y-4" key={`${task.version}`} {...formProps(form)}>
              <input type="hidden" name="version" value={task.version} />
              <FormErrors form={form} />
              <FormSelectField
                meta={fields.courseSlug}
                label={t("task.course")}
                defaultValue={course?.slug ?? ""}
                options={[{ value: "", label: t("task.noCourse") }, ...courses]}
              />
              <fieldset aria-describedby={traineeError ? fields.trainee.errorId : undefined}>
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
                {traineeError ? (
                  <p id={fields.trainee.errorId} role="alert" className="mt-1 text-sm text-red-700">
                    {traineeError}
                  </p>
                ) : null}
              </fieldset>
              <Button disabled={navigation.state !== "idle"}>{t("task.save")}</Button>
              {result && "ok" in result ? (
                <Alert tone="success">{result.completed ? t("task.completedNow") : t("task.saved")}</Alert>
              ) : null}
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
