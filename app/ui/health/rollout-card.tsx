import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RolloutMeasure } from "~/domain/health/customer-view.server";
import { Badge, Card } from "~/ui/layout";

const TONES = { good: "green", fair: "amber", low: "red", none: "neutral" } as const;

/** Where a customer can act on each measure. */
function nextStep(measure: RolloutMeasure, accountId: string): string {
  switch (measure.key) {
    case "adoption":
    case "engagement":
      return `/accounts/${accountId}/people`;
    case "plan":
      return `/accounts/${accountId}/plan?side=customer&status=open`;
    case "skills":
      return "/training";
    case "community":
      return "/community";
  }
}

/** "How your rollout is going" on the champion's home: each measure the vendor shares, in the customer's words. */
export function RolloutCard({ accountId, measures }: { accountId: string; measures: RolloutMeasure[] }) {
  const { t } = useTranslation("health");
  if (measures.length === 0) return null;
  const facts = (measure: RolloutMeasure): string | null => {
    if (!measure.facts) return null;
    switch (measure.key) {
      case "adoption":
        return t("rollout.measures.adoption.facts", { active: measure.facts.active, seats: measure.facts.seats });
      case "plan":
        return t("rollout.measures.plan.facts", { count: measure.facts.overdue });
      case "skills":
        return t("rollout.measures.skills.facts", {
          certified: measure.facts.certified,
          audience: measure.facts.audience,
        });
      case "engagement":
        return t("rollout.measures.engagement.facts", {
          signedIn: measure.facts.signedIn,
          people: measure.facts.people,
        });
      case "community":
        return t("rollout.measures.community.facts", {
          questions: measure.facts.questions,
          answers: measure.facts.answers,
        });
    }
  };
  return (
    <Card title={t("rollout.heading")}>
      <p className="mb-3 text-sm text-slate-600">{t("rollout.intro")}</p>
      <ul className="divide-y divide-slate-100">
        {measures.map((measure) => (
          <li key={measure.key} className="flex flex-wrap items-start justify-between gap-2 py-3">
            <div className="min-w-0 flex-1">
              <p className="flex items-center gap-2 text-sm font-medium text-slate-900">
                {t(`rollout.measures.${measure.key}.title`)}
                <Badge tone={TONES[measure.standing]}>{t(`rollout.standings.${measure.standing}`)}</Badge>
              </p>
              <p className="mt-1 text-sm text-slate-600">{facts(measure) ?? t("rollout.noData")}</p>
            </div>
            <Link to={nextStep(measure, accountId)} className="text-sm text-brand-700 hover:underline">
              {t(`rollout.measures.${measure.key}.action`)}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
