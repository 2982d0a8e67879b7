import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "~/lib/format";
import { Button } from "~/ui/button";
import { Badge } from "~/ui/layout";
import { Cell } from "~/ui/table";

interface Member {
  id: string;
  name: string;
  email: string | null;
  title: string;
  accountRole: "champion" | "member" | null;
  deactivatedAt: string | null;
  lastSignInAt: string | null;
}

type MemberActionResult = { error?: string } | undefined;

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
  const fetcher = useFetcher<MemberActionResult>();
  const [confirming, setConfirming] = useState(false);
  const busy = fetcher.state !== "idle";
  const active = !member.deactivatedAt;
  const role = member.accountRole ?? "member";
  const action = `/accounts/${accountId}/people/${member.id}`;
  const error = fetcher.data?.error ? t(`team.errors.${fetcher.data.error as "not_found"}`) : null;

  return (
    <tr className={active ? undefined : "bg-slate-50 text-slate-500"}>
      <Cell className="font-medium text-slate-900">
        {member.name}
        {isViewer ? <span className="ml-1 text-xs font-normal text-slate-500">({t("team.you")})</span> : null}
        <div className="text-xs font-normal text-slate-500">{[member.title, member.email].filter(Boolean).join(" · ")}</div>
      </Cell>
      <Cell>
        <Badge tone={role === "champion" ? "brand" : "neutral"}>{t(`common:roles.${role}`)}</Badge>
      </Cell>
      <Cell>{member.lastSignInAt ? formatDateTime(member.lastSignInAt, locale, timeZone) : t("common:never")}</Cell>
      <Cell>
        {active ? <Badge tone="green">{t("team.active")}</Badge> : <Badge>{t("team.deactivated")}</Badge>}
        {member.deactivatedAt ? <div className="text-xs">{formatDate(member.deactivatedAt.slice(0, 10), locale)}</div> : null}
      </Cell>
      {canManage ? (
        <Cell className="whitespace-normal">
          {isViewer ? null : (
            <fetcher.Form method="post" action={action} className="flex flex-wrap items-center gap-2">
              {active && !confirming ? (
                <>
                  <Button variant="secondary" name="intent" value={role === "champion" ? "make_member" : "make_champion"} disabled={busy} aria-label={`${role === "champion" ? t("team.makeMember") : t("team.makeChampion")}: ${member.name}`}>
                    {role === "champion" ? t("team.makeMember") : t("team.makeChampion")}
                  </Button>
                  <Button type="button" variant="danger" onClick={() => setConfirming(true)} disabled={busy} aria-label={`${t("team.deactivate")}: ${member.name}`}>
                    {t("team.deactivate")}
                  </Button>
                </>
              ) : null}
              {active && confirming ? (
                <div role="group" aria-label={t("team.confirmDeactivate", { name: member.name })} className="flex flex-wrap items-center gap-2">
                  <span className="text-sm text-slate-700">{t("team.confirmDeactivate", { name: member.name })}</span>
                  <Button variant="danger" name="intent" value="deactivate" disabled={busy} autoFocus>
                    {t("team.confirm")}
                  </Button>
                  <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
                    {t("common:actions.cancel")}
                  </Button>
                </div>
              ) : null}
              {!active ? (
                <Button variant="secondary" name="intent" value="reactivate" disabled={busy} aria-label={`${t("team.reactivate")}: ${member.name}`}>
                  {t("team.reactivate")}
                </Button>
              ) : null}
            </fetcher.Form>
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
  const fetcher = useFetcher();
  return (
    <li className="flex items-center justify-between gap-3 py-2.5">
      <div>
        <div className="text-sm font-medium text-slate-900">{invitation.email}</div>
        <div className="text-xs text-slate-500">
          {t(`common:roles.${invitation.accountRole ?? "member"}`)} · {t("team.expires", { date: formatDateTime(invitation.expiresAt, locale, timeZone) })}
        </div>
      </div>
      <fetcher.Form method="post" action={`/accounts/${accountId}/invitations/${invitation.id}`}>
        <Button variant="ghost" name="intent" value="revoke" disabled={fetcher.state !== "idle"} aria-label={`${t("team.withdraw")}: ${invitation.email}`}>
          {t("team.withdraw")}
        </Button>
      </fetcher.Form>
    </li>
  );
}
