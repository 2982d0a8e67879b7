import { describe, expect, it } from "vitest";
import { serverT } from "~/i18n";
import { activityValues } from "~/ui/account-activity";

const t = serverT("en");
const sentence = (action: string, entry: { actorName: string | null; details: unknown }) =>
  t(`people:account.activity.${action}` as "people:account.activity.unknown", {
    defaultValue: "?",
    ...activityValues(entry, t as never, "en"),
  });

describe("account activity sentences", () => {
  it("name the advocacy step: the ask type, the stage reached, the score, the prospect, the version", () => {
    expect(sentence("ask.created", { actorName: null, details: { askType: "case_study" } })).toBe(
      "An ask went out: Case study",
    );
    expect(
      sentence("opportunity.moved", { actorName: "Jordan Lee", details: { from: "identified", to: "in_production" } }),
    ).toBe("Jordan Lee moved an advocacy opportunity to In production");
    expect(sentence("nps.submitted", { actorName: "Kenji Watanabe", details: { score: 9 } })).toBe(
      "Kenji Watanabe answered the NPS survey: 9",
    );
    expect(sentence("reference.requested", { actorName: "Jordan Lee", details: { prospectCompany: "Acme" } })).toBe(
      "Jordan Lee asked for a reference call with Acme",
    );
    expect(sentence("case_study.commented", { actorName: "Hannah Okafor", details: { version: 2 } })).toBe(
      "Hannah Okafor commented on case study version 2",
    );
  });

  it("still read when details are missing or odd", () => {
    expect(sentence("account.use_cases_changed", { actorName: "Marcus Webb", details: { to: [] } })).toBe(
      "Marcus Webb set the use cases: none",
    );
    expect(sentence("opportunity.created", { actorName: null, details: null })).toBe(
      "Someone opened an advocacy opportunity: ",
    );
  });
});
