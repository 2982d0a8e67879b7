import { type DemoRevenueAccount, seedDemoRevenue } from "./demo-revenue";
import { count, eq } from "drizzle-orm";
import { db } from "../client.server";
import { accounts, planTemplates, segments, telemetryWriteKeys, users } from "../schema";
import type { StaffActor } from "../../app/domain/auth/actor";
import { hashPassword } from "../../app/domain/auth/passwords.server";
import { newId } from "../../app/lib/ids.server";
import { hashToken } from "../../app/lib/tokens.server";
import { seedDemoAdvocacy } from "./demo-advocacy";
import { type DemoAccountRef, seedDemoPlans } from "./demo-plans";
import { VALUE_STORIES } from "./demo-value";
import { DEMO_TEMPLATES } from "./demo-templates";
import { type DemoCommunityPerson, seedDemoCommunity } from "./demo-community";
import { seedDemoHealth } from "./demo-health";
import { seedDemoTelemetry } from "./demo-telemetry";
import { seedDemoTraining } from "./demo-training";
import { seedDemoInterventionHistory, seedDemoInterventions } from "./demo-interventions";
import { loadCatalog } from "../../app/domain/training/content.server";
import type { Locale } from "../../app/i18n/locales";

/** The one password of every demo login. For the demo only: change or remove these people in production. */
const DEMO_PASSWORD = "lumen-demo-2026";
/** A fixed, public key so the README's curl works against the demo; a real install creates its own. */
export const DEMO_WRITE_KEY = "tdm_wk_demo-lumen-analytics-not-a-secret";
/** The same for the read API (scope `read`): fixed and public, demo data only. */
export const DEMO_READ_KEY = "tdm_rk_demo-lumen-analytics-not-a-secret";

const DEMO_LOGINS = [
  { email: "priya@lumen-analytics.example", who: "Priya Raman — admin, Lumen Analytics" },
  { email: "marcus@lumen-analytics.example", who: "Marcus Webb — CSM (Northwind, Orbit)" },
  { email: "sofia@lumen-analytics.example", who: "Sofia Lindqvist — CSM (Helix)" },
  { email: "jordan@lumen-analytics.example", who: "Jordan Blake — marketing" },
  { email: "hannah@northwind.example", who: "Hannah Okafor — champion, Northwind Logistics" },
  { email: "tom@northwind.example", who: "Tom Reyes — member, Northwind Logistics" },
  { email: "elena@helixhealth.example", who: "Elena Marsh — champion, Helix Health" },
  { email: "kenji@orbitretail.example", who: "Kenji Watanabe — champion, Orbit Retail" },
  { email: "wangfang@orbitretail.example", who: "王芳 (Wang Fang) — member, Orbit Retail; portal in 简体中文" },
] as const;

export async function isDatabaseEmpty(): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * A demo database seeded before read keys existed gets the demo read key on start, so the printed
 * key works; only where the demo write key is, so a real install never gets a public key.
 */
export async function ensureDemoReadKey(): Promise<void> {
  const [demo] = await db
    .select({ createdById: telemetryWriteKeys.createdById })
    .from(telemetryWriteKeys)
    .where(eq(telemetryWriteKeys.keyHash, hashToken(DEMO_WRITE_KEY)));
  if (!demo) return;
  await db
    .insert(telemetryWriteKeys)
    .values({
      id: newId(),
      name: "Board report (demo)",
      scope: "read",
      keyHash: hashToken(DEMO_READ_KEY),
      keyPrefix: `${DEMO_READ_KEY.slice(0, 13)}…`,
      createdById: demo.createdById,
    })
    .onConflictDoNothing();
}

export function printDemoLogins() {
  console.log("\nDemo logins (password for all: %s)", DEMO_PASSWORD);
  for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(34)} ${login.who}`);
  console.log(
    "\nDemo telemetry write key: %s (accounts' external ids: crm-northwind, crm-helix, crm-orbit)",
    DEMO_WRITE_KEY,
  );
  console.log("Demo read API key:        %s (GET /api/v1/accounts, demo data only)", DEMO_READ_KEY);
}

type Person = {
  name: string;
  email: string;
  title: string;
  role?: "champion" | "member";
  /** Set for people who read the portal in another language than English, with their own time zone. */
  locale?: Locale;
  timeZone?: string;
  handle?: string;
};

/**
 * Lumen Analytics, a reporting SaaS, with its team, three customers (see shared/PRODUCT.md), a plan
 * template per segment, a plan for each customer in a different state (see demo-plans.ts) and
 * their people's training progress (see demo-training.ts).
 */
export async function seedDemo() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // The courses in use (CONTENT_DIR): training progress is only seeded for courses people can open.
  const { courses } = loadCatalog();
  await db.transaction(async (tx) => {
    const segmentIds = { selfServe: newId(), enterprise: newId(), regulated: newId() };
    await tx.insert(segments).values([
      {
        id: segmentIds.selfServe,
        name: "Self-serve team",
        description: "Small and mid-market teams that roll out on their own with light guidance.",
      },
      {
        id: segmentIds.enterprise,
        name: "Enterprise rollout",
        description: "Large companies rolling out across departments with an executive sponsor.",
      },
      {
        id: segmentIds.regulated,
        name: "Regulated industry",
        description: "Healthcare, finance and public sector: security review and validation first.",
      },
    ]);

    const staff = {
      priya: { id: newId(), name: "Priya Raman", email: "priya@lumen-analytics.example", staffRole: "admin" as const },
      marcus: { id: newId(), name: "Marcus Webb", email: "marcus@lumen-analytics.example", staffRole: "csm" as const },
      sofia: {
        id: newId(),
        name: "Sofia Lindqvist",
        email: "sofia@lumen-analytics.example",
        staffRole: "csm" as const,
      },
      jordan: {
        id: newId(),
        name: "Jordan Blake",
        email: "jordan@lumen-analytics.example",
        staffRole: "marketing" as const,
      },
    };
    await tx
      .insert(users)
      .values(Object.values(staff).map((person) => ({ ...person, passwordHash, title: "Lumen Analytics" })));

    await tx.insert(telemetryWriteKeys).values([
      {
        id: newId(),
        name: "Lumen web app (demo)",
        scope: "ingest",
        keyHash: hashToken(DEMO_WRITE_KEY),
        keyPrefix: `${DEMO_WRITE_KEY.slice(0, 13)}…`,
        createdById: staff.priya.id,
      },
      {
        id: newId(),
        name: "Board report (demo)",
        scope: "read",
        keyHash: hashToken(DEMO_READ_KEY),
        keyPrefix: `${DEMO_READ_KEY.slice(0, 13)}…`,
        createdById: staff.priya.id,
      },
    ]);

    const customers: {
      name: string;
      segmentId: string;
      industry: string;
      region: string;
      licensedSeats: number;
      renewalDate: string;
      csmId: string;
      timeZone: string;
      annualCost: number;
      currency: string;
      useCases: string[];
      externalId: string;
      people: Person[];
    }[] = [
      {
        name: "Northwind Logistics",
        segmentId: segmentIds.selfServe,
        industry: "Logistics",
        region: "EMEA",
        licensedSeats: 25,
        renewalDate: "2027-06-30",
        csmId: staff.marcus.id,
        timeZone: "Europe/London",
        annualCost: VALUE_STORIES["Northwind Logistics"]!.annualCost,
        currency: VALUE_STORIES["Northwind Logistics"]!.currency,
        useCases: ["Operational KPIs", "Fleet performance dashboards", "Self-serve analytics"],
        externalId: "crm-northwind",
        people: [
          { name: "Hannah Okafor", email: "hannah@northwind.example", title: "Head of Operations", role: "champion" },
          { name: "Tom Reyes", email: "tom@northwind.example", title: "Dispatch Lead" },
          { name: "Aisha Patel", email: "aisha@northwind.example", title: "Fleet Analyst" },
          { name: "Lukas Becker", email: "lukas@northwind.example", title: "Warehouse Manager" },
        ],
      },
      {
        name: "Helix Health",
        segmentId: segmentIds.regulated,
        industry: "Healthcare",
        region: "North America",
        licensedSeats: 150,
        renewalDate: "2027-02-15",
        csmId: staff.sofia.id,
        timeZone: "America/Chicago",
        annualCost: VALUE_STORIES["Helix Health"]!.annualCost,
        currency: VALUE_STORIES["Helix Health"]!.currency,
        useCases: ["Clinical quality reporting", "Regulatory reporting", "Financial reporting"],
        externalId: "crm-helix",
        people: [
          {
            name: "Elena Marsh",
            email: "elena@helixhealth.example",
            title: "VP Clinical Operations",
            role: "champion",
          },
          { name: "Raj Iyer", email: "raj@helixhealth.example", title: "Data Governance Lead" },
          { name: "Grace Kim", email: "grace@helixhealth.example", title: "Quality Analyst" },
          { name: "Owen Fletcher", email: "owen@helixhealth.example", title: "IT Security Manager" },
          { name: "Mia Santos", email: "mia@helixhealth.example", title: "Nursing Informatics" },
        ],
      },
      {
        name: "Orbit Retail",
        segmentId: segmentIds.enterprise,
        industry: "Retail",
        region: "APAC",
        licensedSeats: 200,
        renewalDate: "2027-09-01",
        csmId: staff.marcus.id,
        timeZone: "Australia/Sydney",
        annualCost: VALUE_STORIES["Orbit Retail"]!.annualCost,
        currency: VALUE_STORIES["Orbit Retail"]!.currency,
        useCases: ["Merchandising analytics", "Store performance dashboards", "Self-serve analytics"],
        externalId: "crm-orbit",
        people: [
          {
            name: "Kenji Watanabe",
            email: "kenji@orbitretail.example",
            title: "Director, Merchandising Analytics",
            role: "champion",
          },
          { name: "Chloe Nguyen", email: "chloe@orbitretail.example", title: "Category Manager" },
          { name: "Daniel Cho", email: "daniel@orbitretail.example", title: "Store Operations Analyst" },
          { name: "Priyanka Sharma", email: "priyanka@orbitretail.example", title: "BI Developer" },
          {
            name: "王芳",
            email: "wangfang@orbitretail.example",
            title: "华东区运营经理",
            locale: "zh-CN",
            timeZone: "Asia/Shanghai",
            handle: "wangfang",
          },
        ],
      },
    ];

    const staffActor = (person: (typeof staff)[keyof typeof staff]): StaffActor => ({
      kind: "staff",
      id: person.id,
      email: person.email,
      name: person.name,
      staffRole: person.staffRole,
      locale: "en",
      timeZone: "UTC",
    });
    const csmActors = new Map([staff.marcus, staff.sofia].map((person) => [person.id, staffActor(person)]));
    const accountRefs: Record<string, DemoAccountRef> = {};
    const peopleIds: Record<string, string> = {};

    const revenue: DemoRevenueAccount[] = [];
    for (const { people, annualCost, ...account } of customers) {
      const accountId = newId();
      revenue.push({
        id: accountId,
        name: account.name,
        arr: annualCost,
        currency: account.currency,
        renewalDate: account.renewalDate,
      });
      accountRefs[account.name] = { id: accountId, timeZone: account.timeZone, csm: csmActors.get(account.csmId)! };
      for (const person of people) peopleIds[person.email] = newId();
      await tx.insert(accounts).values({ id: accountId, ...account });
      await tx.insert(users).values(
        people.map((person) => ({
          id: peopleIds[person.email]!,
          name: person.name,
          email: person.email,
          title: person.title,
          passwordHash,
          accountId,
          accountRole: person.role ?? ("member" as const),
          locale: person.locale ?? "en",
          timeZone: person.timeZone ?? account.timeZone,
        })),
      );
    }

    await seedDemoRevenue(tx, {
      demoAccounts: revenue,
      segmentIds: Object.values(segmentIds),
      csmIds: [staff.marcus.id, staff.sofia.id],
    });

    const templateIds: Record<string, string> = {};
    for (const template of DEMO_TEMPLATES) templateIds[template.name] = newId();
    await tx.insert(planTemplates).values(
      DEMO_TEMPLATES.map((template) => ({
        id: templateIds[template.name]!,
        name: template.name,
        description: template.description,
        segmentId: segmentIds[template.segment],
        definition: template.definition,
      })),
    );
    await seedDemoPlans(tx, { accounts: accountRefs, templates: templateIds, people: peopleIds });
    await seedDemoTraining(tx, { accounts: accountRefs, courses });

    const communityPeople: Record<string, DemoCommunityPerson> = {};
    for (const person of Object.values(staff))
      communityPeople[person.email] = {
        id: person.id,
        name: person.name,
        email: person.email,
        title: "Lumen Analytics",
        staff: true,
        accountId: null,
      };
    for (const { people, name } of customers) {
      for (const person of people) {
        communityPeople[person.email] = {
          id: peopleIds[person.email]!,
          name: person.name,
          email: person.email,
          title: person.title,
          staff: false,
          accountId: accountRefs[name]!.id,
          handle: person.handle,
        };
      }
    }
    await seedDemoCommunity(tx, communityPeople);
    await seedDemoAdvocacy(tx, { accounts: accountRefs, people: peopleIds, marketingId: staff.jordan.id });
    await seedDemoInterventions(tx);
    await seedDemoTelemetry(tx, {
      accounts: Object.fromEntries(Object.entries(accountRefs).map(([name, ref]) => [name, ref.id])),
      people: peopleIds,
      regulatedSegmentId: segmentIds.regulated,
    });
  });
  // Health reads every other area's data through their functions, so it is seeded once they are committed.
  await seedDemoHealth();
  await seedDemoInterventionHistory();
}
