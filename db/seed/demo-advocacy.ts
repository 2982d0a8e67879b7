import type { Transaction } from "../client.server";
import {
  type AskContext,
  type AskSignal,
  askRules,
  asks,
  consents,
  npsResponses,
  opportunities,
  opportunityTransitions,
  referenceRequests,
} from "../schema";
import { listEvents } from "../../app/domain/events/record.server";
import { newId } from "../../app/lib/ids.server";
import { DAY_MS } from "../../app/lib/time";

/** Demo NPS answers: [email, score, days ago, comment]. Daniel and Priyanka (Orbit) haven't been asked yet. */
const NPS_ANSWERS: [string, number, number, string][] = [
  ["kenji@orbitretail.example", 8, 160, "Good progress, data connection took a while."],
  ["kenji@orbitretail.example", 9, 20, "The trading meeting runs on Lumen now — nobody misses the spreadsheets."],
  ["chloe@orbitretail.example", 10, 18, "Sell-through on Friday morning without chasing anyone."],
  ["elena@helixhealth.example", 7, 170, ""],
  ["elena@helixhealth.example", 4, 25, "The security review is dragging and our validation work is blocked."],
  ["raj@helixhealth.example", 7, 30, "Solid product; the rollout needs more hands."],
  ["hannah@northwind.example", 8, 10, "Early days, but the onboarding is clear."],
];

/**
 * Advocacy's demo story: the workspace's ask rules, NPS answers (Orbit's promoters, Helix's
 * detractor), and the case-study ask Orbit's go-live set off for Kenji — open, in marketing's
 * pipeline at "asked"; Kenji's earlier yes to reference calls (after the pilot), with one call
 * taken this quarter, and Priyanka's (asked by hand). Helix gets no asks: its detractor score
 * blocks them.
 */
export async function seedDemoAdvocacy(
  tx: Transaction,
  refs: { accounts: Record<string, { id: string }>; people: Record<string, string>; marketingId: string },
) {
  const now = Date.now();
  await tx.insert(askRules).values([
    { id: newId(), signal: "milestone_achieved", askType: "case_study", createdById: refs.marketingId },
    { id: newId(), signal: "plan_completed", askType: "reference_call", createdById: refs.marketingId },
    { id: newId(), signal: "team_trained", askType: "quote", createdById: refs.marketingId },
    {
      id: newId(),
      signal: "nps_promoter",
      askType: "review",
      reviewUrl: "https://www.g2.com/products/lumen-analytics/reviews",
      createdById: refs.marketingId,
    },
  ]);

  const accountOf = (email: string) => {
    const domain = email.split("@")[1]!;
    const name = domain.startsWith("orbit")
      ? "Orbit Retail"
      : domain.startsWith("helix")
        ? "Helix Health"
        : "Northwind Logistics";
    return refs.accounts[name]!.id;
  };
  await tx.insert(npsResponses).values(
    NPS_ANSWERS.map(([email, score, daysAgo, comment]) => ({
      id: newId(),
      accountId: accountOf(email),
      userId: refs.people[email]!,
      score,
      comment,
      createdAt: new Date(now - daysAgo * DAY_MS),
    })),
  );

  const orbit = refs.accounts["Orbit Retail"]!.id;
  const goLive = (await listEvents("milestone.achieved", { accountId: orbit }, tx)).find((event) =>
    event.payload.title.startsWith("Go-live"),
  );
  if (!goLive) throw new Error("Demo advocacy: Orbit's go-live event is missing");
  const kenji = refs.people["kenji@orbitretail.example"]!;
  const pilot = (await listEvents("milestone.achieved", { accountId: orbit }, tx)).find((event) =>
    event.payload.title.startsWith("Pilot"),
  );
  if (!pilot) throw new Error("Demo advocacy: Orbit's pilot event is missing");
  const answeredAt = new Date(pilot.occurredAt.getTime() + 2 * DAY_MS);
  const referenceConsentId = await seedAcceptedReferenceAsk(tx, {
    accountId: orbit,
    personId: kenji,
    ownerId: refs.marketingId,
    askedAt: pilot.occurredAt,
    answeredAt,
    from: {
      signal: "milestone_achieved",
      eventId: pilot.id,
      context: { milestoneTitle: pilot.payload.title, daysEarly: pilot.payload.daysEarly },
    },
  });
  // Marketing asked Priyanka by hand after she presented the pilot's results to the regions.
  await seedAcceptedReferenceAsk(tx, {
    accountId: orbit,
    personId: refs.people["priyanka@orbitretail.example"]!,
    ownerId: refs.marketingId,
    askedAt: new Date(now - 50 * DAY_MS),
    answeredAt: new Date(now - 47 * DAY_MS),
    from: { signal: "manual", eventId: null, context: {} },
  });
  await tx.insert(referenceRequests).values({
    id: newId(),
    accountId: orbit,
    advocateId: kenji,
    consentId: referenceConsentId,
    prospectCompany: "Harbor & Pine Grocers",
    notes: "How the trading meeting moved off spreadsheets.",
    requestedById: refs.marketingId,
    status: "accepted",
    respondedAt: new Date(now),
    createdAt: new Date(now),
  });

  const askId = newId();
  const opportunityId = newId();
  const askedAt = goLive.occurredAt;
  await tx.insert(asks).values({
    id: askId,
    accountId: orbit,
    recipientId: kenji,
    askType: "case_study",
    signal: "milestone_achieved",
    eventId: goLive.id,
    context: { milestoneTitle: goLive.payload.title, daysEarly: goLive.payload.daysEarly },
    createdAt: askedAt,
  });
  await tx.insert(opportunities).values({
    id: opportunityId,
    accountId: orbit,
    advocateId: kenji,
    askId,
    askType: "case_study",
    stage: "asked",
    stageEnteredAt: askedAt,
    ownerId: refs.marketingId,
    notes: "Go-live a week early with strong ROI: our best retail story this year.",
    createdAt: askedAt,
  });
  await tx.insert(opportunityTransitions).values([
    { id: newId(), opportunityId, fromStage: null, toStage: "identified", at: askedAt },
    { id: newId(), opportunityId, fromStage: "identified", toStage: "asked", at: askedAt, note: "milestone_achieved" },
  ]);
}

/** A reference-call ask the person accepted: the ask, their consent (sales use) and the opportunity at "accepted". */
async function seedAcceptedReferenceAsk(
  tx: Transaction,
  input: {
    accountId: string;
    personId: string;
    ownerId: string;
    askedAt: Date;
    answeredAt: Date;
    from: { signal: AskSignal; eventId: string | null; context: AskContext };
  },
): Promise<string> {
  const askId = newId();
  const consentId = newId();
  const opportunityId = newId();
  const { accountId, personId, askedAt, answeredAt } = input;
  await tx.insert(asks).values({
    id: askId,
    accountId,
    recipientId: personId,
    askType: "reference_call",
    signal: input.from.signal,
    eventId: input.from.eventId,
    context: input.from.context,
    status: "accepted",
    respondedAt: answeredAt,
    createdAt: askedAt,
  });
  await tx.insert(consents).values({
    id: consentId,
    accountId,
    userId: personId,
    askId,
    askType: "reference_call",
    uses: ["name", "title", "company"],
    scope: "sales",
    grantedAt: answeredAt,
  });
  await tx.insert(opportunities).values({
    id: opportunityId,
    accountId,
    advocateId: personId,
    askId,
    consentId,
    askType: "reference_call",
    stage: "accepted",
    stageEnteredAt: answeredAt,
    ownerId: input.ownerId,
    createdAt: askedAt,
  });
  await tx.insert(opportunityTransitions).values([
    { id: newId(), opportunityId, fromStage: null, toStage: "identified", at: askedAt },
    { id: newId(), opportunityId, fromStage: "identified", toStage: "asked", at: askedAt, note: input.from.signal },
    { id: newId(), opportunityId, fromStage: "asked", toStage: "accepted", actorId: personId, at: answeredAt },
  ]);
  return consentId;
}
