import { useTranslation } from "react-i18next";
import type {
  AdoptionInputs,
  CommunityInputs,
  EngagementInputs,
  PlanInputs,
  SentimentInputs,
  SkillsInputs,
} from "~/domain/health/measures";
import { npsOf } from "~/domain/health/measures";
import { formatNumber } from "~/lib/format";
import { useRootData } from "~/lib/root-data";

interface StoredMeasure {
  key: string;
  score: number | null;
  inputs: Record<string, unknown>;
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <ul className="space-y-0.5 text-sm text-slate-700">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** What a stored measure was scored from, in words: the inputs kept with the snapshot. */
export function MeasureInputsText({ measure }: { measure: StoredMeasure }) {
  const { t } = useTranslation("health");
  const locale = useRootData()?.locale ?? "en";
  const n = (value: number) => formatNumber(value, locale);
  const inputs = measure.inputs;
  switch (measure.key) {
    case "adoption": {
      const a = inputs as unknown as AdoptionInputs;
      if (!a.hasTelemetry) return <Lines lines={[t("inputs.adoption.none")]} />;
      return (
        <Lines
          lines={[
            t("inputs.adoption.utilisation", { active: n(a.monthlyActive), seats: n(a.licensedSeats) }),
            t("inputs.adoption.previous", { count: a.previousMonthlyActive }),
            a.keyFeatures > 0
              ? t("inputs.adoption.features", { inUse: n(a.keyFeaturesInUse), total: n(a.keyFeatures) })
              : t("inputs.adoption.noFeatures"),
          ]}
        />
      );
    }
    case "plan": {
      const p = inputs as unknown as PlanInputs | Record<string, never>;
      if (!("onTrack" in p) || measure.score === null) return <Lines lines={[t("inputs.plan.none")]} />;
      return (
        <Lines
          lines={[
            t("inputs.plan.milestones", {
              onTrack: n(p.onTrack),
              upcoming: n(p.upcoming),
              atRisk: n(p.atRisk),
              stalled: n(p.stalled),
              achieved: n(p.achieved),
            }),
            t("inputs.plan.overdue", { customer: n(p.overdueCustomerTasks), vendor: n(p.overdueVendorTasks) }),
            p.daysSinceAchieved === null
              ? t("inputs.plan.noneAchieved")
              : t("inputs.plan.lastAchieved", { count: p.daysSinceAchieved }),
          ]}
        />
      );
    }
    case "skills": {
      const s = inputs as unknown as SkillsInputs;
      if (s.audience === 0) return <Lines lines={[t("inputs.skills.none")]} />;
      return (
        <Lines
          lines={[
            t("inputs.skills.certified", { certified: n(s.certified), audience: n(s.audience) }),
            t("inputs.skills.stages", { covered: n(s.stagesCovered), stages: n(s.stages) }),
          ]}
        />
      );
    }
    case "sentiment": {
      const s = inputs as unknown as SentimentInputs;
      const nps = npsOf(s);
      return (
        <Lines
          lines={[
            nps === null
              ? t("inputs.sentiment.noNps")
              : t("inputs.sentiment.nps", { nps: n(nps), count: s.promoters + s.passives + s.detractors }),
            s.pulse ? t("inputs.sentiment.pulse", { grade: t(`grades.${s.pulse}`) }) : t("inputs.sentiment.noPulse"),
          ]}
        />
      );
    }
    case "engagement": {
      const e = inputs as unknown as EngagementInputs;
      return (
        <Lines
          lines={[
            e.people > 0
              ? t("inputs.engagement.signedIn", { signedIn: n(e.signedIn), people: n(e.people) })
              : t("inputs.engagement.noPeople"),
            e.championActive === null
              ? t("inputs.engagement.noChampion")
              : e.championActive
                ? t("inputs.engagement.championActive")
                : t("inputs.engagement.championQuiet"),
            e.daysSinceTouch === null
              ? t("inputs.engagement.noTouch")
              : t("inputs.engagement.touch", { count: e.daysSinceTouch }),
          ]}
        />
      );
    }
    case "community": {
      const c = inputs as unknown as CommunityInputs;
      if (!c.hasPosted) return <Lines lines={[t("inputs.community.none")]} />;
      return (
        <Lines
          lines={[
            t("inputs.community.activity", {
              questions: n(c.questions),
              answers: n(c.answers),
              accepted: n(c.accepted),
            }),
          ]}
        />
      );
    }
    default:
      return null;
  }
}
