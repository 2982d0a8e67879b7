import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { canOnAccount } from "~/domain/auth/authorization";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { EmailSchema, PersonNameSchema } from "~/domain/auth/validation";
import { invite, listPendingInvitations } from "~/domain/people/invitations.server";
import { activeMembersExcept, listMembersPage } from "~/domain/people/members.server";
import { seatsLeft } from "~/domain/people/rules";
import { getTeamAdoption } from "~/domain/telemetry/usage.server";
import { serverT } from "~/i18n";
import { localeNames, supportedLocales } from "~/i18n/locales";
import { InviteeLocaleSchema } from "~/lib/locale-field";
import { redirectWithNotice } from "~/lib/flash.server";
import { cursorParam } from "~/lib/pagination";
import { readSubmission, refuse } from "~/lib/forms.server";
import { requestOrigin } from "~/lib/http.server";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { FormErrors, FormSelectField, FormTextField, formProps, useFormReply } from "~/ui/form";
import { Alert, Card, EmptyState, PageHeader } from "~/ui/layout";
import { Pager } from "~/ui/pager";
import { Table } from "~/ui/table";
import { TeamAdoptionCard } from "~/ui/telemetry/team-adoption";
import { InvitationRow, MemberRow } from "./rows";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  const canManage = canOnAccount(actor, "people.manage", account.id);
  // Staff have the full Usage tab; the champion gets their own team's summary here.
  const showAdoption = actor.kind === "customer" && canOnAccount(actor, "usage.team", account.id);
  const search = new URL(request.url).searchParams;
  const invitationCursor = cursorParam.parse(search.get("invitations") ?? undefined);
  const peopleCursor = cursorParam.parse(search.get("people") ?? undefined);
  const [{ rows: members, page: memberPage }, { rows: invitations, page: invitationPage }, usage] = await Promise.all([
    listMembersPage(account.id, { cursor: peopleCursor }),
    canManage
      ? listPendingInvitations(account.id, { cursor: invitationCursor })
      : Promise.resolve({ rows: [], page: null }),
    showAdoption ? getTeamAdoption(account) : Promise.resolve(null),
  ]);
  const notActive = usage ? await activeMembersExcept(account.id, usage.activePersonIds) : null;
  return {
    account: {
      id: account.id,
      name: account.name,
      timeZone: account.timeZone,
      licensedSeats: account.licensedSeats,
      seatsUsed: account.activePeople + account.pendingInvitations,
      seatsLeft: seatsLeft(account.licensedSeats, account.activePeople, account.pendingInvitations),
    },
    viewerId: actor.id,
    isStaff: actor.kind === "staff",
    canManage,
    members: members.map((m) => ({
      ...m,
      deactivatedAt: m.deactivatedAt?.toISOString() ?? null,
      lastSignInAt: m.lastSignInAt?.toISOString() ?? null,
      // Customers see their colleagues' names and roles; email addresses only when they manage the team.
      email: canManage ? m.email : null,
    })),
    adoption: usage && {
      activePeople: usage.activePeople,
      licensedSeats: usage.licensedSeats,
      activeNames: usage.activeNames,
      unlinkedActive: usage.unlinkedActive,
      notActiveNames: notActive?.names ?? [],
      notActiveMore: Math.max(0, (notActive?.total ?? 0) - (notActive?.names.length ?? 0)),
      features: usage.features.map((feature) => ({ name: feature.name, people: feature.people })),
      featuresInUse: usage.featuresInUse,
    },
    memberPage,
    invitationPage,
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      accountRole: i.accountRole,
      expiresAt: i.expiresAt.toISOString(),
    })),
  };
}

const InviteSchema = z.object({
  email: EmailSchema,
  name: z.preprocess((v) => (v === "" ? undefined : v), PersonNameSchema.optional()),
  role: z.enum(["champion", "member"], { message: "role.invalid" }),
  locale: InviteeLocaleSchema,
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "people.manage");
  const parsed = await readSubmission(request, InviteSchema);
  if (!parsed.ok) return parsed.answer;
  const result = await invite({
    actor,
    email: parsed.data.email,
    name: parsed.data.name,
    locale: parsed.data.locale,
    target: { kind: "account", accountId: account.id, accountRole: parsed.data.role },
    origin: requestOrigin(request),
  });
  if (!result.ok) return refuse(parsed.submission, "accountInvite", result.error, "email");
  const t = serverT(actor.locale);
  return redirectWithNotice(`/accounts/${account.id}/people`, t("people:team.invited", { email: parsed.data.email }));
}

export default function People() {
  const { t } = useTranslation(["people", "common"]);
  const { account, viewerId, isStaff, canManage, members, memberPage, invitations, invitationPage, adoption } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const locale = useRootData()?.locale ?? "en";
  const [form, fields] = useForm({ lastResult: useFormReply(result?.form) });

  return (
    <div className="space-y-6">
      {isStaff ? null : (
        <PageHeader title={t("team.title")} description={t("team.description", { account: account.name })} />
      )}
      <p className="text-sm text-slate-600">
        {t("team.seats", { used: account.seatsUsed, licensed: account.licensedSeats })}
        {canManage ? <span className="block text-xs text-slate-500">{t("team.seatsHint")}</span> : null}
      </p>
      {members.length === 0 ? (
        <EmptyState title={t("team.emptyTitle")}>{t("team.emptyBody")}</EmptyState>
      ) : (
        <Table
          caption={t("team.title")}
          head={[
            t("team.columns.name"),
            t("team.columns.role"),
            t("team.columns.lastSignIn"),
            t("team.columns.status"),
            ...(canManage ? [t("team.columns.actions")] : []),
          ]}
        >
          {members.map((member) => (
            <MemberRow
              key={member.id}
              accountId={account.id}
              member={member}
              isViewer={member.id === viewerId}
              canManage={canManage}
              locale={locale}
              timeZone={account.timeZone}
            />
          ))}
        </Table>
      )}
      <Pager label={t("team.title")} page={memberPage} param="people" />

      {adoption ? <TeamAdoptionCard adoption={adoption} /> : null}

      {canManage ? (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card id="invite" className="scroll-mt-20" title={t("team.inviteTitle")}>
            <p className="mb-4 text-sm text-slate-600">{t("team.inviteHelp")}</p>
            {account.seatsLeft === 0 ? (
              <div className="mb-4">
                <Alert tone="info">{t("team.errors.seats_full")}</Alert>
              </div>
            ) : null}
            <FormErrors form={form} />
            <Form method="post" className="space-y-3" {...formProps(form)}>
              <FormTextField meta={fields.email} label={t("team.email")} type="email" autoComplete="off" required />
              <FormTextField meta={fields.name} label={t("team.name")} autoComplete="off" />
              <FormSelectField
                meta={fields.role}
                label={t("team.role")}
                defaultValue="member"
                options={[
                  { value: "member", label: t("common:roles.member") },
                  { value: "champion", label: t("common:roles.champion") },
                ]}
              />
              <FormSelectField
                meta={fields.locale}
                label={t("team.language")}
                defaultValue=""
                options={[
                  { value: "", label: t("team.languageAuto") },
                  ...supportedLocales.map((locale) => ({ value: locale, label: localeNames[locale] })),
                ]}
              />
              <Button disabled={submitting}>{t("team.sendInvite")}</Button>
            </Form>
          </Card>
          <Card title={t("team.pendingTitle")}>
            {invitations.length === 0 ? (
              <p className="text-sm text-slate-600">{t("team.pendingEmpty")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {invitations.map((invitation) => (
                  <InvitationRow
                    key={invitation.id}
                    accountId={account.id}
                    invitation={invitation}
                    locale={locale}
                    timeZone={account.timeZone}
                  />
                ))}
              </ul>
            )}
            {invitationPage ? <Pager label={t("team.pendingTitle")} page={invitationPage} param="invitations" /> : null}
          </Card>
        </div>
      ) : null}
    </div>
  );
}
