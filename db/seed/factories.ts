import { randomBytes } from "node:crypto";
import { type Transaction, db } from "../client.server";
import { and, eq, sql } from "drizzle-orm";
import {
  playbooks,
  type AccountRole,
  type ConsentScope,
  type Milestone,
  type Plan,
  type StaffRole,
  type Task,
  type TemplateDefinition,
  type User,
  type SnapshotMeasure,
  type Subscription,
  accounts,
  asks,
  ledgerEntries,
  subscriptions,
  communitySpaces,
  consents,
  healthModels,
  healthSnapshots,
  measurements,
  opportunities,
  opportunityTransitions,
  referenceRequests,
  milestones,
  outcomes,
  planTemplates,
  plans,
  segments,
  taskTrainees,
  tasks,
  users,
  valueMetrics,
  certificates,
} from "../schema";
import { toActor, type Actor } from "../../app/domain/auth/actor";
import { hashPassword } from "../../app/domain/auth/passwords.server";
import { startSession } from "../../app/domain/auth/sessions.server";
import { signOffMilestone } from "../../app/domain/plans/milestone-actions.server";
import { applyTemplate } from "../../app/domain/plans/templates.server";
import { newId } from "../../app/lib/ids.server";
import { currentModels } from "../../app/domain/health/models.server";
import { gradeOf } from "../../app/domain/health/score";
import { MEASURE_KEYS } from "../../app/domain/health/measures";

/**
 * Test factories: valid rows with unique names and emails, so a test states only what matters to
 * it. Passwords are hashed only when a test gives one (argon2 costs ~50 ms per hash).
 */

type NewSegment = typeof segments.$inferInsert;
type NewAccount = typeof accounts.$inferInsert;
type NewUser = typeof users.$inferInsert;
type Segment = typeof segments.$inferSelect;
type Account = typeof accounts.$inferSelect;

let sequence = 0;
/** Unique within a run and across parallel test files sharing one server. */
function unique(): string {
  sequence += 1;
  return `${sequence}-${randomBytes(3).toString("hex")}`;
}

export async function createSegment(overrides: Partial<NewSegment> = {}): Promise<Segment> {
  const [row] = await db
    .insert(segments)
    .values({ id: newId(), name: `Segment ${unique()}`, ...overrides })
    .returning();
  return row!;
}

/**
 * An account in a new segment (unless `segmentId` is given), without a CSM unless `csmId` is given.
 * `annualCost` gives it a subscription at that ARR (in the account's currency), as the old
 * account field did.
 */
export async function createAccount(
  overrides: Partial<NewAccount> & { annualCost?: number | null } = {},
): Promise<Account> {
  const { annualCost, ...values } = overrides;
  const segmentId = values.segmentId ?? (await createSegment()).id;
  const [row] = await db
    .insert(accounts)
    .values({
      id: newId(),
      name: `Account ${unique()}`,
      industry: "Software",
      region: "EMEA",
      licensedSeats: 10,
      renewalDate: "2027-06-30",
      ...values,
      segmentId,
    })
    .returning();
  if (annualCost !== undefined && annualCost !== null) {
    await createSubscription(row!.id, { arr: annualCost, currency: row!.currency });
  }
  return row!;
}

type NewSubscription = typeof subscriptions.$inferInsert;

/**
 * A subscription with its "new" ledger entry at its start (default: 48,000 USD a year, a 12-month
 * term renewing a year after it started). Written directly, like the other factories; the rules
 * of later entries are revenue's (app/domain/revenue/ledger.server.ts).
 */
export async function createSubscription(
  accountId: string,
  overrides: Partial<Omit<NewSubscription, "accountId">> = {},
): Promise<Subscription> {
  const arr = overrides.arr ?? 48_000;
  const startDate = overrides.startDate ?? "2026-06-30";
  const [y, m, d] = startDate.split("-");
  const [row] = await db
    .insert(subscriptions)
    .values({
      id: newId(),
      currency: "USD",
      termMonths: 12,
      renewalDate: `${Number(y) + 1}-${m}-${d}`,
      ...overrides,
      startDate,
      arr,
      accountId,
    })
    .returning();
  await db.insert(ledgerEntries).values({
    id: newId(),
    accountId,
    subscriptionId: row!.id,
    kind: "new",
    effectiveOn: startDate,
    arrDelta: arr,
    arrAfter: arr,
    currency: row!.currency,
    sequence: 1,
  });
  await db.update(accounts).set({ renewalDate: row!.renewalDate }).where(eq(accounts.id, accountId));
  return row!;
}

export type PersonOverrides = Partial<Omit<NewUser, "staffRole" | "accountId" | "accountRole" | "passwordHash">> & {
  /** Plain-text password to hash and store; without it the person has no password. */
  password?: string;
};

async function insertUser(values: Omit<NewUser, "id" | "email" | "name"> & PersonOverrides): Promise<User> {
  const { password, ...rest } = values;
  const tag = unique();
  const [row] = await db
    .insert(users)
    .values({
      id: newId(),
      email: `person-${tag}@test.example`,
      name: `Person ${tag}`,
      ...rest,
      passwordHash: password === undefined ? null : await hashPassword(password),
    })
    .returning();
  return row!;
}

export function createStaff(role: StaffRole, overrides: PersonOverrides = {}): Promise<User> {
  return insertUser({ ...overrides, staffRole: role, accountId: null, accountRole: null });
}

export function createCustomer(accountId: string, role: AccountRole, overrides: PersonOverrides = {}): Promise<User> {
  return insertUser({ ...overrides, staffRole: null, accountId, accountRole: role });
}

/** The Actor a request by this person would carry, for domain functions that take one. */
export function actorOf(user: User): Actor {
  return toActor(user);
}

/** Starts a real session for the person and returns the `name=value` pair for a Cookie header. */
export async function sessionCookie(userId: string): Promise<string> {
  const setCookie = await startSession(userId);
  return setCookie.split(";")[0]!;
}

/** A request from a browser signed in as the person (a fresh session each time). */
export async function signedInRequest(
  userId: string,
  url = "http://localhost/",
  init: RequestInit = {},
): Promise<Request> {
  const headers = new Headers(init.headers);
  headers.set("Cookie", await sessionCookie(userId));
  return new Request(url, { ...init, headers });
}

type NewTemplate = typeof planTemplates.$inferInsert;
type NewPlan = typeof plans.$inferInsert;
type NewOutcome = typeof outcomes.$inferInsert;
type NewMilestone = typeof milestones.$inferInsert;
type NewTask = typeof tasks.$inferInsert;

/** A small template: two outcomes, three milestones (day 0, 30, 60), one or two tasks each. */
export function sampleTemplateDefinition(): TemplateDefinition {
  return {
    outcomes: [
      {
        key: "reporting",
        title: "Weekly reporting automated",
        why: "Saves a day a week.",
        successCriteria: "No spreadsheets for 4 weeks.",
        dayOffset: 60,
      },
      {
        key: "adoption",
        title: "Team adopts dashboards",
        why: "Answers without an analyst.",
        successCriteria: "80% weekly active.",
        dayOffset: 90,
      },
    ],
    milestones: [
      { key: "kickoff", title: "Kickoff", description: "Agree the plan.", dayOffset: 0, outcomeKey: null },
      {
        key: "connected",
        title: "Data connected",
        description: "Warehouse syncs nightly.",
        dayOffset: 30,
        outcomeKey: "reporting",
      },
      {
        key: "live",
        title: "Dashboards live",
        description: "Team uses them weekly.",
        dayOffset: 60,
        outcomeKey: "adoption",
      },
    ],
    tasks: [
      { milestoneKey: "kickoff", title: "Run the kickoff call", notes: "", side: "vendor", dayOffset: 0 },
      {
        milestoneKey: "connected",
        title: "Connect the warehouse",
        notes: "Read-only user.",
        side: "customer",
        dayOffset: 20,
      },
      { milestoneKey: "connected", title: "Review the data model", notes: "", side: "vendor", dayOffset: 28 },
      { milestoneKey: "live", title: "Build the ops dashboard", notes: "", side: "customer", dayOffset: 50 },
      { milestoneKey: "live", title: "Train the team", notes: "", side: "vendor", dayOffset: 55 },
    ],
  };
}

export async function createTemplate(overrides: Partial<NewTemplate> = {}) {
  const [row] = await db
    .insert(planTemplates)
    .values({ id: newId(), name: `Template ${unique()}`, definition: sampleTemplateDefinition(), ...overrides })
    .returning();
  return row!;
}

/** A plan of the account; current unless told otherwise (the account's other plans stop being current). */
export async function createPlan(
  accountId: string,
  overrides: Partial<Omit<NewPlan, "accountId">> = {},
): Promise<Plan> {
  const isCurrent = overrides.isCurrent ?? true;
  if (isCurrent)
    await db
      .update(plans)
      .set({ isCurrent: false })
      .where(and(eq(plans.accountId, accountId), eq(plans.isCurrent, true)));
  const [row] = await db
    .insert(plans)
    .values({ id: newId(), name: `Plan ${unique()}`, startDate: "2026-01-05", ...overrides, accountId, isCurrent })
    .returning();
  return row!;
}

export async function createOutcome(plan: Plan, overrides: Partial<Omit<NewOutcome, "planId" | "accountId">> = {}) {
  const [row] = await db
    .insert(outcomes)
    .values({ id: newId(), title: `Outcome ${unique()}`, ...overrides, planId: plan.id, accountId: plan.accountId })
    .returning();
  return row!;
}

export async function createMilestone(
  plan: Plan,
  overrides: Partial<Omit<NewMilestone, "planId" | "accountId">> = {},
): Promise<Milestone> {
  const [row] = await db
    .insert(milestones)
    .values({
      id: newId(),
      title: `Milestone ${unique()}`,
      targetDate: "2026-03-01",
      ...overrides,
      planId: plan.id,
      accountId: plan.accountId,
    })
    .returning();
  return row!;
}

/** A customer-side task to do, unless told otherwise. */
export async function createTask(
  milestone: Pick<Milestone, "id" | "planId" | "accountId">,
  overrides: Partial<Omit<NewTask, "planId" | "accountId" | "milestoneId">> = {},
): Promise<Task> {
  const [row] = await db
    .insert(tasks)
    .values({
      id: newId(),
      title: `Task ${unique()}`,
      side: "customer",
      ...overrides,
      planId: milestone.planId,
      accountId: milestone.accountId,
      milestoneId: milestone.id,
    })
    .returning();
  return row!;
}

/** Many tasks of one milestone in a single insert (customer-side to do unless told), for long lists. */
export async function createTasks(
  milestone: Pick<Milestone, "id" | "planId" | "accountId">,
  list: Partial<Omit<NewTask, "planId" | "accountId" | "milestoneId">>[],
): Promise<Task[]> {
  if (list.length === 0) return [];
  return db
    .insert(tasks)
    .values(
      list.map((overrides) => ({
        id: newId(),
        title: `Task ${unique()}`,
        side: "customer" as const,
        ...overrides,
        planId: milestone.planId,
        accountId: milestone.accountId,
        milestoneId: milestone.id,
      })),
    )
    .returning();
}

type NewMetric = typeof valueMetrics.$inferInsert;

/** A "lower is better" metric of the outcome, 10 → 5 units, without a money value unless told. */
export async function createMetric(
  outcome: { id: string; planId: string; accountId: string },
  overrides: Partial<Omit<NewMetric, "planId" | "accountId" | "outcomeId">> = {},
) {
  const [row] = await db
    .insert(valueMetrics)
    .values({
      id: newId(),
      name: `Metric ${unique()}`,
      unit: "days",
      direction: "down",
      baseline: 10,
      target: 5,
      ...overrides,
      planId: outcome.planId,
      accountId: outcome.accountId,
      outcomeId: outcome.id,
    })
    .returning();
  return row!;
}

/** One of the plan's outcomes or milestones by its title (a plan from a template, say). */
export async function findInPlan(plan: Plan, kind: "outcome" | "milestone", title: string) {
  const table = kind === "outcome" ? outcomes : milestones;
  const [row] = await db
    .select({ id: table.id, planId: table.planId, accountId: table.accountId, title: table.title })
    .from(table)
    .where(and(eq(table.planId, plan.id), eq(table.title, title)));
  if (!row) throw new Error(`The plan has no ${kind} “${title}”.`);
  return row;
}

/** A reading of the metric; today's, recorded by nobody in particular, unless told. */
export async function createMeasurement(
  metric: { id: string; accountId: string },
  overrides: Partial<Omit<typeof measurements.$inferInsert, "metricId" | "accountId">> = {},
) {
  const [row] = await db
    .insert(measurements)
    .values({
      id: newId(),
      measuredOn: new Date().toISOString().slice(0, 10),
      value: 0,
      ...overrides,
      metricId: metric.id,
      accountId: metric.accountId,
    })
    .returning();
  return row!;
}

/**
 * Runs `race` while another transaction holds the rows `hold` locks, and lets go only once
 * `waiters` statements of the race are waiting on a lock: so the racers really overlap, whatever
 * the timing of the machine.
 */
export async function whileHeld<T>(
  hold: (tx: Transaction) => Promise<unknown>,
  waiters: number,
  race: () => Promise<T>,
): Promise<T> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const isHeld = new Promise<void>((resolve) => (held = resolve));
  const holder = db.transaction(async (tx) => {
    await hold(tx);
    held();
    await released;
  });
  await isHeld;
  const racing = race();
  // Awaited below; this only keeps an early failure from being reported as unhandled meanwhile.
  racing.catch(() => {});
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [row] = await db.execute<{ waiting: number }>(
        sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (row!.waiting >= waiters) break;
      if (Date.now() > deadline) throw new Error(`only ${row!.waiting} of ${waiters} statements ever waited`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    release();
    await holder;
  }
  return racing;
}

type NewCommunitySpace = typeof communitySpaces.$inferInsert;

/** A community space where customers may post, without first-post review, unless told otherwise. */
export async function createCommunitySpace(overrides: Partial<NewCommunitySpace> = {}) {
  const tag = unique();
  const [row] = await db
    .insert(communitySpaces)
    .values({ id: newId(), slug: `space-${tag}`, name: `Space ${tag}`, ...overrides })
    .returning();
  return row!;
}

/** A person by email: a demo person, say, for a test that only reads the demo's story. */
export async function findUser(email: string): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`Nobody has the email ${email}.`);
  return row;
}

/** A segment by its name: the demo's segments are vendor configuration, which tests read and never change. */
export async function findSegment(name: string): Promise<Segment> {
  const [row] = await db.select().from(segments).where(eq(segments.name, name));
  if (!row) throw new Error(`No segment named “${name}”.`);
  return row;
}

/** A plan template by its name (the demo's templates, say, which tests start plans from but never edit). */
async function findTemplate(name: string) {
  const [row] = await db.select().from(planTemplates).where(eq(planTemplates.name, name));
  if (!row) throw new Error(`No plan template named “${name}”.`);
  return row;
}

/**
 * The account's current plan started from a template by a CSM or admin, as the plan page does it
 * (applyTemplate): its outcomes, milestones and tasks dated from `startDate`, unassigned.
 */
export async function createPlanFromTemplate(
  by: User,
  accountId: string,
  input: { template: string; startDate: string; name?: string },
): Promise<Plan> {
  const template = await findTemplate(input.template);
  const result = await applyTemplate(actorOf(by), {
    accountId,
    templateId: template.id,
    startDate: input.startDate,
    name: input.name ?? "",
  });
  if (!result.ok) throw new Error(`Could not start a plan from “${input.template}”: ${result.error}`);
  const [plan] = await db.select().from(plans).where(eq(plans.id, result.planId));
  return plan!;
}

/**
 * A consent the person gave in answer to an ask of `askType`, with the accepted ask and its
 * opportunity at "accepted" (owned by `ownerId`), as if they had said yes in the portal days ago.
 */
export async function createConsent(
  person: User,
  options: {
    askType: (typeof asks.$inferInsert)["askType"];
    scope?: ConsentScope;
    uses?: string[];
    ownerId?: string;
    daysAgo?: number;
  },
) {
  const accountId = person.accountId;
  if (!accountId) throw new Error("Only a customer's person gives consent.");
  const answeredAt = new Date(Date.now() - (options.daysAgo ?? 7) * 86_400_000);
  const askedAt = new Date(answeredAt.getTime() - 3 * 86_400_000);
  const [askId, consentId, opportunityId] = [newId(), newId(), newId()];
  await db.transaction(async (tx) => {
    await tx.insert(asks).values({
      id: askId,
      accountId,
      recipientId: person.id,
      askType: options.askType,
      signal: "manual",
      status: "accepted",
      respondedAt: answeredAt,
      createdAt: askedAt,
    });
    await tx.insert(consents).values({
      id: consentId,
      accountId,
      userId: person.id,
      askId,
      askType: options.askType,
      uses: options.uses ?? ["name", "title", "company"],
      scope: options.scope ?? "sales",
      grantedAt: answeredAt,
    });
    await tx.insert(opportunities).values({
      id: opportunityId,
      accountId,
      advocateId: person.id,
      askId,
      consentId,
      askType: options.askType,
      stage: "accepted",
      stageEnteredAt: answeredAt,
      ownerId: options.ownerId ?? null,
      createdAt: askedAt,
    });
    await tx.insert(opportunityTransitions).values([
      { id: newId(), opportunityId, fromStage: null, toStage: "identified", at: askedAt },
      { id: newId(), opportunityId, fromStage: "identified", toStage: "asked", at: askedAt, note: "manual" },
      { id: newId(), opportunityId, fromStage: "asked", toStage: "accepted", at: answeredAt },
    ]);
  });
  return { askId, consentId, opportunityId };
}

/** A reference call the advocate took this quarter (counts towards the fatigue limit), requested by `by`. */
export async function createReferenceCall(consent: { consentId: string }, advocate: User, by: User) {
  const [row] = await db
    .insert(referenceRequests)
    .values({
      id: newId(),
      accountId: advocate.accountId!,
      advocateId: advocate.id,
      consentId: consent.consentId,
      prospectCompany: `Prospect ${unique()}`,
      requestedById: by.id,
      status: "accepted",
      respondedAt: new Date(),
    })
    .returning();
  return row!;
}

/** Every task of the milestone marked done (as its people would have), so it can be signed off cleanly. */
export async function finishMilestoneTasks(milestone: { id: string; accountId: string }) {
  await db
    .update(tasks)
    .set({ status: "done", blockedReason: null, completedAt: new Date() })
    .where(and(eq(tasks.milestoneId, milestone.id), eq(tasks.accountId, milestone.accountId)));
}

/**
 * The milestone's tasks done, then signed off by both sides as on the plan page
 * (signOffMilestone): achieved, with its event, and whatever reacts to it (asks) done.
 */
export async function achieveMilestone(milestone: { id: string; accountId: string }, vendor: User, champion: User) {
  await finishMilestoneTasks(milestone);
  for (const person of [vendor, champion]) {
    const result = await signOffMilestone(actorOf(person), milestone.accountId, milestone.id, {});
    if (!result.ok) throw new Error(`Could not sign the milestone off: ${result.error}`);
  }
}

/**
 * A past health snapshot (history a test compares against) under the current default model: the
 * given measures' scores and inputs, the others no data, the overall from the scored ones' weights.
 */
export async function createHealthSnapshot(
  accountId: string,
  day: string,
  scores: Partial<Record<(typeof MEASURE_KEYS)[number], { score: number | null; inputs?: Record<string, unknown> }>>,
) {
  const model = (await currentModels()).fallback;
  const measures: SnapshotMeasure[] = MEASURE_KEYS.map((key) => ({
    key,
    score: scores[key]?.score ?? null,
    weight: model.weights[key],
    inputs: scores[key]?.inputs ?? {},
  }));
  const scored = measures.filter((m) => m.score !== null && m.weight > 0);
  const covered = scored.reduce((sum, m) => sum + m.weight, 0);
  const total = measures.reduce((sum, m) => sum + m.weight, 0);
  const overall = covered > 0 ? Math.round(scored.reduce((sum, m) => sum + m.score! * m.weight, 0) / covered) : null;
  const row = {
    accountId,
    day,
    modelId: model.id,
    modelVersion: model.version,
    overall,
    grade: overall === null ? null : gradeOf(overall, model.thresholds),
    coverage: { measures: scored.length, of: measures.length, weight: Math.round((covered / total) * 100) },
    measures,
    computedAt: new Date(`${day}T12:00:00Z`),
  };
  await db.insert(healthSnapshots).values(row);
  return row;
}

/**
 * Health snapshots of one account as given (day → overall score; null: no data), graded by the
 * default thresholds and filed under the default model: history without scoring real inputs.
 * One statement, so the list's health_current is refreshed once.
 */
export async function createHealthSnapshots(
  accountId: string,
  scores: Record<string, number | null>,
  /** Each measure's score on every one of those days (the rest: no data). */
  measureScores: Record<string, number | null> = {},
) {
  let [model] = await db
    .select({ id: healthModels.id, version: healthModels.version })
    .from(healthModels)
    .where(sql`${healthModels.segmentId} is null`)
    .orderBy(sql`${healthModels.version} desc`)
    .limit(1);
  if (!model) {
    [model] = await db
      .insert(healthModels)
      .values({
        id: newId(),
        version: 1,
        weights: { adoption: 25, plan: 20, skills: 15, sentiment: 15, engagement: 15, community: 10 },
      })
      .onConflictDoNothing()
      .returning({ id: healthModels.id, version: healthModels.version });
    if (!model) return createHealthSnapshots(accountId, scores, measureScores);
  }
  const grade = (score: number): "red" | "yellow" | "green" => (score < 50 ? "red" : score < 75 ? "yellow" : "green");
  await db.insert(healthSnapshots).values(
    Object.entries(scores).map(([day, overall]) => ({
      accountId,
      day,
      modelId: model.id,
      modelVersion: model.version,
      overall,
      grade: overall === null ? null : grade(overall),
      coverage: { measures: overall === null ? 0 : 6, of: 6, weight: overall === null ? 0 : 100 },
      measures: Object.entries(measureScores).map(([key, score]) => ({ key, score, weight: 0, inputs: {} })),
    })),
  );
}

/** An enabled playbook for every segment: by default, remind the assignee at once, then a CSM work item after 3 days. */
export async function createPlaybook(overrides: Partial<typeof playbooks.$inferInsert> = {}) {
  const [row] = await db
    .insert(playbooks)
    .values({
      id: newId(),
      name: `Playbook ${unique()}`,
      trigger: { kind: "task_overdue" },
      steps: [
        { kind: "remind_assignee", delayDays: 0 },
        { kind: "create_work_item", delayDays: 3 },
      ],
      ...overrides,
    })
    .returning();
  return row!;
}

/** An ask waiting for a customer person (open unless told otherwise). */
export async function createAsk(
  person: User,
  overrides: Partial<Omit<typeof asks.$inferInsert, "accountId" | "recipientId">> = {},
) {
  if (!person.accountId) throw new Error("Only a customer's person is asked.");
  const [row] = await db
    .insert(asks)
    .values({
      id: newId(),
      askType: "review",
      signal: "manual",
      ...overrides,
      accountId: person.accountId,
      recipientId: person.id,
    })
    .returning();
  return row!;
}

/** Makes a person one of the trainees a task's course is required of. */
export async function addTrainee(task: Pick<Task, "id" | "accountId">, person: User) {
  await db.insert(taskTrainees).values({ taskId: task.id, userId: person.id, accountId: task.accountId });
}

/** A certificate of a course for a person (they finished it). */
export async function createCertificate(person: User, courseSlug: string) {
  await db.insert(certificates).values({
    id: newId(),
    code: randomBytes(8).toString("hex"),
    userId: person.id,
    accountId: person.accountId,
    courseSlug,
    courseVersion: "1",
    courseTitle: courseSlug,
    personName: person.name,
  });
}
