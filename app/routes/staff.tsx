import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, FormSelectField, FormTextField, formProps, useReplyMessage } from "~/ui/form";
import { z } from "zod";
import type { StaffRole } from "~db/schema";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { EmailSchema } from "~/domain/auth/validation";
import { INVITATION_LIFETIME_DAYS, invite, listPendingInvitations } from "~/domain/people/invitations.server";
import { listStaffPage } from "~/domain/people/staff.server";
import { cursorParam } from "~/lib/pagination";
import { Pager } from "~/ui/pager";
import { serverT } from "~/i18n";
import { localeNames, supportedLocales } from "~/i18n/locales";
import { InviteeLocaleSchema } from "~/lib/locale-field";
import { redirectWithNotice } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { textField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { requestOrigin } from "~/lib/http.server";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { CompactSelect } from "~/ui/compact-select";
import { ConfirmAction } from "~/ui/confirm-action";
import { Badge, Card, EmptyState, PageHeader } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";
import { usePendingIntent } from "~/ui/use-pending-intent";
import { useResetAfterSuccess } from "~/ui/use-reset-after-success";
import type { action as memberAction } from "./staff.$userId";
import type { action as invitationAction } from "./staff.invitations.$invitationId";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.vendorTeam");

const STAFF_ROLES = ["admin", "csm", "marketing"] as const satisfies readonly StaffRole[];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "staff.manage");
  const search = new URL(request.url).searchParams;
  const cursor = cursorParam.parse(search.get("cursor") ?? undefined);
  const invitationCursor = cursorParam.parse(search.get("invitations") ?? undefined);
  const [{ rows: staff, page }, { rows: invitations, page: invitationPage }] = await Promise.all([
    listStaffPage({ cursor }),
    listPendingInvitations(null, { cursor: invitationCursor }),
  ]);
  return {
    viewer: { id: actor.id, timeZone: actor.timeZone },
    staff,
    page,
    invitationPage,
    invitations: invitations.map(({ id, email, staffRole, expiresAt }) => ({ id, email, staffRole, expiresAt })),
    invitationDays: INVITATION_LIFETIME_DAYS,
  };
}

const InviteSchema = z.object({
  email: EmailSchema,
  name: textField({ max: 120, tooLong: "name.tooLong" }),
  role: z.enum(STAFF_ROLES, { errorMap: () => ({ message: "role.invalid" }) }),
  locale: InviteeLocaleSchema,
});

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "staff.manage");
  const parsed = await readSubmission(request, InviteSchema);
  if (!parsed.ok) return parsed.answer;
  const { email, name, role, locale } = parsed.data;
  const result = await invite({
    actor,
    email,
    name: name || undefined,
    locale,
    target: { kind: "staff", staffRole: role },
    origin: requestOrigin(request),
  });
  if (!result.ok) return refuse(parsed.submission, "staffInvite", result.error, "email");
  return redirectWithNotice("/staff", serverT(actor.locale)("staff:notices.invitationSent", { email }));
}

type Member = ReturnType<typeof useLoaderData<typeof loader>>["staff"][number];
type Invitation = ReturnType<typeof useLoaderData<typeof loader>>["invitations"][number];

export default function StaffPage() {
  const { t } = useTranslation(["staff", "common"]);
  const { viewer, staff, page, invitations, invitationPage, invitationDays } = useLoaderData<typeof loader>();
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const when = (value: Date | string) => formatDateTime(value, locale, viewer.timeZone);

  return (
    <>
      <PageHeader title={t("page.title")} description={t("page.description", { vendor: root?.vendorName ?? "" })} />
      <div className="space-y-8">
        <section aria-labelledby="members-heading" className="space-y-3">
          <div className="flex items-baseline justify-between gap-2">
            <h2 id="members-heading" className="text-base font-semibold text-slate-900">
              {t("members.heading")}
            </h2>
            <p className="text-sm text-slate-500">{t("members.count", { count: page.total ?? staff.length })}</p>
          </div>
          <Table
            caption={t("members.caption")}
            head={[
              t("members.person"),
              t("members.role"),
              t("members.lastSignIn"),
              t("members.status"),
              t("members.actions"),
            ]}
          >
            {staff.map((member) => (
              <tr key={member.id}>
                <Cell className="whitespace-normal">
                  <div className="flex items-center gap-2 font-medium text-slate-900">
                    {member.name}
                    {member.id === viewer.id ? <Badge tone="brand">{t("members.you")}</Badge> : null}
                  </div>
                  {member.title ? <div className="text-slate-600">{member.title}</div> : null}
                  <div className="break-all text-slate-500">{member.email}</div>
                </Cell>
                <Cell>{member.staffRole ? <Badge>{t(`common:roles.${member.staffRole}`)}</Badge> : null}</Cell>
                <Cell>{member.lastSignInAt ? when(member.lastSignInAt) : t("members.never")}</Cell>
                <Cell>
                  {member.deactivatedAt ? (
                    <Badge tone="red">{t("members.deactivated")}</Badge>
                  ) : (
                    <Badge tone="green">{t("members.active")}</Badge>
                  )}
                </Cell>
                <Cell className="min-w-72 whitespace-normal">
                  <div className="space-y-2">
                    {member.id === viewer.id ? null : <MemberActions member={member} />}
                    <ContactEditor member={member} />
                  </div>
                </Cell>
              </tr>
            ))}
          </Table>
          <Pager label={t("members.heading")} page={page} />
        </section>

        <div className="grid gap-8 lg:grid-cols-3">
          <section aria-labelledby="invitations-heading" className="min-w-0 space-y-3 lg:col-span-2">
            <h2 id="invitations-heading" className="text-base font-semibold text-slate-900">
              {t("invitations.heading")}
            </h2>
            {invitations.length === 0 ? (
              <EmptyState title={t("invitations.emptyTitle")}>{t("invitations.emptyBody")}</EmptyState>
            ) : (
              <Table
                caption={t("invitations.caption")}
                head={[
                  t("invitations.email"),
                  t("invitations.role"),
                  t("invitations.expires"),
                  t("invitations.actions"),
                ]}
              >
                {invitations.map((invitation) => (
                  <InvitationRow key={invitation.id} invitation={invitation} expires={when(invitation.expiresAt)} />
                ))}
              </Table>
            )}
            <Pager label={t("invitations.heading")} page={invitationPage} param="invitations" />
          </section>
          <div className="min-w-0">
            <Card title={t("invite.heading")}>
              <InviteForm days={invitationDays} />
            </Card>
          </div>
        </div>
      </div>
    </>
  );
}

function InviteForm({ days }: { days: number }) {
  const { t } = useTranslation(["staff", "common"]);
  const result = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: result?.form });
  const sending = usePendingIntent() === "invite";
  const formRef = useResetAfterSuccess("invite", result);

  return (
    <Form method="post" ref={formRef} className="space-y-4" {...formProps(form)}>
      <p className="text-sm text-slate-600">{t("invite.intro", { days })}</p>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="invite" />
      <FormTextField meta={fields.email} label={t("invite.email")} type="email" autoComplete="off" required />
      <FormTextField meta={fields.name} label={t("invite.name")} autoComplete="off" />
      <FormSelectField
        meta={fields.role}
        label={t("invite.role")}
        defaultValue="csm"
        options={STAFF_ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
      />
      <FormSelectField
        meta={fields.locale}
        label={t("invite.language")}
        defaultValue=""
        options={[
          { value: "", label: t("invite.languageAuto") },
          ...supportedLocales.map((locale) => ({ value: locale, label: localeNames[locale] })),
        ]}
      />
      <Button className="w-full" disabled={sending}>
        {t("invite.submit")}
      </Button>
    </Form>
  );
}

/** Role change and deactivate/reactivate for one teammate; errors show in the row, next to the controls. */
function MemberActions({ member }: { member: Member }) {
  const { t } = useTranslation(["staff", "common"]);
  const fetcher = useFetcher<typeof memberAction>();
  const busy = fetcher.state !== "idle";
  const action = `/staff/${member.id}`;
  const error = useReplyMessage(fetcher.data);
  return (
    <div className="space-y-2">
      {member.deactivatedAt ? (
        <fetcher.Form method="post" action={action}>
          <input type="hidden" name="intent" value="reactivate" />
          <Button
            variant="secondary"
            className="py-1.5"
            disabled={busy}
            aria-label={t("members.reactivateFor", { name: member.name })}
          >
            {t("members.reactivate")}
          </Button>
        </fetcher.Form>
      ) : (
        <div className="flex flex-wrap items-start gap-2">
          {/* `contents`: the select and its button wrap with the other actions when the column is narrow. */}
          <fetcher.Form method="post" action={action} className="contents">
            <input type="hidden" name="intent" value="role" />
            <CompactSelect
              label={t("members.roleFor", { name: member.name })}
              name="role"
              defaultValue={member.staffRole ?? "csm"}
              options={STAFF_ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
            />
            <Button
              variant="secondary"
              className="py-1.5"
              disabled={busy}
              aria-label={t("members.changeRoleFor", { name: member.name })}
            >
              {t("members.changeRole")}
            </Button>
          </fetcher.Form>
          <ConfirmAction
            id={member.id}
            Form={fetcher.Form}
            action={action}
            fields={{ intent: "deactivate" }}
            label={t("members.deactivate")}
            accessibleLabel={t("members.deactivateFor", { name: member.name })}
            prompt={t("members.confirmDeactivate", { name: member.name })}
            confirmLabel={t("members.confirmYes")}
            cancelLabel={t("common:actions.cancel")}
            busy={busy}
          />
        </div>
      )}
      {error ? (
        <p role="alert" className="max-w-sm whitespace-normal text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A teammate's title and meeting link, shown to their customers on the "Your CSM" card. */
function ContactEditor({ member }: { member: Member }) {
  const { t } = useTranslation(["staff", "common"]);
  const fetcher = useFetcher<typeof memberAction>();
  const reply = fetcher.data && "form" in fetcher.data ? fetcher.data.form : undefined;
  const [form, fields] = useForm({ id: `contact-${member.id}`, lastResult: reply });
  return (
    <details className="group" open={reply?.status === "error" ? true : undefined}>
      <summary
        className="cursor-pointer text-sm font-medium text-brand-700 hover:underline"
        aria-label={t("members.contactFor", { name: member.name })}
      >
        {t("members.contact")}
      </summary>
      <fetcher.Form method="post" action={`/staff/${member.id}`} className="mt-2 space-y-3" {...formProps(form)}>
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="contact" />
        <FormTextField meta={fields.title} label={t("members.title")} defaultValue={member.title} autoComplete="off" />
        <FormTextField
          meta={fields.meetingUrl}
          label={t("members.meetingUrl")}
          type="url"
          inputMode="url"
          autoComplete="off"
          defaultValue={member.meetingUrl ?? ""}
          hint={t("members.meetingUrlHint")}
        />
        <Button variant="secondary" className="py-1.5" disabled={fetcher.state !== "idle"}>
          {t("members.saveContact")}
        </Button>
      </fetcher.Form>
    </details>
  );
}

function InvitationRow({ invitation, expires }: { invitation: Invitation; expires: string }) {
  const { t } = useTranslation(["staff", "common"]);
  const fetcher = useFetcher<typeof invitationAction>();
  const error = useReplyMessage(fetcher.data);
  return (
    <tr className="align-top">
      {/* An address can be long (up to 254 characters): it wraps anywhere rather than widen the table. */}
      <Cell className="whitespace-normal break-all font-medium text-slate-900">{invitation.email}</Cell>
      <Cell>{invitation.staffRole ? <Badge>{t(`common:roles.${invitation.staffRole}`)}</Badge> : null}</Cell>
      <Cell>{expires}</Cell>
      <Cell>
        <fetcher.Form method="post" action={`/staff/invitations/${invitation.id}`}>
          <Button
            variant="danger"
            className="py-1.5"
            disabled={fetcher.state !== "idle"}
            aria-label={t("invitations.withdrawFor", { email: invitation.email })}
          >
            {t("invitations.withdraw")}
          </Button>
        </fetcher.Form>
        {error ? (
          <p role="alert" className="mt-2 max-w-xs whitespace-normal text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </Cell>
    </tr>
  );
}
