import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/domain/auth/guards.server";
import { KIND_CHANNELS, NOTIFICATION_KINDS } from "~/domain/mail/channels";
import {
  NotificationPreferencesSchema,
  SUGGESTED_QUIET_HOURS,
  channelFieldName,
} from "~/domain/mail/preference-schema";
import { getNotificationPreferences, saveNotificationPreferences } from "~/domain/mail/preferences.server";
import { formatTimeOfDay } from "~/domain/mail/quiet-hours";
import { DIGEST_DAYS, weekdayName } from "~/domain/mail/digest";
import { useRootData } from "~/lib/root-data";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { parseSubmission } from "~/lib/forms";
import { readSubmission } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { listTimeZones } from "~/lib/time-zones";
import { SubmitButton } from "~/ui/button";
import { FormCheckboxField, FormSelectField, FormTextField, formProps, useFormReply } from "~/ui/form";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "settings:notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const prefs = await getNotificationPreferences(actor.id);
  return {
    email: { champion: prefs.email.champion, digest: prefs.email.digest },
    channels: prefs.channels,
    quietHours: prefs.quietHours
      ? { start: formatTimeOfDay(prefs.quietHours.startMinute), end: formatTimeOfDay(prefs.quietHours.endMinute) }
      : null,
    timeZone: prefs.timeZone,
    timeZones: listTimeZones(),
    digest: prefs.digest,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const parsed = await readSubmission(request, NotificationPreferencesSchema);
  if (!parsed.ok) return parsed.answer;
  await saveNotificationPreferences(actor, parsed.data);
  return redirectWithNotice("/settings/notifications", serverT(actor.locale)("settings:notifications.saved"));
}

export default function NotificationSettings() {
  const { t } = useTranslation(["settings", "common"]);
  const { email, channels, quietHours, timeZone, timeZones, digest } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: useFormReply(result?.form),
    onValidate: ({ formData }) => parseSubmission(formData, NotificationPreferencesSchema),
    shouldValidate: "onSubmit",
  });
  const [quiet, setQuiet] = useState(quietHours !== null);
  return (
    <>
      <PageHeader title={t("notifications.title")} description={t("notifications.description")} />
      <Form method="post" className="max-w-2xl space-y-6" {...formProps(form)}>
        <Card title={t("notifications.channels.heading")}>
          <fieldset className="space-y-4">
            <legend className="mb-2 text-sm text-slate-600">{t("notifications.channels.intro")}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              {NOTIFICATION_KINDS.map((kind) => (
                <FormSelectField
                  key={kind}
                  meta={fields[channelFieldName(kind)]}
                  label={t(`notifications.channels.kinds.${kind}.label`)}
                  hint={t(`notifications.channels.kinds.${kind}.hint`)}
                  defaultValue={channels[kind]}
                  options={KIND_CHANNELS[kind].map((channel) => ({
                    value: channel,
                    label: t(`notifications.channels.options.${channel}`),
                  }))}
                />
              ))}
            </div>
          </fieldset>
        </Card>
        <Card title={t("notifications.kinds.heading")}>
          <fieldset className="space-y-3">
            <legend className="mb-2 text-sm text-slate-600">{t("notifications.kinds.intro")}</legend>
            {(["champion", "digest"] as const).map((kind) => (
              <FormCheckboxField
                key={kind}
                meta={fields[kind]}
                label={t(`notifications.kinds.${kind}.label`)}
                hint={t(`notifications.kinds.${kind}.hint`)}
                defaultChecked={email[kind]}
              />
            ))}
            <p className="text-sm text-slate-600">{t("notifications.kinds.security")}</p>
          </fieldset>
        </Card>
        <Card title={t("notifications.quiet.heading")}>
          <div className="space-y-4">
            <p className="text-sm text-slate-600">{t("notifications.quiet.intro")}</p>
            <FormCheckboxField
              meta={fields.quietHours}
              label={t("notifications.quiet.enabled")}
              defaultChecked={quietHours !== null}
              onChange={(event) => setQuiet(event.currentTarget.checked)}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <FormTextField
                meta={fields.quietStart}
                label={t("notifications.quiet.start")}
                type="time"
                defaultValue={quietHours?.start ?? SUGGESTED_QUIET_HOURS.start}
                disabled={!quiet}
                required={quiet}
              />
              <FormTextField
                meta={fields.quietEnd}
                label={t("notifications.quiet.end")}
                type="time"
                defaultValue={quietHours?.end ?? SUGGESTED_QUIET_HOURS.end}
                disabled={!quiet}
                required={quiet}
              />
            </div>
            <FormSelectField
              meta={fields.timeZone}
              label={t("notifications.quiet.timeZone")}
              hint={t("notifications.quiet.timeZoneHint")}
              defaultValue={timeZone}
              options={timeZones.map((zone) => ({ value: zone, label: zone }))}
            />
          </div>
        </Card>
        <Card title={t("notifications.digestTime.heading")}>
          <div className="space-y-4">
            <p className="text-sm text-slate-600">{t("notifications.digestTime.intro")}</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormSelectField
                meta={fields.digestDay}
                label={t("notifications.digestTime.day")}
                defaultValue={String(digest.day)}
                options={DIGEST_DAYS.map((day) => ({ value: String(day), label: weekdayName(day, locale) }))}
              />
              <FormSelectField
                meta={fields.digestHour}
                label={t("notifications.digestTime.hour")}
                defaultValue={String(digest.hour)}
                options={Array.from({ length: 24 }, (_, hour) => ({
                  value: String(hour),
                  label: formatTimeOfDay(hour * 60),
                }))}
              />
            </div>
          </div>
        </Card>
        <SubmitButton pendingLabel={t("common:actions.saving")}>{t("notifications.submit")}</SubmitButton>
      </Form>
    </>
  );
}
