import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { useRootData } from "~/lib/root-data";
import { Badge } from "~/ui/layout";

const TONES = { red: "red", yellow: "amber", green: "green" } as const;

/** A health grade in words and colour (the word carries it; the colour only repeats it). */
export function GradeBadge({ grade }: { grade: "red" | "yellow" | "green" }) {
  const { t } = useTranslation("health");
  return <Badge tone={TONES[grade]}>{t(`grades.${grade}`)}</Badge>;
}

/** The staff account header's score: "Health 72 · Yellow", or that there is no data yet. */
export function HealthBadge({
  overall,
  grade,
  churned = false,
}: {
  overall: number | null;
  grade: "red" | "yellow" | "green" | null;
  churned?: boolean;
}) {
  const { t } = useTranslation("health");
  if (churned) return <Badge tone="red">{t("badgeChurned")}</Badge>;
  if (overall === null || grade === null) return <Badge>{t("badgeNoData")}</Badge>;
  return <Badge tone={TONES[grade]}>{t("badge", { score: String(overall), grade: t(`grades.${grade}`) })}</Badge>;
}

/** A grade a CSM set by hand, shown beside (never instead of) the computed score: "Override: Red until 30 Dec". */
export function OverrideBadge({ override }: { override: { grade: "red" | "yellow" | "green"; expiresOn: string } }) {
  const { t } = useTranslation("health");
  const locale = useRootData()?.locale ?? "en";
  return (
    <Badge tone={TONES[override.grade]}>
      {t("override.badge", { grade: t(`grades.${override.grade}`), until: formatDate(override.expiresOn, locale) })}
    </Badge>
  );
}
