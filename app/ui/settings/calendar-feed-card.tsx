import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/button";
import { TextField } from "~/ui/field";
import { Card } from "~/ui/layout";

/**
 * Settings → Calendar: the person's subscribable feed. The URL is shown right after it is made
 * (only its hash is stored, so it can't be shown again later); "Reset link" makes a new one and
 * stops the old one, "Turn off" stops it without a replacement.
 */
export function CalendarFeedCard({
  feed,
  newUrl,
  busy,
}: {
  feed: { createdAt: string; lastUsedAt: string | null } | null;
  newUrl: string | null;
  busy: boolean;
}) {
  const { t } = useTranslation("settings");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!newUrl) return;
    await navigator.clipboard?.writeText(newUrl).catch(() => undefined);
    setCopied(true);
  };
  return (
    <Card title={t("calendar.heading")}>
      <div className="space-y-4">
        <p className="text-sm text-slate-600">{t("calendar.intro")}</p>
        {newUrl ? (
          <div className="space-y-2">
            <TextField
              label={t("calendar.url")}
              value={newUrl}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              hint={t("calendar.urlHint")}
            />
            <Button type="button" variant="secondary" onClick={copy}>
              {copied ? t("calendar.copied") : t("calendar.copy")}
            </Button>
          </div>
        ) : feed ? (
          <p className="text-sm text-slate-700">
            {feed.lastUsedAt
              ? t("calendar.activeUsed", { created: feed.createdAt, used: feed.lastUsedAt })
              : t("calendar.activeUnused", { created: feed.createdAt })}
          </p>
        ) : null}
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
          <li>{t("calendar.google")}</li>
          <li>{t("calendar.outlook")}</li>
          <li>{t("calendar.apple")}</li>
        </ul>
        <div className="flex flex-wrap gap-3">
          <Form method="post">
            <input type="hidden" name="intent" value="calendar-reset" />
            <Button disabled={busy} variant={feed ? "secondary" : "primary"}>
              {feed || newUrl ? t("calendar.reset") : t("calendar.create")}
            </Button>
          </Form>
          {feed ? (
            <Form method="post">
              <input type="hidden" name="intent" value="calendar-revoke" />
              <Button disabled={busy} variant="danger">
                {t("calendar.revoke")}
              </Button>
            </Form>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
