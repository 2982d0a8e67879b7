import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { editTopic } from "~/domain/community/posting.server";
import { getTopicPage } from "~/domain/community/reading.server";
import { TITLE_MAX } from "~/domain/community/rules";
import { TopicEditSchema } from "~/domain/community/schemas";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { readSubmission, refuse } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { Button, ButtonLink } from "~/ui/button";
import { FormErrors, FormTextAreaField, FormTextField, formProps } from "~/ui/form";
import { Card, PageHeader } from "~/ui/layout";

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
  const parsed = await readSubmission(request, TopicEditSchema);
  if (!parsed.ok) return parsed.answer;
  const result = await editTopic(actor, params.topicId, parsed.data);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return refuse(parsed.submission, "community", result.error);
  }
  return redirectWithNotice(`/community/topics/${params.topicId}`, serverT(actor.locale)("community:topic.saved"));
}

export default function EditTopic() {
  const { t } = useTranslation("community");
  const { topic } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({ lastResult: result?.form });
  return (
    <>
      <PageHeader title={t("topic.edit")} description={topic.title} />
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-4" {...formProps(form)}>
          <FormErrors form={form} />
          <input type="hidden" name="version" value={topic.version} />
          <FormTextField
            meta={fields.title}
            label={t("newTopic.titleLabel")}
            defaultValue={topic.title}
            required
            maxLength={TITLE_MAX}
          />
          <FormTextAreaField
            meta={fields.body}
            label={t("newTopic.body")}
            rows={12}
            defaultValue={topic.body ?? ""}
            required
            hint={t("newTopic.bodyHint")}
          />
          <FormTextField
            meta={fields.tags}
            label={t("newTopic.tags")}
            defaultValue={topic.tags.join(", ")}
            hint={t("newTopic.tagsHint")}
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
