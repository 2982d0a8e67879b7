import { useTranslation } from "react-i18next";
import { Badge } from "~/ui/layout";

export function CourseStatusBadge({ status }: { status: "not_started" | "in_progress" | "completed" }) {
  const { t } = useTranslation("training");
  const tone = status === "completed" ? "green" : status === "in_progress" ? "brand" : "neutral";
  return <Badge tone={tone}>{t(`status.${status}`)}</Badge>;
}
