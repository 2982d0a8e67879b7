import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { RATE_LIMIT_VALUES } from "~/domain/community/answers";
import { topicKindsFor } from "~/domain/community/permissions";
import { TITLE_MAX } from "~/domain/community/rules";
import { createTopic } from "~/domain/community/posting.server";
import { TopicSchema } from "~/domain/community/schemas";
import { listSpaces } from "~/domain/community/spaces.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { readSubmission, refuse } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { FormErrors, FormSelectField, FormTextAreaField, FormTextField, formProps } from "~/ui/form";
import { Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "community:titles.newTopic");

async function spacesFor(request: Request) {
  const actor = await requireActor(request);
  const spaces = (await listSpaces())
    .map((space) => ({ id: space.id, slug: space.slug, name: space.name, kinds: topicKindsFor(actor, space) }))
    .filter((space) => space.kinds.length > 0);
  return { actor, spaces };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { spaces } = await spacesFor(request);
  const wanted = new URL(request.url).searchParams.get("space");
  return { spaces, defaultSpaceId: spaces.find((space) => space.slug === wanted)?.id ?? spaces[0]?.id ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await spacesFor(request);
  const parsed = await readSubmission(request, TopicSchema);
  if (!parsed.ok) return parsed.answer;
  const result = await createTopic(actor, parsed.data);
  if (!result.ok) {
    // A space that is gone or closed to this person is the space field's problem.
    const field = result.error === "not_found" || result.error === "forbidden" ? "spaceId" : undefined;
    return refuse(parsed.submission, "community", result.error, field);
  }
  const t = serverT(actor.locale);
  return redirectWithNotice(
    `/community/topics/${result.id}`,
    result.status === "pending" ? t("community:newTopic.pending") : t("community:newTopic.posted"),
  );
}

function SimilarQuestions({ title }: { title: string }) {
  const { t } = useTranslation("community");
  const fetcher = useFetcher<{ similar: { id: string; title: string; answered: boolean }[] }>();
  useEffect(() => {
    const handle = setTimeout(() => {
      if (title.trim().length >= 4) fetcher.load(`/community/similar?${new URLSearchParams({ title })}`);
    }, 250);
    return () => clearTimeout(handle);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [title]);
  const similar = title.trim().length >= 4 ? (fetcher.data?.similar ?? []) : [];
  return (
    <div aria-live="polite">
      {similar.length > 0 ? (
        <section
          aria-label={t("newTopic.similarHeading")}
          className="rounded-md bg-brand-50 p-3 text-sm ring-1 ring-brand-100"
        >
          <h2 className="font-semibold text-slate-900">{t("newTopic.similarHeading")}</h2>
          <p className="text-slate-600">{t("newTopic.similarHint")}</p>
          <ul className="mt-1 list-disc pl-5">
            {similar.map((topic) => (
              <li key={topic.id}>
                <Link
                  to={`/community/topics/${topic.id}`}
                  className="text-brand-700 underline"
                  target="_blank"
                  rel="noopener"
                >
                  {topic.title}
                </Link>
                {topic.answered ? <span className="text-slate-600"> · {t("newTopic.answered")}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export default function NewTopic() {
  const { t } = useTranslation("community");
  const { spaces, defaultSpaceId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const root = useRootData();
  const [form, fields] = useForm({ lastResult: result?.form });
  const typed = (value: unknown) => (typeof value === "string" ? value : undefined);
  const [spaceId, setSpaceId] = useState(typed(fields.spaceId.initialValue) ?? defaultSpaceId);
  const [title, setTitle] = useState(typed(fields.title.initialValue) ?? "");
  const kinds = spaces.find((space) => space.id === spaceId)?.kinds ?? [];

  if (spaces.length === 0) return <EmptyState title={t("newTopic.noSpaces")} />;
  return (
    <>
      <PageHeader
        title={t("newTopic.title")}
        description={t("newTopic.description", { vendor: root?.vendorName ?? "" })}
      />
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-4" {...formProps(form)}>
          <FormErrors form={form} values={RATE_LIMIT_VALUES} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormSelectField
              meta={fields.spaceId}
              label={t("newTopic.space")}
              value={spaceId}
              onChange={(event) => setSpaceId(event.target.value)}
              options={spaces.map((space) => ({ value: space.id, label: space.name }))}
            />
            <FormSelectField
              meta={fields.kind}
              label={t("newTopic.kind")}
              key={spaceId}
              defaultValue={kinds[0]}
              options={kinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            />
          </div>
          <FormTextField
            meta={fields.title}
            label={t("newTopic.titleLabel")}
            required
            maxLength={TITLE_MAX}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            hint={t("newTopic.titleHint")}
            autoComplete="off"
          />
          <SimilarQuestions title={title} />
          <FormTextAreaField
            meta={fields.body}
            label={t("newTopic.body")}
            rows={10}
            required
            hint={t("newTopic.bodyHint")}
          />
          <FormTextField
            meta={fields.tags}
            label={t("newTopic.tags")}
            hint={t("newTopic.tagsHint")}
            autoComplete="off"
          />
          <Button disabled={navigation.state === "submitting"}>{t("newTopic.submit")}</Button>
        </Form>
      </Card>
    </>
  );
}
