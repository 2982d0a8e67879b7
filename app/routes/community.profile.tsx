import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { ERROR_STATUS } from "~/domain/community/answers";
import { getCommunityProfile, updateCommunityProfile } from "~/domain/community/profiles.server";
import { ProfileSchema } from "~/domain/community/schemas";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { Button } from "~/ui/button";
import { CheckboxField, TextField } from "~/ui/field";
import { AuthorLine } from "~/ui/community/post-parts";
import { useCommunityError } from "~/ui/community/use-community-error";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "community:titles.profile");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const profile = await getCommunityProfile(actor);
  return { profile, isTeam: actor.kind === "staff" };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const parsed = parseForm(ProfileSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await updateCommunityProfile(actor, parsed.data);
  if (!result.ok)
    return data(
      { fieldErrors: { handle: result.error } as Record<string, string> },
      { status: ERROR_STATUS[result.error] },
    );
  return redirectWithNotice("/community/profile", serverT(actor.locale)("community:profile.saved"));
}

export default function CommunityProfile() {
  const { t } = useTranslation("community");
  const { profile, isTeam } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const error = useCommunityError();
  const fields = result?.fieldErrors as Record<string, string | undefined> | undefined;
  const handleError = fields?.handle === "handle_taken" ? error("handle_taken") : error.field(fields?.handle);
  return (
    <>
      <PageHeader title={t("profile.title")} description={t("profile.description")} />
      <div className="max-w-2xl space-y-6">
        <Card title={t("profile.preview")}>
          <AuthorLine
            author={{
              name: profile.displayName,
              title: profile.title,
              company: profile.showCompany ? profile.companyName : null,
              isTeam,
            }}
          />
        </Card>
        <Card title={t("profile.title")}>
          <Form method="post" className="space-y-4" noValidate>
            <TextField
              label={t("profile.displayName")}
              name="displayName"
              defaultValue={profile.displayName}
              hint={t("profile.displayNameHint")}
              required
              error={error.field(fields?.displayName)}
            />
            <TextField
              label={t("profile.handle")}
              name="handle"
              defaultValue={profile.handle}
              hint={t("profile.handleHint", { handle: profile.handle })}
              required
              error={handleError}
              autoComplete="off"
            />
            <TextField
              label={t("profile.jobTitle")}
              name="title"
              defaultValue={profile.title}
              error={error.field(fields?.title)}
            />
            {profile.companyName ? (
              <CheckboxField
                name="showCompany"
                defaultChecked={profile.showCompany}
                label={t("profile.showCompany", { company: profile.companyName })}
                hint={t("profile.showCompanyHint")}
              />
            ) : null}
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">{t("profile.emailHeading")}</legend>
              <CheckboxField
                name="emailOnReply"
                defaultChecked={profile.emailOnReply}
                label={t("profile.emailOnReply")}
              />
              <CheckboxField
                name="emailOnAccepted"
                defaultChecked={profile.emailOnAccepted}
                label={t("profile.emailOnAccepted")}
              />
              <CheckboxField
                name="emailOnMention"
                defaultChecked={profile.emailOnMention}
                label={t("profile.emailOnMention")}
              />
              <p className="text-xs text-slate-500">{t("profile.emailHint")}</p>
            </fieldset>
            <Button disabled={navigation.state === "submitting"}>{t("profile.submit")}</Button>
          </Form>
        </Card>
      </div>
    </>
  );
}
