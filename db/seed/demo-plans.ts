import { and, eq } from "drizzle-orm";
import type { Transaction } from "../client.server";
import { type TaskStatus, milestones, outcomes, tasks } from "../schema";
import type { StaffActor } from "../../app/domain/auth/actor";
import { recordEvent } from "../../app/domain/events/record.server";
import { achievementOf } from "../../app/domain/plans/milestone-status";
import { applyTemplate } from "../../app/domain/plans/templates.server";
import { datePlusDays } from "../../app/domain/plans/template-dates";
import { todayIn } from "../../app/lib/format";
import { newId } from "../../app/lib/ids.server";
import { VALUE_STORIES, seedDemoValue } from "./demo-value";
import { DAY_MS } from "../../app/lib/time";

/**
 * Where each demo account stands in its plan. Every day below is an offset from the plan's start,
 * and the start is counted back from the seed day in the account's time zone, so the demo looks
 * the same whenever it is loaded.
 */
interface PlanStory {
  account: string;
  template: string;
  startedDaysAgo: number;
  /** Who signs milestones off for the customer, and does the customer tasks not listed in `assignees`. */
  champion: string;
  /** Customer tasks by title → the person (email) doing them. Vendor tasks go to the account's CSM. */
  assignees: Record<string, string>;
  /** Milestones signed off, by title: on which days each side signed, and the champion's rating. */
  signed?: Record<string, { vendorDay: number; customerDay: number; rating?: number; ratingComment?: string }>;
  /** Tasks (by title) not simply to do. Tasks of signed milestones are done unless listed here. */
  tasks?: Record<string, { status: TaskStatus; blockedReason?: string; doneDay?: number }>;
  /** Tasks added to the plan after it was applied. */
  extraTasks?: { milestone: string; title: string; notes: string; side: "vendor"; internal: boolean; dueDay: number }[];
}

const PLAN_STORIES: readonly PlanStory[] = [
  {
    account: "Northwind Logistics",
    champion: "hannah@northwind.example",
    template: "Self-serve onboarding",
    startedDaysAgo: 3,
    assignees: {
      "Name a workspace admin and a backup": "hannah@northwind.example",
      "Connect the warehouse data source": "aisha@northwind.example",
      "List the ten numbers the Monday ops review uses": "tom@northwind.example",
      "Build the weekly ops dashboard from the starter template": "aisha@northwind.example",
      "Invite the team leads and assign them “Getting started with Lumen”": "hannah@northwind.example",
      "Retire the spreadsheet version of the ops report": "lukas@northwind.example",
      "Collect three decisions made with Lumen data": "tom@northwind.example",
      "Confirm the hours saved on weekly reporting": "hannah@northwind.example",
    },
  },
  {
    account: "Helix Health",
    champion: "elena@helixhealth.example",
    template: "Regulated industry launch",
    startedDaysAgo: 75,
    assignees: {
      "Name the data owner and the security reviewer": "elena@helixhealth.example",
      "List the systems and fields in scope": "raj@helixhealth.example",
      "Complete the vendor security questionnaire": "owen@helixhealth.example",
      "Sign the business associate agreement": "elena@helixhealth.example",
      "Approve the single sign-on and data retention settings": "owen@helixhealth.example",
      "Provision a read-only replica with de-identified views": "raj@helixhealth.example",
      "Validate ten key figures against the source system": "grace@helixhealth.example",
      "Choose two pilot units and their leads": "mia@helixhealth.example",
      "Run the pilot for four weeks and log feedback": "mia@helixhealth.example",
      "Sign off the validation report": "grace@helixhealth.example",
      "Announce go-live to unit leaders": "elena@helixhealth.example",
    },
    signed: {
      "Kickoff: compliance scope agreed": {
        vendorDay: 13,
        customerDay: 15,
        rating: 4,
        ratingComment: "Getting the security package before we asked for it saved our IT team a week.",
      },
    },
    tasks: {
      "Complete the vendor security questionnaire": { status: "done", doneDay: 33 },
      "Answer follow-up questions from the security review": { status: "done", doneDay: 41 },
      "Sign the business associate agreement": {
        status: "blocked",
        blockedReason: "Waiting on security review sign-off from Helix IT",
      },
      "Configure single sign-on, audit logging and 90-day data retention": { status: "in_progress" },
      "Approve the single sign-on and data retention settings": {
        status: "blocked",
        blockedReason: "Waiting on the Helix IT change advisory board; no meeting date yet",
      },
      "Provision a read-only replica with de-identified views": { status: "in_progress" },
    },
    extraTasks: [
      {
        milestone: "Security and privacy review passed",
        title: "Flag renewal risk to sales leadership",
        notes:
          "The security review has slipped two weeks and the BAA is stuck. Brief the account executive before the next QBR.",
        side: "vendor",
        internal: true,
        dueDay: 77,
      },
    ],
  },
  {
    account: "Orbit Retail",
    champion: "kenji@orbitretail.example",
    template: "Enterprise rollout",
    startedDaysAgo: 110,
    assignees: {
      "Confirm the executive sponsor and the steering group": "kenji@orbitretail.example",
      "Share the current trading-meeting pack": "chloe@orbitretail.example",
      "Nominate a data steward for each source": "kenji@orbitretail.example",
      "Grant read access to the point-of-sale and inventory warehouse": "priyanka@orbitretail.example",
      "Pick five pilot users from merchandising": "chloe@orbitretail.example",
      "Replace the Friday sell-through spreadsheet with the Lumen dashboard": "chloe@orbitretail.example",
      "Move the weekly trading meeting onto Lumen dashboards": "kenji@orbitretail.example",
      "Switch off the reconciliation spreadsheets": "priyanka@orbitretail.example",
      "Certify one dashboard author in every region": "daniel@orbitretail.example",
      "Gather adoption and time-saved figures from region managers": "daniel@orbitretail.example",
    },
    signed: {
      "Kickoff with the executive sponsor": {
        vendorDay: 0,
        customerDay: 1,
        rating: 5,
        ratingComment: "A clear plan and a realistic timeline: the steering group approved it in one meeting.",
      },
      "Sales and inventory data connected": {
        vendorDay: 29,
        customerDay: 31,
        rating: 4,
        ratingComment: "Reconciling with finance took an extra week of back-and-forth, but the numbers match now.",
      },
      "Pilot team live on Lumen": {
        vendorDay: 57,
        customerDay: 58,
        rating: 5,
        ratingComment: "The merchandising team stopped asking for the Friday spreadsheet after one week.",
      },
      "Go-live: the trading meeting runs on Lumen": {
        vendorDay: 82,
        customerDay: 83,
        rating: 5,
        ratingComment: "Live a week early, and the first trading meeting ran entirely on Lumen.",
      },
    },
  },
];

/** The UTC offset of a time zone at an instant, in milliseconds (east of UTC is positive). */
function offsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return wall - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** The instant it is `hour`:00 on `date` in the time zone (office hours, far from any DST switch). */
function atLocalHour(date: string, hour: number, timeZone: string): Date {
  const guess = new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
  return new Date(guess.getTime() - offsetMs(timeZone, guess));
}

export interface DemoAccountRef {
  id: string;
  timeZone: string;
  csm: StaffActor;
}

/** Gives every demo account its plan, told by PLAN_STORIES, with the events of its achieved milestones. */
export async function seedDemoPlans(
  tx: Transaction,
  refs: { accounts: Record<string, DemoAccountRef>; templates: Record<string, string>; people: Record<string, string> },
) {
  for (const story of PLAN_STORIES) {
    const account = refs.accounts[story.account]!;
    const csm = account.csm;
    const today = todayIn(account.timeZone);
    const startDate = datePlusDays(today, -story.startedDaysAgo);
    const dayOf = (day: number) => {
      if (day > story.startedDaysAgo) throw new Error(`Demo story for ${story.account}: day ${day} is in the future`);
      return datePlusDays(startDate, day);
    };
    const personId = (email: string) => {
      const id = refs.people[email];
      if (!id) throw new Error(`Demo story for ${story.account}: no person ${email}`);
      return id;
    };
    const championId = personId(story.champion);

    const applied = await applyTemplate(
      csm,
      { accountId: account.id, templateId: refs.templates[story.template]!, startDate, name: story.template },
      tx,
    );
    if (!applied.ok) throw new Error(`Demo plan for ${story.account}: ${applied.error}`);
    const { planId } = applied;
    const valueStory = VALUE_STORIES[story.account];
    if (valueStory) {
      await seedDemoValue(tx, valueStory, {
        accountId: account.id,
        planId,
        startDate,
        startedDaysAgo: story.startedDaysAgo,
        createdById: csm.id,
        personId,
      });
    }

    const [milestoneRows, taskRows] = await Promise.all([
      tx
        .select({
          id: milestones.id,
          title: milestones.title,
          targetDate: milestones.targetDate,
          outcomeTitle: outcomes.title,
        })
        .from(milestones)
        .leftJoin(outcomes, eq(outcomes.id, milestones.outcomeId))
        .where(eq(milestones.planId, planId)),
      tx
        .select({
          id: tasks.id,
          title: tasks.title,
          side: tasks.side,
          milestoneId: tasks.milestoneId,
          dueDate: tasks.dueDate,
        })
        .from(tasks)
        .where(eq(tasks.planId, planId)),
    ]);
    const milestoneByTitle = new Map(milestoneRows.map((row) => [row.title, row]));
    const titles = new Set([...milestoneRows, ...taskRows].map((row) => row.title));
    for (const title of [
      ...Object.keys(story.signed ?? {}),
      ...Object.keys(story.tasks ?? {}),
      ...Object.keys(story.assignees),
    ]) {
      if (!titles.has(title)) throw new Error(`Demo story for ${story.account}: "${title}" is not in the template`);
    }

    const signedDays = new Map<string, number>();
    for (const [title, sign] of Object.entries(story.signed ?? {})) {
      const milestone = milestoneByTitle.get(title)!;
      signedDays.set(milestone.id, Math.max(sign.vendorDay, sign.customerDay));
      const vendorSignedAt = atLocalHour(dayOf(sign.vendorDay), 11, account.timeZone);
      const customerSignedAt = atLocalHour(dayOf(sign.customerDay), 15, account.timeZone);
      await tx
        .update(milestones)
        .set({
          vendorSignedById: csm.id,
          vendorSignedAt,
          customerSignedById: championId,
          customerSignedAt,
          rating: sign.rating ?? null,
          ratingComment: sign.ratingComment ?? null,
        })
        .where(eq(milestones.id, milestone.id));
      const achieved = achievementOf(
        { targetDate: milestone.targetDate, vendorSignedAt, customerSignedAt },
        account.timeZone,
      )!;
      await recordEvent(tx, {
        type: "milestone.achieved",
        accountId: account.id,
        actorId: customerSignedAt >= vendorSignedAt ? championId : csm.id,
        subjectId: milestone.id,
        payload: {
          milestoneId: milestone.id,
          planId,
          title: milestone.title,
          targetDate: milestone.targetDate,
          achievedOn: achieved.achievedOn,
          daysEarly: achieved.daysEarly,
          outcomeTitle: milestone.outcomeTitle,
        },
        occurredAt: achieved.achievedAt,
      });
    }

    for (const task of taskRows) {
      const assigneeId = task.side === "vendor" ? csm.id : personId(story.assignees[task.title] ?? story.champion);
      const signedDay = signedDays.get(task.milestoneId);
      const state =
        story.tasks?.[task.title] ??
        (signedDay === undefined ? { status: "todo" as const } : { status: "done" as const });
      let completion = {};
      if (state.status === "done") {
        const dueDay = Math.round((Date.parse(task.dueDate!) - Date.parse(startDate)) / DAY_MS);
        const day =
          "doneDay" in state && state.doneDay !== undefined ? state.doneDay : Math.min(dueDay, signedDay ?? dueDay);
        completion = { completedAt: atLocalHour(dayOf(day), 10, account.timeZone), completedById: assigneeId };
      }
      await tx
        .update(tasks)
        .set({
          assigneeId,
          status: state.status,
          blockedReason: "blockedReason" in state ? state.blockedReason : null,
          ...completion,
        })
        .where(and(eq(tasks.id, task.id), eq(tasks.planId, planId)));
    }

    for (const extra of story.extraTasks ?? []) {
      const milestone = milestoneByTitle.get(extra.milestone)!;
      await tx.insert(tasks).values({
        id: newId(),
        planId,
        accountId: account.id,
        milestoneId: milestone.id,
        title: extra.title,
        notes: extra.notes,
        side: extra.side,
        internal: extra.internal,
        assigneeId: csm.id,
        dueDate: datePlusDays(startDate, extra.dueDay),
        position: 100,
      });
    }
  }
}
