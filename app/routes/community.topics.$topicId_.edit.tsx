import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { ERROR_STATUS } from "~/domain/community/answers";
import { editTopic } from "~/domain/community/posting.server";
import { getTopicPage } from "~/domain/community/reading.server";
import { TopicEditSchema } from "~/domain/community/schemas";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { Button, ButtonLink } from "~/ui/button";
import { useCommunityError } from "~/ui/community/use-community-error";
import { TextAreaField, TextField } from "~/ui/field";
import { Alert, Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "community:topic.edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!isId(params.topicId)) notFound();
  const page = await getTopicPage(actor, params.topicId);
  if (!page || !page.topic.can.edit || page.topic.body === null) notFound();
  const { id, title, body, tags, version } = page.topic;
  return { topic: { id, title, body, tags, version } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!isId(params.topicId)) notFound();
  const parsed = parseForm(TopicEditSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formError: null }, { status: 400 });
  const result = await editTopic(actor, params.topicId, parsed.data);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return data({ fieldErrors: {}, formError: result.error }, { status: ERROR_STATUS[result.error] });
  }
  return redirectWithNotice(`/community/topics/${params.topicId}`, serverT(actor.locale)("community:topic.saved"));
}

export default function EditTopic() {
  const { t } = useTranslation("community");
  const { topic } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const error = useCommunityError();
  const fields = result?.fieldErrors as Record<string, string | undefined> | undefined;
  return (
    <>
      <PageHeader title={t("topic.edit")} description={topic.title} />
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-4" noValidate>
          {result?.formError ? <Alert tone="error">{error(result.formError)}</Alert> : null}
          <input type="hidden" name="version" value={topic.version} />
          <TextField
            label={t("newTopic.titleLabel")}
            name="title"
            defaultValue={topic.title}
            required
            error={error.field(fields?.title)}
          />
          <TextAreaField
            label={t("newTopic.body")}
            name="body"
            rows={12}
            defaultValue={topic.body ?? ""}
            required
            hint={t("newTopic.bodyHint")}
            error={error.field(fields?.body)}
          />
          <TextField
            label={t("newTopic.tags")}
            name="tags"
            defaultValue={topic.tags.join(", ")}
            hint={t("newTopic.tagsHint")}
            error={error.field(fields?.tags)}
          />
          <div className="flex gap-2">
            <Button disabled={navigation.state === "submitting"}>{t("topic.save")}</Button>
            <ButtonLink to={`/community/topics/${topic.id}`} variant="ghost">
              {t("topic.cancel")}
            </ButtonLink>
          </div>
        </Form>
      </Card>
    </>
  );
}
