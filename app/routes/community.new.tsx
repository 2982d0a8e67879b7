import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { ERROR_STATUS, RATE_LIMIT_VALUES } from "~/domain/community/answers";
import { topicKindsFor } from "~/domain/community/permissions";
import { createTopic } from "~/domain/community/posting.server";
import { TopicSchema } from "~/domain/community/schemas";
import { listSpaces } from "~/domain/community/spaces.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { useCommunityError } from "~/ui/community/use-community-error";
import { SelectField, TextAreaField, TextField } from "~/ui/field";
import { Alert, Card, EmptyState, PageHeader } from "~/ui/layout";

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
  const parsed = parseForm(TopicSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formError: null }, { status: 400 });
  const result = await createTopic(actor, parsed.data);
  if (!result.ok) {
    const fieldErrors =
      result.error === "not_found" || result.error === "forbidden" ? { spaceId: "space.required" } : {};
    return data({ fieldErrors, formError: result.error }, { status: ERROR_STATUS[result.error] });
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
  const error = useCommunityError();
  const [spaceId, setSpaceId] = useState(defaultSpaceId);
  const [title, setTitle] = useState("");
  const kinds = spaces.find((space) => space.id === spaceId)?.kinds ?? [];
  const fields = result?.fieldErrors as Record<string, string | undefined> | undefined;

  if (spaces.length === 0) return <EmptyState title={t("newTopic.noSpaces")} />;
  return (
    <>
      <PageHeader
        title={t("newTopic.title")}
        description={t("newTopic.description", { vendor: root?.vendorName ?? "" })}
      />
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-4" noValidate>
          {result?.formError ? <Alert tone="error">{error(result.formError, RATE_LIMIT_VALUES)}</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("newTopic.space")}
              name="spaceId"
              value={spaceId}
              onChange={(event) => setSpaceId(event.target.value)}
              options={spaces.map((space) => ({ value: space.id, label: space.name }))}
              error={error.field(fields?.spaceId)}
            />
            <SelectField
              label={t("newTopic.kind")}
              name="kind"
              key={spaceId}
              defaultValue={kinds[0]}
              options={kinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
              error={error.field(fields?.kind)}
            />
          </div>
          <TextField
            label={t("newTopic.titleLabel")}
            name="title"
            required

            value={title}
            onChange={(event) => setTitle(event.target.value)}
            hint={t("newTopic.titleHint")}
            error={error.field(fields?.title)}
            autoComplete="off"
          />
          <SimilarQuestions title={title} />
          <TextAreaField
            label={t("newTopic.body")}
            name="body"
            rows={10}
            required
            hint={t("newTopic.bodyHint")}
            error={error.field(fields?.body)}
          />
          <TextField
            label={t("newTopic.tags")}
            name="tags"
            hint={t("newTopic.tagsHint")}
            error={error.field(fields?.tags)}
            autoComplete="off"
          />
          <Button disabled={navigation.state === "submitting"}>{t("newTopic.submit")}</Button>
        </Form>
      </Card>
    </>
  );
}
