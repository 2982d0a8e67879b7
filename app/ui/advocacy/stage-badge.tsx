import { useTranslation } from "react-i18next";
import type { OpportunityStage } from "~db/schema";
import { Badge } from "~/ui/layout";

const TONES: Record<OpportunityStage, "neutral" | "brand" | "green" | "amber" | "red"> = {
  identified: "neutral",
  asked: "neutral",
  accepted: "brand",
  in_production: "brand",
  customer_review: "amber",
  published: "green",
  declined: "red",
  withdrawn: "red",
};

export function StageBadge({ stage }: { stage: OpportunityStage }) {
  const { t } = useTranslation("advocacy");
  return <Badge tone={TONES[stage]}>{t(`stages.${stage}`)}</Badge>;
}
