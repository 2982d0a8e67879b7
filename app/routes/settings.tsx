import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { listConsentsFor } from "~/domain/advocacy/consents.server";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Actor } from "~/domain/auth/actor";
import { requireActor } from "~/domain/auth/guards.server";
import { startSession } from "~/domain/auth/sessions.server";
import { changePassword } from "~/domain/auth/sign-in.server";
import { NewPasswordSchema, PersonNameSchema } from "~/domain/auth/validation";
import { getProfile, updateProfile } from "~/domain/people/profile.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { type FieldErrorCodes, parseForm } from "~/lib/forms";
import { notFound } from "~/lib/http.server";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink } from "~/ui/button";
import { TextField } from "~/ui/field";
import { Card, Facts, PageHeader } from "~/ui/layout";
import { useFieldError } from "~/ui/use-field-error";
import { useResetAfterSuccess } from "~/ui/use-reset-after-success";
import { ConsentList } from "~/ui/advocacy/consent-list";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.settings");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const profile = await getProfile(actor.id);
  if (!profile) notFound();
  const consents = actor.kind === "customer" ? await listConsentsFor(actor) : null;
  return { profile, role: actor.kind === "staff" ? actor.staffRole : actor.accountRole, consents };
}

const ProfileSchema = z.object({
  name: PersonNameSchema,
  title: z.string().trim().max(120, "field.tooLong").default(""),
});
const PasswordSchema = z.object({
  currentPassword: z.string().max(200, "password.tooLong").default(""),
  newPassword: NewPasswordSchema,
});

type ActionResult = {
  intent: "profile" | "password";
  fieldErrors: FieldErrorCodes;
  currentPasswordError?: "currentRequired" | "wrongCurrent";
};

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  if (form.get("intent") === "password") return savePassword(actor, form);

  const parsed = parseForm(ProfileSchema, form);
  if (!parsed.ok) return data<ActionResult>({ intent: "profile", fieldErrors: parsed.fieldErrors }, { status: 400 });
  await updateProfile(actor.id, parsed.data);
  return redirectWithNotice("/settings", serverT(actor.locale)("settings:profile.saved"));
}

async function savePassword(actor: Actor, form: FormData) {
  const parsed = parseForm(PasswordSchema, form);
  if (!parsed.ok) return data<ActionResult>({ intent: "password", fieldErrors: parsed.fieldErrors }, { status: 400 });
  const { currentPassword, newPassword } = parsed.data;
  const hadPassword = (await getProfile(actor.id))?.hasPassword ?? false;
  if (hadPassword && !currentPassword) {
    return data<ActionResult>(
      { intent: "password", fieldErrors: {}, currentPasswordError: "currentRequired" },
      { status: 400 },
    );
  }
  if (!(await changePassword(actor.id, currentPassword, newPassword))) {
    return data<ActionResult>(
      { intent: "password", fieldErrors: {}, currentPasswordError: "wrongCurrent" },
      { status: 400 },
    );
  }
  // changePassword ended every session, this one included; this browser gets a fresh one.
  const cookie = await startSession(actor.id);
  const t = serverT(actor.locale);
  return redirectWithNotice(
    "/settings",
    hadPassword ? t("settings:password.changed") : t("settings:password.setDone"),
    {
      headers: { "Set-Cookie": cookie },
    },
  );
}

export default function Settings() {
  const { t } = useTranslation(["settings", "common"]);
  const fieldError = useFieldError();
  const { profile, role, consents } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const accountName = useRootData()?.user?.accountName ?? null;
  const busy = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const profileErrors = result?.intent === "profile" ? result.fieldErrors : undefined;
  const passwordResult = result?.intent === "password" ? result : undefined;
  const passwordFormRef = useResetAfterSuccess("password", result);

  return (
    <>
      <PageHeader title={t("page.title")} description={t("page.description")} />
      <div className="max-w-2xl space-y-6">
        <Card title={t("profile.heading")}>
          <div className="space-y-5">
            <Facts
              items={[
                { label: t("profile.email"), value: <span className="break-all">{profile.email}</span> },
                { label: t("profile.role"), value: t(`common:roles.${role}`) },
                { label: t("profile.account"), value: accountName ?? t("profile.vendorTeam") },
              ]}
            />
            <Form method="post" className="space-y-4" noValidate>
              <input type="hidden" name="intent" value="profile" />
              <TextField
                label={t("profile.name")}
                name="name"
                autoComplete="name"
                defaultValue={profile.name}
                required
                error={fieldError(profileErrors?.name)}
              />
              <TextField
                label={t("profile.title")}
                name="title"
                autoComplete="organization-title"
                defaultValue={profile.title}
                hint={t("profile.titleHint")}
                error={fieldError(profileErrors?.title)}
              />
              <Button disabled={busy === "profile"}>{t("profile.submit")}</Button>
            </Form>
          </div>
        </Card>

        <Card title={t("password.heading")}>
          <Form method="post" ref={passwordFormRef} className="space-y-4" noValidate>
            <p className="text-sm text-slate-600">
              {profile.hasPassword ? t("password.changeIntro") : t("password.setIntro")}
            </p>
            <input type="hidden" name="intent" value="password" />
            <input type="hidden" name="username" autoComplete="username" value={profile.email} />
            {profile.hasPassword ? (
              <TextField
                label={t("password.current")}
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                required
                error={
                  passwordResult?.currentPasswordError
                    ? t(`password.${passwordResult.currentPasswordError}`)
                    : fieldError(passwordResult?.fieldErrors.currentPassword)
                }
              />
            ) : null}
            <TextField
              label={t("password.new")}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              hint={t("password.newHint")}
              required
              error={fieldError(passwordResult?.fieldErrors.newPassword)}
            />
            <Button disabled={busy === "password"}>
              {profile.hasPassword ? t("password.change") : t("password.set")}
            </Button>
          </Form>
        </Card>

        <Card title={t("community.heading")}>
          <div className="space-y-3">
            <p className="text-sm text-slate-600">{t("community.intro")}</p>
            <ButtonLink to="/community/profile" variant="secondary">
              {t("community.link")}
            </ButtonLink>
          </div>
        </Card>
        {consents ? (
          <ConsentList
            consents={consents}
            busy={
              navigation.state === "submitting" && navigation.formAction?.startsWith("/settings/consents/") === true
            }
          />
        ) : null}

        <Card title={t("sessions.heading")}>
          <Form method="post" action="/logout" className="space-y-3">
            <p className="text-sm text-slate-600">{t("sessions.intro")}</p>
            <input type="hidden" name="everywhere" value="1" />
            <Button variant="danger">{t("sessions.submit")}</Button>
          </Form>
        </Card>
      </div>
    </>
  );
}
