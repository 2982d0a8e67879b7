import type { Transaction } from "../client.server";
import {
  telemetryDailyAccounts,
  telemetryDailyEvents,
  telemetryDailyUsers,
  telemetryKeyFeatures,
  telemetryProductUsers,
} from "../schema";
import { newId } from "../../app/lib/ids.server";
import { DAY_MS } from "../../app/lib/time";

/**
 * 90 days of product usage for the demo accounts, written straight into the daily rollups (what
 * the ingest would have added up), true to each account's story:
 * - Orbit Retail: broad and rising — most of its people on most key features, more every month;
 * - Helix Health: falling over the last month — half its users stopped, Owen and Mia went quiet;
 * - Northwind Logistics: ramping up — a few users at first, a new one every few days.
 * Deterministic for a given day: a seeded random sequence, days counted back from today (UTC).
 */

const DEMO_KEY_FEATURES = [
  { name: "Creates reports", event: "Report Created" },
  { name: "Shares dashboards", event: "Dashboard Shared" },
  { name: "Schedules exports", event: "Export Scheduled" },
  { name: "Sets up alerts", event: "Alert Configured" },
  { name: "Exports the audit log", event: "Audit Log Exported", segment: "regulated" as const },
];

const DAYS = 90;

interface DemoProductUser {
  name: string;
  email: string;
  /** First day active (0 = 89 days ago) and the first day no longer active. */
  start: number;
  end: number;
  personEmail?: string;
}

interface Story {
  externalPrefix: string;
  domain: string;
  users: DemoProductUser[];
  /** The chance a user is active on a weekday, by day. */
  activity: (day: number) => number;
  /** Each key event's chance on a user's active day, by day. */
  features: (day: number) => Partial<Record<string, number>>;
}

/** mulberry32: a small seeded generator, so the demo is the same on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  "Alex",
  "Sam",
  "Jamie",
  "Morgan",
  "Taylor",
  "Casey",
  "Riley",
  "Jordan",
  "Avery",
  "Quinn",
  "Rowan",
  "Drew",
];
const LAST = ["Lee", "Garcia", "Müller", "Silva", "Kowalski", "Tanaka", "Brown", "Okoro", "Rossi", "Novak", "Haddad"];

function crowd(count: number, domain: string, offset: number, place: (i: number) => { start: number; end: number }) {
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[(i + offset) % FIRST.length]!;
    const last = LAST[Math.floor((i + offset) / FIRST.length) % LAST.length]!;
    return {
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@${domain}`.toLowerCase().replace("ü", "u"),
      ...place(i),
    };
  });
}

const STORIES: Record<string, Story> = {
  "Orbit Retail": {
    externalPrefix: "orbit",
    domain: "orbitretail.example",
    users: [
      {
        name: "Kenji Watanabe",
        email: "kenji@orbitretail.example",
        start: 0,
        end: DAYS,
        personEmail: "kenji@orbitretail.example",
      },
      {
        name: "Chloe Nguyen",
        email: "chloe@orbitretail.example",
        start: 2,
        end: DAYS,
        personEmail: "chloe@orbitretail.example",
      },
      {
        name: "Daniel Cho",
        email: "daniel@orbitretail.example",
        start: 5,
        end: DAYS,
        personEmail: "daniel@orbitretail.example",
      },
      {
        name: "Priyanka Sharma",
        email: "priyanka@orbitretail.example",
        start: 1,
        end: DAYS,
        personEmail: "priyanka@orbitretail.example",
      },
      // 90 at the start, and 45 more joining over the last two months.
      ...crowd(135, "orbitretail.example", 0, (i) => ({ start: i < 90 ? i % 10 : 30 + (i - 90), end: DAYS })),
    ],
    activity: (day) => 0.45 + (0.25 * day) / DAYS,
    features: () => ({
      "Report Created": 0.4,
      "Dashboard Shared": 0.25,
      "Export Scheduled": 0.12,
      "Alert Configured": 0.08,
    }),
  },
  "Helix Health": {
    externalPrefix: "helix",
    domain: "helixhealth.example",
    users: [
      {
        name: "Elena Marsh",
        email: "elena@helixhealth.example",
        start: 0,
        end: DAYS,
        personEmail: "elena@helixhealth.example",
      },
      {
        name: "Raj Iyer",
        email: "raj@helixhealth.example",
        start: 0,
        end: DAYS,
        personEmail: "raj@helixhealth.example",
      },
      {
        name: "Grace Kim",
        email: "grace@helixhealth.example",
        start: 3,
        end: DAYS,
        personEmail: "grace@helixhealth.example",
      },
      {
        name: "Owen Fletcher",
        email: "owen@helixhealth.example",
        start: 0,
        end: 68,
        personEmail: "owen@helixhealth.example",
      },
      {
        name: "Mia Santos",
        email: "mia@helixhealth.example",
        start: 4,
        end: 66,
        personEmail: "mia@helixhealth.example",
      },
      // 75 users for two months; from about a month ago two in three stop, a few at a time.
      ...crowd(75, "helixhealth.example", 3, (i) => ({ start: i % 6, end: i % 3 === 0 ? DAYS : 50 + (i % 14) })),
    ],
    activity: (day) => (day < 60 ? 0.55 : 0.35),
    features: (day) =>
      day < 60
        ? {
            "Report Created": 0.35,
            "Dashboard Shared": 0.2,
            "Export Scheduled": 0.1,
            "Alert Configured": 0.05,
            "Audit Log Exported": 0.04,
          }
        : { "Report Created": 0.2, "Dashboard Shared": 0.06, "Audit Log Exported": 0.03 },
  },
  "Northwind Logistics": {
    externalPrefix: "northwind",
    domain: "northwind.example",
    users: [
      {
        name: "Hannah Okafor",
        email: "hannah@northwind.example",
        start: 0,
        end: DAYS,
        personEmail: "hannah@northwind.example",
      },
      { name: "Tom Reyes", email: "tom@northwind.example", start: 6, end: DAYS, personEmail: "tom@northwind.example" },
      {
        name: "Aisha Patel",
        email: "aisha@northwind.example",
        start: 31,
        end: DAYS,
        personEmail: "aisha@northwind.example",
      },
      // Lukas hasn't started; a new colleague joins every five days or so.
      ...crowd(13, "northwind.example", 7, (i) => ({ start: 20 + i * 5, end: DAYS })),
    ],
    activity: (day) => 0.5 + (0.2 * day) / DAYS,
    features: (day) => ({ "Report Created": 0.45, "Dashboard Shared": day > 45 ? 0.15 : 0.03 }),
  },
};

function dayString(today: Date, offset: number) {
  return new Date(today.getTime() - (DAYS - 1 - offset) * DAY_MS).toISOString().slice(0, 10);
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 2000) await insert(rows.slice(i, i + 2000));
}

export async function seedDemoTelemetry(
  tx: Transaction,
  refs: { accounts: Record<string, string>; people: Record<string, string>; regulatedSegmentId: string },
  now = new Date(),
) {
  await tx.insert(telemetryKeyFeatures).values(
    DEMO_KEY_FEATURES.map((feature) => ({
      id: newId(),
      name: feature.name,
      event: feature.event,
      segmentId: feature.segment ? refs.regulatedSegmentId : null,
    })),
  );
  const today = new Date(`${now.toISOString().slice(0, 10)}T12:00:00Z`);
  const next = random(20260412);
  const productUsers: (typeof telemetryProductUsers.$inferInsert)[] = [];
  const dailyUsers: (typeof telemetryDailyUsers.$inferInsert)[] = [];
  const dailyEvents: (typeof telemetryDailyEvents.$inferInsert)[] = [];
  const dailyAccounts: (typeof telemetryDailyAccounts.$inferInsert)[] = [];

  for (const [accountName, story] of Object.entries(STORIES)) {
    const accountId = refs.accounts[accountName]!;
    const totals = new Array<number>(DAYS).fill(0);
    story.users.forEach((user, index) => {
      const id = newId();
      let first = -1;
      let last = -1;
      for (let day = user.start; day < user.end; day++) {
        const weekday = new Date(dayString(today, day)).getUTCDay() % 6 !== 0;
        if (next() > story.activity(day) * (weekday ? 1 : 0.2)) continue;
        if (first < 0) first = day;
        last = day;
        const events: Record<string, number> = { "Dashboard Viewed": 1 + Math.floor(next() * 6) };
        for (const [event, chance] of Object.entries(story.features(day))) {
          if (next() < chance!) events[event] = 1 + Math.floor(next() * 3);
        }
        const count = Object.values(events).reduce((sum, n) => sum + n, 0);
        totals[day]! += count;
        const date = dayString(today, day);
        dailyUsers.push({ accountId, productUserId: id, day: date, events: count });
        for (const [event, n] of Object.entries(events)) {
          dailyEvents.push({ accountId, productUserId: id, day: date, event, events: n });
        }
      }
      if (first < 0) return;
      const at = (day: number, hour: number) =>
        new Date(Date.parse(`${dayString(today, day)}T00:00:00Z`) + hour * 3_600_000);
      productUsers.push({
        id,
        accountId,
        externalId: `${story.externalPrefix}-user-${String(index + 1).padStart(3, "0")}`,
        groupId: `crm-${story.externalPrefix}`,
        groupedAt: at(first, 9),
        email: user.email,
        name: user.name,
        personId: user.personEmail ? (refs.people[user.personEmail] ?? null) : null,
        firstSeenAt: at(first, 9),
        lastSeenAt: at(last, 16),
      });
    });
    totals.forEach((events, day) => {
      if (events > 0) dailyAccounts.push({ accountId, day: dayString(today, day), events });
    });
  }

  await insertChunked(productUsers, (chunk) => tx.insert(telemetryProductUsers).values(chunk));
  await insertChunked(dailyAccounts, (chunk) => tx.insert(telemetryDailyAccounts).values(chunk));
  await insertChunked(dailyUsers, (chunk) => tx.insert(telemetryDailyUsers).values(chunk));
  await insertChunked(dailyEvents, (chunk) => tx.insert(telemetryDailyEvents).values(chunk));
}
