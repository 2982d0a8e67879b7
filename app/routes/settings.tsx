import { useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { listConsentsFor } from "~/domain/advocacy/consents.server";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Actor } from "~/domain/auth/actor";
import { getActiveCalendarFeed, resetCalendarFeed, revokeCalendarFeed } from "~/domain/auth/calendar-feeds.server";
import { requireActor } from "~/domain/auth/guards.server";
import { startSession } from "~/domain/auth/sessions.server";
import { changePassword } from "~/domain/auth/sign-in.server";
import { NewPasswordSchema, PersonNameSchema } from "~/domain/auth/validation";
import { getProfile, setLocale, updateProfile } from "~/domain/people/profile.server";
import { MeetingUrlSchema, TitleSchema } from "~/domain/people/profile-schemas";
import { serverT } from "~/i18n";
import { localeNames, supportedLocales } from "~/i18n/locales";
import { localeCookie } from "~/lib/locale.server";
import { redirectWithNotice } from "~/lib/flash.server";
import { redirectRevealing, takeRevealed } from "~/lib/reveal-once.server";
import { type FormSubmission, parseSubmission, replyFor } from "~/lib/forms";
import { invalidForm, readSubmission } from "~/lib/forms.server";
import { formatDateTime } from "~/lib/format";
import { notFound, requestOrigin } from "~/lib/http.server";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink, SubmitButton } from "~/ui/button";
import { FormSelectField, FormTextField, formProps } from "~/ui/form";
import { Card, Facts, PageHeader } from "~/ui/layout";
import { usePendingIntent } from "~/ui/use-pending-intent";
import { useResetAfterSuccess } from "~/ui/use-reset-after-success";
import { ConsentList } from "~/ui/advocacy/consent-list";
import { CalendarFeedCard } from "~/ui/settings/calendar-feed-card";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.settings");

const CALENDAR_REVEAL = "calendar-url";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const profile = await getProfile(actor.id);
  if (!profile) notFound();
  const consents = actor.kind === "customer" ? await listConsentsFor(actor) : null;
  const feed = await getActiveCalendarFeed(actor);
  const calendarFeed = feed && {
    createdAt: formatDateTime(feed.createdAt, actor.locale, actor.timeZone),
    lastUsedAt: feed.lastUsedAt ? formatDateTime(feed.lastUsedAt, actor.locale, actor.timeZone) : null,
  };
  const { value: newCalendarUrl, headers } = await takeRevealed(request, CALENDAR_REVEAL);
  return data(
    {
      profile,
      role: actor.kind === "staff" ? actor.staffRole : actor.accountRole,
      isStaff: actor.kind === "staff",
      consents,
      calendarFeed,
      newCalendarUrl,
    },
    { headers },
  );
}

const SettingsSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("profile"),
    name: PersonNameSchema,
    title: TitleSchema,
    // Staff only (customers have no such field): what their customers' "Your CSM" card links to.
    meetingUrl: MeetingUrlSchema,
  }),
  z.object({
    intent: z.literal("language"),
    locale: z.enum(supportedLocales),
  }),
  z.object({
    intent: z.literal("password"),
    currentPassword: z.string().max(200, "password.tooLong").default(""),
    newPassword: NewPasswordSchema,
  }),
  z.object({ intent: z.literal("calendar-reset") }),
  z.object({ intent: z.literal("calendar-revoke") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const parsed = await readSubmission(request, SettingsSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  if (input.intent === "password") return savePassword(actor, parsed.submission, input);
  if (input.intent === "calendar-reset") {
    // Only the token's hash is kept, so the next page load is the one place the full URL is
    // shown; a lost URL is replaced with "Reset link".
    const token = await resetCalendarFeed(actor);
    return redirectRevealing("/settings", CALENDAR_REVEAL, `${requestOrigin(request)}/calendar/${token}.ics`);
  }
  if (input.intent === "calendar-revoke") {
    await revokeCalendarFeed(actor);
    return redirectWithNotice("/settings", serverT(actor.locale)("settings:calendar.revoked"));
  }
  if (input.intent === "language") {
    await setLocale(actor.id, input.locale);
    // The notice is in the language just chosen; the cookie keeps it after signing out.
    return redirectWithNotice("/settings", serverT(input.locale)("settings:language.saved"), {
      headers: { "Set-Cookie": localeCookie(input.locale) },
    });
  }
  await updateProfile(actor.id, {
    name: input.name,
    title: input.title,
    meetingUrl: actor.kind === "staff" ? input.meetingUrl : undefined,
  });
  return redirectWithNotice("/settings", serverT(actor.locale)("settings:profile.saved"));
}

async function savePassword(
  actor: Actor,
  submission: FormSubmission<unknown>,
  { currentPassword, newPassword }: { currentPassword: string; newPassword: string },
) {
  const hadPassword = (await getProfile(actor.id))?.hasPassword ?? false;
  if (hadPassword && !currentPassword) {
    return invalidForm(submission, { fieldErrors: { currentPassword: ["settings:password.currentRequired"] } });
  }
  if (!(await changePassword(actor.id, currentPassword, newPassword))) {
    return invalidForm(submission, { fieldErrors: { currentPassword: ["settings:password.wrongCurrent"] } });
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
  const { profile, role, isStaff, consents, calendarFeed, newCalendarUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const accountName = useRootData()?.user?.accountName ?? null;
  const busy = usePendingIntent();
  const [profileForm, profileFields] = useForm({
    id: "profile",
    lastResult: replyFor(result, "profile"),
    onValidate: ({ formData }) => parseSubmission(formData, SettingsSchema),
    shouldRevalidate: "onInput",
  });
  const [languageForm, languageFields] = useForm({
    id: "language",
    lastResult: replyFor(result, "language"),
    onValidate: ({ formData }) => parseSubmission(formData, SettingsSchema),
  });
  const [passwordForm, passwordFields] = useForm({ id: "password", lastResult: replyFor(result, "password") });
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
            <Form method="post" className="space-y-4" {...formProps(profileForm)}>
              <input type="hidden" name="intent" value="profile" />
              <FormTextField
                meta={profileFields.name}
                label={t("profile.name")}
                autoComplete="name"
                defaultValue={profile.name}
                required
              />
              <FormTextField
                meta={profileFields.title}
                label={t("profile.title")}
                autoComplete="organization-title"
                defaultValue={profile.title}
                hint={isStaff ? t("profile.staffTitleHint") : t("profile.titleHint")}
              />
              {isStaff ? (
                <FormTextField
                  meta={profileFields.meetingUrl}
                  label={t("profile.meetingUrl")}
                  type="url"
                  inputMode="url"
                  autoComplete="url"
                  defaultValue={profile.meetingUrl ?? ""}
                  hint={t("profile.meetingUrlHint")}
                />
              ) : null}
              <SubmitButton pendingLabel={t("common:actions.saving")}>{t("profile.submit")}</SubmitButton>
            </Form>
          </div>
        </Card>

        <Card title={t("language.heading")}>
          {/* A full-page post: the next page loads the chosen language's strings (app/i18n/bundles.ts). */}
          <Form method="post" reloadDocument className="space-y-4" {...formProps(languageForm)}>
            <p className="text-sm text-slate-600">{t("language.intro")}</p>
            <input type="hidden" name="intent" value="language" />
            <FormSelectField
              meta={languageFields.locale}
              label={t("language.label")}
              defaultValue={profile.locale}
              options={supportedLocales.map((locale) => ({ value: locale, label: localeNames[locale] }))}
            />
            <Button disabled={busy === "language"}>{t("language.submit")}</Button>
          </Form>
        </Card>

        <Card title={t("password.heading")}>
          <Form method="post" ref={passwordFormRef} className="space-y-4" {...formProps(passwordForm)}>
            <p className="text-sm text-slate-600">
              {profile.hasPassword ? t("password.changeIntro") : t("password.setIntro")}
            </p>
            <input type="hidden" name="intent" value="password" />
            <input type="hidden" name="username" autoComplete="username" value={profile.email} />
            {profile.hasPassword ? (
              <FormTextField
                meta={passwordFields.currentPassword}
                label={t("password.current")}
                type="password"
                autoComplete="current-password"
                required
              />
            ) : null}
            <FormTextField
              meta={passwordFields.newPassword}
              label={t("password.new")}
              type="password"
              autoComplete="new-password"
              hint={t("password.newHint")}
              required
            />
            <SubmitButton pendingLabel={t("common:actions.saving")}>
              {profile.hasPassword ? t("password.change") : t("password.set")}
            </SubmitButton>
          </Form>
        </Card>

        <CalendarFeedCard feed={calendarFeed} newUrl={newCalendarUrl} busy={busy?.startsWith("calendar-") ?? false} />

        <Card title={t("notifications.card.heading")}>
          <div className="space-y-3">
            <p className="text-sm text-slate-600">{t("notifications.card.intro")}</p>
            <ButtonLink to="/settings/notifications" variant="secondary">
              {t("notifications.card.link")}
            </ButtonLink>
          </div>
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
            <SubmitButton variant="danger" pendingLabel={t("sessions.pending")}>
              {t("sessions.submit")}
            </SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}
