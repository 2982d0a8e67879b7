import { useTranslation } from "react-i18next";
import { buttonClass } from "~/ui/button";
import { Card } from "~/ui/layout";

export interface CsmCardData {
  name: string;
  title: string;
  email: string | null;
  meetingUrl: string | null;
}

/** The customer's "Your customer success manager" card: who, their title, how to write and when to meet. */
export function CsmCard({ csm }: { csm: CsmCardData | null }) {
  const { t } = useTranslation("people");
  return (
    <Card title={t("account.yourCsm")}>
      {csm ? (
        <div className="space-y-3 text-sm">
          <div>
            <p className="font-medium text-slate-900" data-user-content>
              {csm.name}
            </p>
            {csm.title ? (
              <p className="text-slate-600" data-user-content>
                {csm.title}
              </p>
            ) : null}
          </div>
          {csm.email ? (
            <p>
              <a href={`mailto:${csm.email}`} className="break-all font-medium text-brand-700 hover:underline">
                {csm.email}
              </a>
            </p>
          ) : null}
          {csm.meetingUrl ? (
            <a
              href={csm.meetingUrl}
              target="_blank"
              rel="noopener noreferrer"
              className={buttonClass("secondary")}
              aria-label={t("account.csmCard.bookMeetingLabel", { name: csm.name })}
            >
              {t("account.csmCard.bookMeeting")}
            </a>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("account.noCsm")}</p>
      )}
    </Card>
  );
}
