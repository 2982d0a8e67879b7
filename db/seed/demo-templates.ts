import type { TemplateDefinition } from "../schema";

/**
 * The three demo plan templates, one per segment, written for customers of Lumen Analytics (a
 * reporting SaaS). Everything is dated by its day offset from the plan's start.
 */
export interface DemoTemplate {
  name: string;
  description: string;
  segment: "selfServe" | "enterprise" | "regulated";
  definition: TemplateDefinition;
}

const selfServe: DemoTemplate = {
  name: "Self-serve onboarding",
  segment: "selfServe",
  description: "Ninety days for a small team to move its weekly reporting into Lumen and answer its own questions.",
  definition: {
    outcomes: [
      {
        key: "ops-report",
        title: "Weekly operations report built in Lumen, not in spreadsheets",
        why: "Team leads spend Monday mornings copying numbers from exports into slides, and the figures rarely match.",
        successCriteria:
          "The Monday ops report comes from one Lumen dashboard, with no manual copy-paste, four weeks in a row.",
        dayOffset: 60,
      },
      {
        key: "self-serve",
        title: "Team leads answer their own data questions",
        why: "Every question about yesterday's numbers queues up with one analyst.",
        successCriteria: "80% of licensed seats active each week; ad-hoc data requests to the analyst cut by half.",
        dayOffset: 90,
      },
    ],
    milestones: [
      {
        key: "connected",
        title: "Workspace set up and warehouse connected",
        description: "Admins are in, single sign-on works, and the warehouse data source syncs every night.",
        dayOffset: 14,
        outcomeKey: "ops-report",
      },
      {
        key: "dashboard",
        title: "Weekly ops dashboard live",
        description: "The dashboard behind the Monday ops review is built in Lumen and shared with every team lead.",
        dayOffset: 30,
        outcomeKey: "ops-report",
      },
      {
        key: "adoption",
        title: "Every team lead uses Lumen weekly",
        description: "Team leads open the dashboard on their own each week, and the spreadsheet version is retired.",
        dayOffset: 60,
        outcomeKey: "self-serve",
      },
      {
        key: "review",
        title: "90-day review: value confirmed",
        description: "Both sides review adoption and hours saved, and agree the goals for next quarter.",
        dayOffset: 90,
        outcomeKey: "self-serve",
      },
    ],
    tasks: [
      {
        milestoneKey: "connected",
        title: "Name a workspace admin and a backup",
        notes: "Admins manage people, data sources and sharing.",
        side: "customer",
        dayOffset: 5,
      },
      {
        milestoneKey: "connected",
        title: "Connect the warehouse data source",
        notes: "A read-only user on the reporting schema is enough; the setup guide lists the grants.",
        side: "customer",
        dayOffset: 10,
      },
      {
        milestoneKey: "connected",
        title: "Turn on single sign-on for the workspace",
        notes: "",
        side: "vendor",
        dayOffset: 7,
      },
      {
        milestoneKey: "connected",
        title: "Review the data model with the admin and map the key tables",
        notes: "30-minute call; bring the list of tables the ops report uses.",
        side: "vendor",
        dayOffset: 12,
      },
      {
        milestoneKey: "dashboard",
        title: "List the ten numbers the Monday ops review uses",
        notes: "Where each comes from today and who owns it.",
        side: "customer",
        dayOffset: 18,
      },
      {
        milestoneKey: "dashboard",
        title: "Build the weekly ops dashboard from the starter template",
        notes: "",
        side: "customer",
        dayOffset: 26,
      },
      {
        milestoneKey: "dashboard",
        title: "Run a dashboard-building session for the team",
        notes: "45 minutes, recorded for anyone who can't join.",
        side: "vendor",
        dayOffset: 22,
      },
      {
        milestoneKey: "dashboard",
        title: "Review the dashboard and fix slow queries",
        notes: "",
        side: "vendor",
        dayOffset: 28,
      },
      {
        milestoneKey: "adoption",
        title: "Invite the team leads and assign them “Getting started with Lumen”",
        notes: "",
        side: "customer",
        dayOffset: 35,
      },
      {
        milestoneKey: "adoption",
        title: "Retire the spreadsheet version of the ops report",
        notes: "Announce the date and point people to the dashboard link.",
        side: "customer",
        dayOffset: 55,
      },
      {
        milestoneKey: "adoption",
        title: "Schedule the ops dashboard by email every Monday at 8:00",
        notes: "",
        side: "vendor",
        dayOffset: 40,
      },
      {
        milestoneKey: "adoption",
        title: "Send the champion a weekly adoption report",
        notes: "Active people, most-viewed dashboards, people who haven't signed in.",
        side: "vendor",
        dayOffset: 45,
      },
      {
        milestoneKey: "review",
        title: "Collect three decisions made with Lumen data",
        notes: "One line each: the decision, the number behind it, the result.",
        side: "customer",
        dayOffset: 80,
      },
      {
        milestoneKey: "review",
        title: "Confirm the hours saved on weekly reporting",
        notes: "",
        side: "customer",
        dayOffset: 85,
      },
      {
        milestoneKey: "review",
        title: "Prepare the 90-day review with adoption and time-saved figures",
        notes: "",
        side: "vendor",
        dayOffset: 87,
      },
      {
        milestoneKey: "review",
        title: "Agree next quarter's goals with the champion",
        notes: "",
        side: "vendor",
        dayOffset: 90,
      },
    ],
  },
};

const enterprise: DemoTemplate = {
  name: "Enterprise rollout",
  segment: "enterprise",
  description:
    "A four-month rollout across departments, led by an executive sponsor: data first, a pilot team, then go-live.",
  definition: {
    outcomes: [
      {
        key: "one-truth",
        title: "One version of sales and stock numbers across the business",
        why: "Merchandising, finance and store operations each bring their own spreadsheet to the weekly trading meeting, and the first half hour goes on reconciling them.",
        successCriteria:
          "The weekly trading meeting runs on Lumen dashboards only; no reconciliation spreadsheets for six weeks.",
        dayOffset: 90,
      },
      {
        key: "faster-decisions",
        title: "Markdown and replenishment decisions made within two days",
        why: "Sell-through data lands once a week, so markdowns are called a week late and stock sits in the wrong stores.",
        successCriteria:
          "Sell-through by store available daily by 7 a.m.; markdown decisions made within two days of a trigger.",
        dayOffset: 120,
      },
      {
        key: "adoption",
        title: "Analytics adopted in every region",
        why: "The licence only pays off if region managers use it without going through head office.",
        successCriteria: "70% of licensed seats active monthly; one certified dashboard author in every region.",
        dayOffset: 120,
      },
    ],
    milestones: [
      {
        key: "kickoff",
        title: "Kickoff with the executive sponsor",
        description: "Steering group named, rollout plan and success measures agreed.",
        dayOffset: 0,
        outcomeKey: null,
      },
      {
        key: "data",
        title: "Sales and inventory data connected",
        description: "Point-of-sale and inventory data load daily and reconcile with finance's figures.",
        dayOffset: 30,
        outcomeKey: "one-truth",
      },
      {
        key: "pilot",
        title: "Pilot team live on Lumen",
        description: "The merchandising team runs its weekly sell-through review in Lumen.",
        dayOffset: 60,
        outcomeKey: "faster-decisions",
      },
      {
        key: "go-live",
        title: "Go-live: the trading meeting runs on Lumen",
        description:
          "Every department uses the same dashboards in the weekly trading meeting; the reconciliation spreadsheets are switched off.",
        dayOffset: 90,
        outcomeKey: "one-truth",
      },
      {
        key: "review",
        title: "Adoption review with the executive sponsor",
        description: "Adoption, decisions made faster and the next phase, reviewed with the sponsor.",
        dayOffset: 120,
        outcomeKey: "adoption",
      },
    ],
    tasks: [
      {
        milestoneKey: "kickoff",
        title: "Confirm the executive sponsor and the steering group",
        notes: "",
        side: "customer",
        dayOffset: 0,
      },
      {
        milestoneKey: "kickoff",
        title: "Share the current trading-meeting pack",
        notes: "The last two weeks' pack, with the spreadsheets behind it.",
        side: "customer",
        dayOffset: 0,
      },
      {
        milestoneKey: "kickoff",
        title: "Run the kickoff and agree the rollout plan",
        notes: "",
        side: "vendor",
        dayOffset: 0,
      },
      {
        milestoneKey: "kickoff",
        title: "Set up the workspace, regions and single sign-on",
        notes: "",
        side: "vendor",
        dayOffset: 0,
      },
      {
        milestoneKey: "data",
        title: "Nominate a data steward for each source",
        notes: "Point of sale, inventory, finance.",
        side: "customer",
        dayOffset: 7,
      },
      {
        milestoneKey: "data",
        title: "Grant read access to the point-of-sale and inventory warehouse",
        notes: "",
        side: "customer",
        dayOffset: 10,
      },
      { milestoneKey: "data", title: "Build the sales and stock data model", notes: "", side: "vendor", dayOffset: 21 },
      {
        milestoneKey: "data",
        title: "Reconcile one week of sales against finance's figures",
        notes: "Differences over 0.5% are explained in writing.",
        side: "vendor",
        dayOffset: 28,
      },
      {
        milestoneKey: "pilot",
        title: "Pick five pilot users from merchandising",
        notes: "",
        side: "customer",
        dayOffset: 35,
      },
      {
        milestoneKey: "pilot",
        title: "Build the sell-through and markdown dashboards",
        notes: "",
        side: "vendor",
        dayOffset: 45,
      },
      {
        milestoneKey: "pilot",
        title: "Train the pilot users in two 60-minute sessions",
        notes: "",
        side: "vendor",
        dayOffset: 50,
      },
      {
        milestoneKey: "pilot",
        title: "Replace the Friday sell-through spreadsheet with the Lumen dashboard",
        notes: "",
        side: "customer",
        dayOffset: 55,
      },
      {
        milestoneKey: "go-live",
        title: "Set up the daily 7 a.m. data refresh and failure alerts",
        notes: "",
        side: "vendor",
        dayOffset: 80,
      },
      {
        milestoneKey: "go-live",
        title: "Move the weekly trading meeting onto Lumen dashboards",
        notes: "",
        side: "customer",
        dayOffset: 85,
      },
      {
        milestoneKey: "go-live",
        title: "Switch off the reconciliation spreadsheets",
        notes: "Archive them read-only for a quarter.",
        side: "customer",
        dayOffset: 90,
      },
      {
        milestoneKey: "go-live",
        title: "Support the first two trading meetings on Lumen",
        notes: "",
        side: "vendor",
        dayOffset: 90,
      },
      {
        milestoneKey: "review",
        title: "Certify one dashboard author in every region",
        notes:
          "Each completes “Getting started with Lumen”, earns its certificate and builds one dashboard from a starter template.",
        side: "customer",
        dayOffset: 112,
      },
      {
        milestoneKey: "review",
        title: "Gather adoption and time-saved figures from region managers",
        notes: "",
        side: "customer",
        dayOffset: 115,
      },
      {
        milestoneKey: "review",
        title: "Prepare the executive adoption review",
        notes: "",
        side: "vendor",
        dayOffset: 118,
      },
      {
        milestoneKey: "review",
        title: "Propose the next phase: store-level forecasting",
        notes: "",
        side: "vendor",
        dayOffset: 120,
      },
    ],
  },
};

const regulated: DemoTemplate = {
  name: "Regulated industry launch",
  segment: "regulated",
  description:
    "Security review and validated, de-identified data first; then a pilot and go-live. For healthcare, finance and public sector.",
  definition: {
    outcomes: [
      {
        key: "compliant",
        title: "Compliance-ready reporting on de-identified data",
        why: "Patient data must never leave approved systems, and auditors ask how every reported figure was produced.",
        successCriteria:
          "Security review passed, business associate agreement signed, and every dashboard traces back to a validated data source.",
        dayOffset: 90,
      },
      {
        key: "visibility",
        title: "Operations leaders see quality and throughput every day",
        why: "Quality and throughput figures arrive three weeks after month end, too late to act on.",
        successCriteria:
          "A daily quality dashboard used by every unit leader; monthly report preparation down from five days to one.",
        dayOffset: 150,
      },
    ],
    milestones: [
      {
        key: "kickoff",
        title: "Kickoff: compliance scope agreed",
        description: "Data owner and security reviewer named; the systems and fields in scope written down.",
        dayOffset: 14,
        outcomeKey: "compliant",
      },
      {
        key: "security",
        title: "Security and privacy review passed",
        description:
          "Security questionnaire answered, business associate agreement signed, single sign-on and data retention approved.",
        dayOffset: 60,
        outcomeKey: "compliant",
      },
      {
        key: "data",
        title: "De-identified data connected and validated",
        description: "A read-only, de-identified replica feeds Lumen, and key figures match the source system.",
        dayOffset: 90,
        outcomeKey: "compliant",
      },
      {
        key: "pilot",
        title: "Pilot live in two units",
        description: "Two units run their daily huddle from the quality and throughput dashboard for four weeks.",
        dayOffset: 120,
        outcomeKey: "visibility",
      },
      {
        key: "go-live",
        title: "Go-live for operations reporting",
        description: "Every unit leader uses the daily dashboard, and the monthly report is delivered automatically.",
        dayOffset: 150,
        outcomeKey: "visibility",
      },
    ],
    tasks: [
      {
        milestoneKey: "kickoff",
        title: "Name the data owner and the security reviewer",
        notes: "",
        side: "customer",
        dayOffset: 3,
      },
      {
        milestoneKey: "kickoff",
        title: "Run the kickoff workshop with IT, compliance and operations",
        notes: "",
        side: "vendor",
        dayOffset: 5,
      },
      {
        milestoneKey: "kickoff",
        title: "Send the security package",
        notes: "SOC 2 Type II report, latest penetration test summary, data flow diagram.",
        side: "vendor",
        dayOffset: 7,
      },
      {
        milestoneKey: "kickoff",
        title: "List the systems and fields in scope",
        notes: "Mark every field that is patient-identifiable.",
        side: "customer",
        dayOffset: 10,
      },
      {
        milestoneKey: "security",
        title: "Complete the vendor security questionnaire",
        notes: "",
        side: "customer",
        dayOffset: 30,
      },
      {
        milestoneKey: "security",
        title: "Answer follow-up questions from the security review",
        notes: "",
        side: "vendor",
        dayOffset: 40,
      },
      {
        milestoneKey: "security",
        title: "Sign the business associate agreement",
        notes: "",
        side: "customer",
        dayOffset: 45,
      },
      {
        milestoneKey: "security",
        title: "Configure single sign-on, audit logging and 90-day data retention",
        notes: "",
        side: "vendor",
        dayOffset: 50,
      },
      {
        milestoneKey: "security",
        title: "Approve the single sign-on and data retention settings",
        notes: "",
        side: "customer",
        dayOffset: 55,
      },
      {
        milestoneKey: "data",
        title: "Provision a read-only replica with de-identified views",
        notes: "",
        side: "customer",
        dayOffset: 70,
      },
      {
        milestoneKey: "data",
        title: "Map the de-identified schema to Lumen's data model",
        notes: "",
        side: "vendor",
        dayOffset: 80,
      },
      {
        milestoneKey: "data",
        title: "Validate ten key figures against the source system",
        notes: "Record each comparison in the validation log.",
        side: "customer",
        dayOffset: 85,
      },
      {
        milestoneKey: "data",
        title: "Document data lineage for the audit file",
        notes: "",
        side: "vendor",
        dayOffset: 88,
      },
      {
        milestoneKey: "pilot",
        title: "Choose two pilot units and their leads",
        notes: "",
        side: "customer",
        dayOffset: 95,
      },
      {
        milestoneKey: "pilot",
        title: "Build the daily quality and throughput dashboard",
        notes: "",
        side: "vendor",
        dayOffset: 105,
      },
      {
        milestoneKey: "pilot",
        title: "Train the pilot unit leaders in two 45-minute sessions",
        notes: "",
        side: "vendor",
        dayOffset: 110,
      },
      {
        milestoneKey: "pilot",
        title: "Run the pilot for four weeks and log feedback",
        notes: "",
        side: "customer",
        dayOffset: 118,
      },
      { milestoneKey: "go-live", title: "Sign off the validation report", notes: "", side: "customer", dayOffset: 140 },
      {
        milestoneKey: "go-live",
        title: "Switch the monthly report to automated delivery",
        notes: "",
        side: "vendor",
        dayOffset: 145,
      },
      {
        milestoneKey: "go-live",
        title: "Announce go-live to unit leaders",
        notes: "",
        side: "customer",
        dayOffset: 150,
      },
      {
        milestoneKey: "go-live",
        title: "Hold the go-live review and agree the next outcomes",
        notes: "",
        side: "vendor",
        dayOffset: 150,
      },
    ],
  },
};

export const DEMO_TEMPLATES: readonly DemoTemplate[] = [selfServe, enterprise, regulated];
