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
  it("say what happened to the health score by hand, and when an override ran out", () => {
    expect(
      sentence("health.override_set", {
        actorName: "Sofia Lindqvist",
        details: { grade: "yellow", expiresOn: "2026-12-31", reason: "internal" },
      }),
    ).toBe("Sofia Lindqvist set the health grade by hand: Yellow until Dec 31, 2026");
    expect(
      sentence("health.override_expired", { actorName: null, details: { grade: "green", expiresOn: "2026-12-10" } }),
    ).toBe("The health override (Green) ran out after Dec 10, 2026");
    expect(sentence("health.touch_logged", { actorName: "Marcus Webb", details: { kind: "qbr" } })).toBe(
      "Marcus Webb logged a touch: QBR",
    );
    expect(sentence("health.pulse_set", { actorName: "Marcus Webb", details: { grade: "red" } })).toBe(
      "Marcus Webb set the CSM pulse: Red",
    );
  });

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

  it("say what was acted on: the task or milestone commented on, the person and their new role", () => {
    expect(sentence("comment.added", { actorName: "Kenji Watanabe", details: { title: "Connect the POS feed" } })).toBe(
      "Kenji Watanabe commented on “Connect the POS feed”",
    );
    expect(
      sentence("member.role_changed", {
        actorName: "Kenji Watanabe",
        details: { name: "Priyanka Sharma", from: "member", to: "champion" },
      }),
    ).toBe("Kenji Watanabe made Priyanka Sharma Champion");
    expect(sentence("member.deactivated", { actorName: "Kenji Watanabe", details: { name: "Raj Patel" } })).toBe(
      "Kenji Watanabe deactivated Raj Patel",
    );
    expect(
      sentence("milestone.sign_off_withdrawn", {
        actorName: "Ana Costa",
        details: { title: "Pilot live", side: "vendor" },
      }),
    ).toBe("Ana Costa withdrew their sign-off of “Pilot live”");
    // A sentence without a named variant keeps its own wording.
    expect(sentence("task.status_changed", { actorName: "Ana Costa", details: { title: "Pilot live" } })).toBe(
      "Ana Costa changed the status of “Pilot live”",
    );
  });

  it("keep the plain sentence for entries recorded before they named their subject", () => {
    expect(sentence("comment.added", { actorName: "Kenji Watanabe", details: {} })).toBe("Kenji Watanabe commented");
    expect(sentence("member.deactivated", { actorName: "Kenji Watanabe", details: {} })).toBe(
      "Kenji Watanabe deactivated a person",
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
