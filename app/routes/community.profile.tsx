import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { getCommunityProfile, updateCommunityProfile } from "~/domain/community/profiles.server";
import { ProfileSchema } from "~/domain/community/schemas";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { readSubmission, refuse } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { Button } from "~/ui/button";
import { AuthorLine } from "~/ui/community/post-parts";
import { FormCheckboxField, FormTextField, formProps, useFormReply } from "~/ui/form";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "community:titles.profile");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const profile = await getCommunityProfile(actor);
  return { profile, isTeam: actor.kind === "staff" };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const parsed = await readSubmission(request, ProfileSchema);
  if (!parsed.ok) return parsed.answer;
  const result = await updateCommunityProfile(actor, parsed.data);
  if (!result.ok) return refuse(parsed.submission, "community", result.error, "handle");
  return redirectWithNotice("/community/profile", serverT(actor.locale)("community:profile.saved"));
}

export default function CommunityProfile() {
  const { t } = useTranslation("community");
  const { profile, isTeam } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({ lastResult: useFormReply(result?.form) });
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
          <Form method="post" className="space-y-4" {...formProps(form)}>
            <FormTextField
              meta={fields.displayName}
              label={t("profile.displayName")}
              defaultValue={profile.displayName}
              hint={t("profile.displayNameHint")}
              required
              maxLength={60}
            />
            <FormTextField
              meta={fields.handle}
              label={t("profile.handle")}
              defaultValue={profile.handle}
              hint={t("profile.handleHint", { handle: profile.handle })}
              required
              maxLength={40}
              autoComplete="off"
            />
            <FormTextField
              meta={fields.title}
              label={t("profile.jobTitle")}
              defaultValue={profile.title}
              maxLength={80}
            />
            {profile.companyName ? (
              <FormCheckboxField
                meta={fields.showCompany}
                defaultChecked={profile.showCompany}
                label={t("profile.showCompany", { company: profile.companyName })}
                hint={t("profile.showCompanyHint")}
              />
            ) : null}
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">{t("profile.emailHeading")}</legend>
              <FormCheckboxField
                meta={fields.emailOnReply}
                defaultChecked={profile.emailOnReply}
                label={t("profile.emailOnReply")}
              />
              <FormCheckboxField
                meta={fields.emailOnAccepted}
                defaultChecked={profile.emailOnAccepted}
                label={t("profile.emailOnAccepted")}
              />
              <FormCheckboxField
                meta={fields.emailOnMention}
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
