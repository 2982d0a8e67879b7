import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/domain/auth/guards.server";
import { canManageSpaces } from "~/domain/community/permissions";
import { SpaceSchema } from "~/domain/community/schemas";
import { listSpaces, saveSpace } from "~/domain/community/spaces.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import type { FormReply } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { Button } from "~/ui/button";
import { FormCheckboxField, FormErrors, FormTextField, formProps, useFormReply } from "~/ui/form";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "community:titles.spaces");

async function requireSpaceManager(request: Request) {
  const actor = await requireActor(request);
  if (!canManageSpaces(actor)) notFound();
  return actor;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSpaceManager(request);
  return { spaces: await listSpaces() };
}

/** Which space a form saves: absent or "" for the new one. Whether it exists is the save's to check. */
const SpaceFormSchema = SpaceSchema.extend({ spaceId: z.string().max(40).default("") });

/** Create a space, or save one (`spaceId`): name, address, description, order and posting rules. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireSpaceManager(request);
  const parsed = await readSubmission(request, SpaceFormSchema);
  if (!parsed.ok) return parsed.answer;
  const { spaceId: rawId, ...input } = parsed.data;
  const spaceId = rawId === "" ? undefined : rawId;
  if (spaceId !== undefined && !isId(spaceId)) notFound();
  const result = await saveSpace(actor, input, spaceId);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return refuse(parsed.submission, "community", result.error, result.error === "slug_taken" ? "slug" : undefined);
  }
  const t = serverT(actor.locale);
  return redirectWithNotice("/community/spaces", spaceId ? t("community:spaces.saved") : t("community:spaces.created"));
}

type Space = ReturnType<typeof useLoaderData<typeof loader>>["spaces"][number];

/** The reply of the form that was posted: the one of its space, or the new space's. */
function replyOf(answer: { form?: FormReply } | undefined, space: Space | undefined): FormReply | undefined {
  const posted = answer?.form?.initialValue?.spaceId;
  return (typeof posted === "string" && posted !== "" ? posted : undefined) === space?.id ? answer?.form : undefined;
}

function SpaceForm({ space, nextPosition }: { space?: Space; nextPosition: number }) {
  const { t } = useTranslation("community");
  const [form, fields] = useForm({
    id: `space-${space?.id ?? "new"}`,
    lastResult: useFormReply(replyOf(useActionData<typeof action>(), space)),
  });
  return (
    <Form method="post" className="space-y-3" {...formProps(form)}>
      {space ? <input type="hidden" name="spaceId" value={space.id} /> : null}
      <FormErrors form={form} />
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_6rem]">
        <FormTextField meta={fields.name} label={t("spaces.name")} defaultValue={space?.name} required maxLength={80} />
        <FormTextField
          meta={fields.slug}
          label={t("spaces.slug")}
          defaultValue={space?.slug}
          required
          maxLength={60}
          hint={t("spaces.slugHint")}
        />
        <FormTextField
          meta={fields.position}
          label={t("spaces.position")}
          type="number"
          inputMode="numeric"
          min={0}
          max={999}
          defaultValue={space?.position ?? nextPosition}
        />
      </div>
      <FormTextField
        meta={fields.description}
        label={t("spaces.descriptionLabel")}
        defaultValue={space?.description}
        maxLength={300}
      />
      <div className="space-y-2">
        <FormCheckboxField
          meta={fields.customersMayPost}
          defaultChecked={space?.customersMayPost ?? true}
          label={t("spaces.customersMayPost")}
        />
        <FormCheckboxField
          meta={fields.articles}
          defaultChecked={space?.articles ?? false}
          label={t("spaces.articles")}
        />
        <FormCheckboxField
          meta={fields.firstPostReview}
          defaultChecked={space?.firstPostReview ?? false}
          label={t("spaces.firstPostReview")}
        />
      </div>
      <Button variant={space ? "secondary" : "primary"}>{space ? t("spaces.save") : t("spaces.create")}</Button>
    </Form>
  );
}

export default function Spaces() {
  const { t } = useTranslation("community");
  const { spaces } = useLoaderData<typeof loader>();
  const nextPosition = Math.min(999, Math.max(0, ...spaces.map((space) => space.position)) + 10);
  return (
    <>
      <PageHeader title={t("spaces.title")} description={t("spaces.description")} />
      <div className="max-w-3xl space-y-6">
        {spaces.map((space) => (
          <Card key={space.id} title={t("spaces.editHeading", { name: space.name })}>
            <SpaceForm space={space} nextPosition={nextPosition} />
          </Card>
        ))}
        <Card title={t("spaces.newHeading")}>
          <SpaceForm nextPosition={nextPosition} />
        </Card>
      </div>
    </>
  );
}
