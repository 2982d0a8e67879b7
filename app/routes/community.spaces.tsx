import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { ERROR_STATUS } from "~/domain/community/answers";
import { canManageSpaces } from "~/domain/community/permissions";
import { SpaceSchema } from "~/domain/community/schemas";
import { listSpaces, saveSpace } from "~/domain/community/spaces.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { Button } from "~/ui/button";
import { CheckboxField, TextField } from "~/ui/field";
import { useCommunityError } from "~/ui/community/use-community-error";
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

/** Create a space, or save one (`spaceId`): name, address, description, order and posting rules. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireSpaceManager(request);
  const form = await request.formData();
  const rawId = form.get("spaceId");
  const spaceId = typeof rawId === "string" && rawId !== "" ? rawId : undefined;
  if (spaceId !== undefined && !isId(spaceId)) notFound();
  const formKey = spaceId ?? "new";
  const parsed = parseForm(SpaceSchema, form);
  if (!parsed.ok) return data({ formKey, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await saveSpace(actor, parsed.data, spaceId);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return data(
      { formKey, fieldErrors: { slug: result.error } as Record<string, string> },
      { status: ERROR_STATUS[result.error] },
    );
  }
  const t = serverT(actor.locale);
  return redirectWithNotice("/community/spaces", spaceId ? t("community:spaces.saved") : t("community:spaces.created"));
}

type Space = ReturnType<typeof useLoaderData<typeof loader>>["spaces"][number];

function SpaceForm({ space, nextPosition }: { space?: Space; nextPosition: number }) {
  const { t } = useTranslation("community");
  const result = useActionData<typeof action>();
  const error = useCommunityError();
  const fields =
    result?.formKey === (space?.id ?? "new") ? (result.fieldErrors as Record<string, string | undefined>) : undefined;
  const slugError = fields?.slug === "slug_taken" ? error("slug_taken") : error.field(fields?.slug);
  return (
    <Form method="post" className="space-y-3" noValidate>
      {space ? <input type="hidden" name="spaceId" value={space.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_6rem]">
        <TextField
          label={t("spaces.name")}
          name="name"
          defaultValue={space?.name}
          required
          error={error.field(fields?.name)}
        />
        <TextField
          label={t("spaces.slug")}
          name="slug"
          defaultValue={space?.slug}
          required
          hint={t("spaces.slugHint")}
          error={slugError}
        />
        <TextField
          label={t("spaces.position")}
          name="position"
          type="number"
          inputMode="numeric"
          min={0}
          max={999}
          defaultValue={space?.position ?? nextPosition}
          error={error.field(fields?.position)}
        />
      </div>
      <TextField
        label={t("spaces.descriptionLabel")}
        name="description"
        defaultValue={space?.description}
        error={error.field(fields?.description)}
      />
      <div className="space-y-2">
        <CheckboxField
          name="customersMayPost"
          defaultChecked={space?.customersMayPost ?? true}
          label={t("spaces.customersMayPost")}
        />
        <CheckboxField name="articles" defaultChecked={space?.articles ?? false} label={t("spaces.articles")} />
        <CheckboxField
          name="firstPostReview"
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
