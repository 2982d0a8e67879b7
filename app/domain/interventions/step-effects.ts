import { DAY_MS, addDays } from "~/lib/time";
import { MESSAGES_PER_PERSON_PER_WEEK, WATCH_DAYS_AFTER_LAST_STEP, type PlaybookStep } from "./playbook-rules";

/*
 * What a due run does, as plain data: the advance job (runs.server.ts) loads a batch's facts in a
 * few queries, asks these rules run by run, and writes what they answer in bulk. Nothing here reads
 * or writes the database, so the rules (the weekly cap as it fills within a batch, who hears what)
 * test without one.
 */

export interface StepPerson {
  id: string;
  name: string;
  email: string;
  locale: string;
}

/** Each person's playbook messages (`sent` steps) in the last 7 days, counting those a batch adds as it goes. */
export interface WeeklyCap {
  allows(personId: string): boolean;
  use(personId: string): void;
}

export function weeklyCap(sentThisWeek: ReadonlyMap<string, number>): WeeklyCap {
  const sent = new Map(sentThisWeek);
  return {
    allows: (personId) => (sent.get(personId) ?? 0) < MESSAGES_PER_PERSON_PER_WEEK,
    use: (personId) => void sent.set(personId, (sent.get(personId) ?? 0) + 1),
  };
}

export type MessageKind = "reminders" | "champion" | "digest";

/** The mail kind whose preference decides a messaging step (a digest line: whether they take the digest). */
export function messageKindOf(kind: PlaybookStep["kind"]): MessageKind {
  return kind === "remind_assignee" ? "reminders" : kind === "tell_champion_digest" ? "digest" : "champion";
}

/** What a batch knows before it decides: loaded once for all its runs. */
export interface StepFacts {
  /** Active (not deactivated) people by id. */
  people: ReadonlyMap<string, StepPerson>;
  /** Each account's active champions, up to 5. */
  champions: ReadonlyMap<string, readonly StepPerson[]>;
  /** The oldest active admin: who escalations (and accounts without a CSM) go to. */
  firstAdminId: string | null;
  cap: WeeklyCap;
  /** Whether the person takes email of this kind (their preferences). */
  accepts(personId: string, kind: MessageKind): boolean;
  /** Whether the person sees reminders under the bell (their due-and-overdue channel). */
  showsReminders?(personId: string): boolean;
}

export interface StepInput {
  step: PlaybookStep;
  accountId: string;
  csmId: string | null;
  /** The run's task's assignee (null: unassigned; undefined: the run is not about a task). */
  taskAssigneeId: string | null | undefined;
  now: Date;
}

type StepOutcome = "sent" | "capped" | "skipped" | "created";

export interface StepEffects {
  /** The step's history rows (what the cap counts): one per person, or one `skipped` without anyone. */
  records: { outcome: StepOutcome; recipientId: string | null }[];
  /** Who is messaged: an email when they take its kind, and for a reminder an in-app notice too. */
  messages: { person: StepPerson; kind: MessageKind; email: boolean; notice: boolean }[];
  workItem: { assigneeId: string; locale: string; escalate: boolean; dueDate: string } | null;
  /** Who gets a line in their next weekly digest (not an email of its own, so not counted by the cap). */
  digestLines: StepPerson[];
}

/** The people a messaging step would write to (before the cap): the batch locks and counts them first. */
export function stepRecipients(facts: Pick<StepFacts, "people" | "champions">, input: StepInput): StepPerson[] {
  if (input.step.kind === "remind_assignee") {
    const person = facts.people.get((input.taskAssigneeId ?? input.csmId) || "");
    return person ? [person] : [];
  }
  if (input.step.kind === "tell_champion" || input.step.kind === "tell_champion_digest")
    return [...(facts.champions.get(input.accountId) ?? [])];
  return [];
}

/** One step's effects. Messages use the cap as they go, so a later run in the batch sees them. */
export function stepEffects(facts: StepFacts, input: StepInput): StepEffects {
  const { step, now } = input;
  const effects: StepEffects = { records: [], messages: [], workItem: null, digestLines: [] };

  if (step.kind === "tell_champion_digest") {
    const people = stepRecipients(facts, input);
    if (people.length === 0) effects.records.push({ outcome: "skipped", recipientId: null });
    for (const person of people) {
      // A champion who turned the digest off would never read the line.
      if (!facts.accepts(person.id, "digest")) {
        effects.records.push({ outcome: "skipped", recipientId: person.id });
        continue;
      }
      effects.digestLines.push(person);
      effects.records.push({ outcome: "created", recipientId: person.id });
    }
    return effects;
  }

  if (step.kind === "remind_assignee" || step.kind === "tell_champion") {
    const people = stepRecipients(facts, input);
    if (people.length === 0) effects.records.push({ outcome: "skipped", recipientId: null });
    const kind: MessageKind = step.kind === "remind_assignee" ? "reminders" : "champion";
    for (const person of people) {
      if (!facts.cap.allows(person.id)) {
        effects.records.push({ outcome: "capped", recipientId: person.id });
        continue;
      }
      const email = facts.accepts(person.id, kind);
      // The person turned this kind of email off: a champion then hears nothing, so nothing was
      // sent (and the weekly cap isn't used); an assignee still gets the in-app reminder.
      if (!email && step.kind === "tell_champion") {
        effects.records.push({ outcome: "skipped", recipientId: person.id });
        continue;
      }
      const notice = step.kind === "remind_assignee" && (facts.showsReminders?.(person.id) ?? true);
      // An assignee who chose neither the bell nor email (off, or only the digest) hears nothing now.
      if (step.kind === "remind_assignee" && !email && !notice) {
        effects.records.push({ outcome: "skipped", recipientId: person.id });
        continue;
      }
      effects.messages.push({ person, kind, email, notice });
      effects.records.push({ outcome: "sent", recipientId: person.id });
      facts.cap.use(person.id);
    }
    return effects;
  }

  const escalate = step.kind === "escalate_admin";
  const assigneeId = escalate ? facts.firstAdminId : (input.csmId ?? facts.firstAdminId);
  if (!assigneeId) {
    effects.records.push({ outcome: "skipped", recipientId: null });
    return effects;
  }
  effects.workItem = {
    assigneeId,
    // A deactivated CSM still owns the account's item (as before); it is written in English then.
    locale: facts.people.get(assigneeId)?.locale ?? "en",
    escalate,
    dueDate: addDays(now, escalate ? 1 : 3)
      .toISOString()
      .slice(0, 10),
  };
  effects.records.push({ outcome: "created", recipientId: assigneeId });
  return effects;
}

export interface RunState {
  status: "open" | "resolved" | "completed" | "stopped";
  currentStep: number;
  nextStepAt: Date | null;
  startedAt: Date;
  resolvedAt: Date | null;
  endedAt: Date | null;
}

export type RunAdvance =
  | { kind: "resolved" | "ended" | "watching"; next: RunState }
  | { kind: "step"; step: PlaybookStep; index: number; next: RunState };

/**
 * Where a due run goes: ended as resolved when its reason is gone; else its next step (and when
 * the one after is due); with every step done (or the playbook turned off) it watches its reason
 * a while, then ends.
 */
export function advanceRun(
  run: RunState,
  playbook: { enabled: boolean; steps: readonly PlaybookStep[] },
  reasonResolved: boolean,
  now: Date,
): RunAdvance {
  if (reasonResolved) {
    return { kind: "resolved", next: { ...run, status: "resolved", resolvedAt: now, endedAt: now, nextStepAt: null } };
  }
  const step = playbook.steps[run.currentStep];
  if (!step || !playbook.enabled) {
    const ended = !playbook.enabled || now.getTime() - run.startedAt.getTime() > WATCH_DAYS_AFTER_LAST_STEP * DAY_MS;
    return ended
      ? {
          kind: "ended",
          next: { ...run, status: playbook.enabled ? "completed" : "stopped", endedAt: now, nextStepAt: null },
        }
      : { kind: "watching", next: { ...run, nextStepAt: addDays(now, 1) } };
  }
  const following = playbook.steps[run.currentStep + 1];
  return {
    kind: "step",
    step,
    index: run.currentStep,
    next: { ...run, currentStep: run.currentStep + 1, nextStepAt: addDays(now, following ? following.delayDays : 1) },
  };
}
