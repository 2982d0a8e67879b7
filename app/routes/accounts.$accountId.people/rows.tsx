import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatInstantDate } from "~/lib/format";
import { Button } from "~/ui/button";
import { ConfirmAction } from "~/ui/confirm-action";
import { Badge } from "~/ui/layout";
import { Cell } from "~/ui/table";
import { useReplyMessage } from "~/ui/form";
import type { action as memberAction } from "../accounts.$accountId.people_.$userId";
import type { action as invitationAction } from "../accounts.$accountId.invitations.$invitationId";

interface Member {
  id: string;
  name: string;
  email: string | null;
  title: string;
  accountRole: "champion" | "member" | null;
  deactivatedAt: string | null;
  lastSignInAt: string | null;
}

export function MemberRow({
  accountId,
  member,
  isViewer,
  canManage,
  locale,
  timeZone,
}: {
  accountId: string;
  member: Member;
  isViewer: boolean;
  canManage: boolean;
  locale: string;
  timeZone: string;
}) {
  const { t } = useTranslation(["people", "common"]);
  const fetcher = useFetcher<typeof memberAction>();
  const busy = fetcher.state !== "idle";
  const active = !member.deactivatedAt;
  const role = member.accountRole ?? "member";
  const action = `/accounts/${accountId}/people/${member.id}`;
  const roleLabel = role === "champion" ? t("team.makeMember") : t("team.makeChampion");
  const roleLabelFor =
    role === "champion"
      ? t("team.makeMemberFor", { name: member.name })
      : t("team.makeChampionFor", { name: member.name });
  const error = useReplyMessage(fetcher.data && "form" in fetcher.data ? fetcher.data : undefined);

  return (
    <tr className={active ? undefined : "bg-slate-50 text-slate-500"}>
      <Cell className="whitespace-normal font-medium text-slate-900">
        {member.name}
        {isViewer ? <span className="ml-1 text-xs font-normal text-slate-500">({t("team.you")})</span> : null}
        <div className="break-all text-xs font-normal text-slate-500">
          {[member.title, member.email].filter(Boolean).join(" · ")}
        </div>
      </Cell>
      <Cell>
        <Badge tone={role === "champion" ? "brand" : "neutral"}>{t(`common:roles.${role}`)}</Badge>
      </Cell>
      <Cell>{member.lastSignInAt ? formatDateTime(member.lastSignInAt, locale, timeZone) : t("common:never")}</Cell>
      <Cell>
        {active ? <Badge tone="green">{t("team.active")}</Badge> : <Badge>{t("team.deactivated")}</Badge>}
        {member.deactivatedAt ? (
          <div className="text-xs">{formatInstantDate(member.deactivatedAt, locale, timeZone)}</div>
        ) : null}
      </Cell>
      {canManage ? (
        <Cell className="whitespace-normal">
          {isViewer ? null : (
            <div className="flex flex-wrap items-start gap-2">
              {active ? (
                <fetcher.Form method="post" action={action}>
                  <Button
                    variant="secondary"
                    className="py-1.5"
                    name="intent"
                    value={role === "champion" ? "make_member" : "make_champion"}
                    disabled={busy}
                    aria-label={roleLabelFor}
                  >
                    {roleLabel}
                  </Button>
                </fetcher.Form>
              ) : null}
              {active ? (
                <ConfirmAction
                  id={member.id}
                  Form={fetcher.Form}
                  action={action}
                  fields={{ intent: "deactivate" }}
                  label={t("team.deactivate")}
                  accessibleLabel={t("team.deactivateFor", { name: member.name })}
                  prompt={t("team.confirmDeactivate", { name: member.name })}
                  confirmLabel={t("team.confirm")}
                  cancelLabel={t("common:actions.cancel")}
                  busy={busy}
                />
              ) : (
                <fetcher.Form method="post" action={action}>
                  <Button
                    variant="secondary"
                    className="py-1.5"
                    name="intent"
                    value="reactivate"
                    disabled={busy}
                    aria-label={t("team.reactivateFor", { name: member.name })}
                  >
                    {t("team.reactivate")}
                  </Button>
                </fetcher.Form>
              )}
            </div>
          )}
          {error ? (
            <p className="mt-1 text-sm text-red-700" role="alert">
              {error}
            </p>
          ) : null}
        </Cell>
      ) : null}
    </tr>
  );
}

export function InvitationRow({
  accountId,
  invitation,
  locale,
  timeZone,
}: {
  accountId: string;
  invitation: { id: string; email: string; accountRole: "champion" | "member" | null; expiresAt: string };
  locale: string;
  timeZone: string;
}) {
  const { t } = useTranslation(["people", "common"]);
  const fetcher = useFetcher<typeof invitationAction>();
  const error = useReplyMessage(fetcher.data && "form" in fetcher.data ? fetcher.data : undefined);
  return (
    <li className="flex items-center justify-between gap-3 py-2.5">
      <div className="min-w-0">
        <div className="break-all text-sm font-medium text-slate-900">{invitation.email}</div>
        <div className="text-xs text-slate-500">
          {t(`common:roles.${invitation.accountRole ?? "member"}`)} ·{" "}
          {t("team.expires", { date: formatDateTime(invitation.expiresAt, locale, timeZone) })}
        </div>
      </div>
      <fetcher.Form method="post" action={`/accounts/${accountId}/invitations/${invitation.id}`}>
        <Button
          variant="ghost"
          name="intent"
          value="revoke"
          disabled={fetcher.state !== "idle"}
          aria-label={t("team.withdrawInvitation", { email: invitation.email })}
        >
          {t("team.withdraw")}
        </Button>
        {error ? (
          <p className="mt-1 text-sm text-red-700" role="alert">
            {error}
          </p>
        ) : null}
      </fetcher.Form>
    </li>
  );
}
