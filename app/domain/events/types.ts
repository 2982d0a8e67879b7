/**
 * The domain events other areas react to, and the payload each carries. Payloads are stored as
 * jsonb; dates inside them are "YYYY-MM-DD" strings in the account's calendar.
 */
export interface EventPayloads {
  /** Both sides signed a milestone off. `daysEarly` is negative when it was achieved late. */
  "milestone.achieved": {
    milestoneId: string;
    planId: string;
    title: string;
    targetDate: string;
    achievedOn: string;
    daysEarly: number;
    /** The outcome the milestone serves, if linked (older events don't carry it). */
    outcomeTitle?: string | null;
    /** Tasks still open when it was achieved (signed off anyway); absent when none were. */
    openTasks?: number;
  };
  /** Every milestone of a plan is achieved. `openTasks`: tasks still open then, absent when none. */
  "plan.completed": { planId: string; openTasks?: number };
  /**
   * A task passed its due date while still open (emitted by a scheduled job, once per task and due
   * date: a task whose due date moves later and passes again is overdue again).
   */
  "task.overdue": { taskId: string; planId: string; dueDate: string };
  /** A person finished every lesson of a course (the subject is the certificate issued for it). */
  "course.completed": {
    courseSlug: string;
    courseVersion: string;
    courseTitle: string;
    certificateId: string;
    userId: string;
  };
  /** Every active person of an account the course is meant for now holds its certificate (once per account and version). */
  "course.completed_by_team": { courseSlug: string; courseVersion: string; courseTitle: string; people: number };
  /** A customer person's community reply was accepted as the answer (account: the reply author's). */
  "answer.accepted": { replyId: string; topicId: string; authorId: string };
  /** A customer person's community reply got an upvote (once per voter and reply). */
  "reply.upvoted": { replyId: string; topicId: string; authorId: string };
  /** A customer person answered the NPS survey (0–10). Dismissals are not events. */
  "nps.submitted": { responseId: string; score: number };
  /** An account's computed health grade changed (from null: its first grade). */
  "health.grade_changed": { from: "red" | "yellow" | "green" | null; to: "red" | "yellow" | "green"; score: number };
}

export type EventType = keyof EventPayloads;

/** One event to record: its type decides its payload's shape. */
export type DomainEventInput = {
  [T in EventType]: {
    type: T;
    accountId: string | null;
    /** Who caused it; null for the system (a scheduled job). */
    actorId: string | null;
    /** The main thing it is about (the milestone, the plan, the task). */
    subjectId: string | null;
    payload: EventPayloads[T];
    /** When it happened; now unless given (demo data records the past). */
    occurredAt?: Date;
  };
}[EventType];

export type DomainEvent = DomainEventInput & { id: string; occurredAt: Date };
