import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type User, telemetryDailyUsers, telemetryProductUsers } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMetric,
  createMilestone,
  createOutcome,
  createPlan,
  createStaff,
  createTask,
  signedInRequest,
} from "~db/seed/factories";
import { setPulse, logTouch } from "~/domain/health/timeline.server";
import { setOverride } from "~/domain/health/overrides.server";
import { todayIn } from "~/lib/format";
import { recomputeHealth } from "~/domain/health/recompute.server";
import { newId } from "~/lib/ids.server";
import { loader as frameLoader } from "~/routes/accounts.$accountId";
import { loader as healthLoader } from "~/routes/accounts.$accountId.health";
import { loader as homeLoader } from "~/routes/accounts.$accountId._index";
import { loader as peopleLoader } from "~/routes/accounts.$accountId.people/route";
import { loader as planLoader } from "~/routes/accounts.$accountId.plan/route";
import { loader as summaryLoader } from "~/routes/accounts.$accountId.plan_.summary";
import { loader as trainingLoader } from "~/routes/accounts.$accountId.training";
import { loader as valueLoader } from "~/routes/accounts.$accountId.value/route";
import { loader as communityLoader } from "~/routes/community._index";
import { loader as myTasksLoader } from "~/routes/my-tasks";
import { loader as settingsLoader } from "~/routes/settings";
import { thrownResponse } from "../support/responses";

/**
 * Loader data is serialized into the page for the browser to read, so "the page doesn't show it"
 * isn't enough: these load each page a customer opens and look through every key of the data.
 */
type Loader = (args: never) => Promise<unknown>;

let account: Account;
let other: Account;
let csm: User;
let champion: User;
let member: User;
let otherChampion: User;
const INTERNAL_TASK = "Internal: renewal pricing review";

beforeAll(async () => {
  csm = await createStaff("csm");
  account = await createAccount({ annualCost: 48_000, csmId: csm.id });
  other = await createAccount({ annualCost: 99_000, csmId: csm.id });
  champion = await createCustomer(account.id, "champion");
  member = await createCustomer(account.id, "member");
  otherChampion = await createCustomer(other.id, "champion");
  for (const target of [account, other]) {
    const plan = await createPlan(target.id);
    const outcome = await createOutcome(plan);
    const milestone = await createMilestone(plan);
    await createTask(milestone, { assigneeId: target.id === account.id ? champion.id : otherChampion.id });
    await createTask(milestone, { side: "vendor", internal: true, title: `${INTERNAL_TASK} ${target.name}` });
    await createMetric(outcome, { moneyPerUnit: 100, valuePeriod: "month" });
  }
});

async function load(loader: Loader, userId: string, path: string) {
  const request = await signedInRequest(userId, `http://localhost${path}`);
  const result = await loader({
    request,
    params: { accountId: account.id },
    context: { clientIp: "127.0.0.1" },
  } as never);
  return result as Record<string, unknown>;
}

/** Every key path in the data, like `.account.csmName` or `.view.tasks[].internal`. */
function keyPaths(value: unknown, path = "", found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) keyPaths(item, `${path}[]`, found);
  } else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      found.push(`${path}.${key}`);
      keyPaths(item, `${path}.${key}`, found);
    }
  }
  return found;
}

const lastKey = (path: string) => path.slice(path.lastIndexOf(".") + 1);
const INTERNAL_KEYS = ["annualCost", "csmId", "arr", "notesInternal", "pulse", "touches", "override", "overrides"];

const customerPages: [string, Loader, string][] = [
  ["account frame", frameLoader, ""],
  ["account home", homeLoader, ""],
  ["plan", planLoader, "/plan"],
  ["executive summary", summaryLoader, "/plan/summary"],
  ["value", valueLoader, "/value"],
  ["people", peopleLoader, "/people"],
];

describe("customer loaders send only what the customer page shows", () => {
  for (const [name, loader, suffix] of customerPages) {
    it(`${name}: no internal keys and nothing of another account, for a champion and a member`, async () => {
      for (const person of [champion, member]) {
        const data = await load(loader, person.id, `/accounts/${account.id}${suffix}`);
        // The ROI card shows the customer what they pay per year: it's the one place their cost is shown.
        const internal = keyPaths(data)
          .filter((path) => INTERNAL_KEYS.includes(lastKey(path)))
          .filter((path) => path !== ".value.roi.annualCost");
        expect(internal).toEqual([]);
        const text = JSON.stringify(data);
        expect(text).not.toContain(other.id);
        expect(text).not.toContain(other.name);
        expect(text).not.toContain(otherChampion.email);
        expect(text).not.toContain(INTERNAL_TASK);
        expect(text).not.toContain("99000");
      }
    });
  }

  it("the executive summary shows health in the customer's words to the champion and staff, none to a member", async () => {
    for (const [person, shown] of [
      [champion, true],
      [csm, true],
      [member, false],
    ] as const) {
      const data = await load(summaryLoader, person.id, `/accounts/${account.id}/plan/summary`);
      expect(Array.isArray(data.rollout), person.id).toBe(shown);
      if (shown)
        expect(keyPaths(data.rollout).every((path) => /^(\[\])?\.(key|standing|facts)(\.|$)/.test(path))).toBe(true);
    }
  });

  it("the account home gives a customer their account's name and CSM, nothing else of the row", async () => {
    const data = await load(homeLoader, champion.id, `/accounts/${account.id}`);
    expect(data.account).toEqual({ view: "customer", id: account.id, name: account.name, csmName: csm.name });
  });

  it("the plan page leaves the segment out for customers (it only suggests a template to staff)", async () => {
    const data = (await load(planLoader, champion.id, `/accounts/${account.id}/plan`)) as {
      account: { segmentId: string | null };
      allTasks: { internal: boolean }[];
    };
    expect(data.account.segmentId).toBeNull();
    expect(data.allTasks.length).toBeGreaterThan(0);
    expect(data.allTasks.every((task) => !task.internal)).toBe(true);
  });

  it("pages outside the account carry no internal keys either", async () => {
    for (const [loader, path] of [
      [trainingLoader, `/accounts/${account.id}/training`],
      [settingsLoader, "/settings"],
      [communityLoader, "/community"],
      [myTasksLoader, "/my-tasks"],
    ] as [Loader, string][]) {
      const data = await load(loader, champion.id, path);
      expect(keyPaths(data).filter((key) => INTERNAL_KEYS.includes(lastKey(key)))).toEqual([]);
      expect(JSON.stringify(data)).not.toContain(other.id);
    }
  });
});

describe("the health score's internal parts", () => {
  it("never reach a customer: the Health tab is 404, and no customer page carries the pulse or touch notes", async () => {
    const actor = actorOf(csm);
    if (actor.kind !== "staff") throw new Error("staff expected");
    const scope = { id: account.id, timeZone: account.timeZone };
    const today = new Date().toISOString().slice(0, 10);
    expect(await setPulse(actor, scope, { accountId: account.id, grade: "red", note: "PULSE-NOTE-SECRET" })).toEqual({
      ok: true,
    });
    expect(
      await logTouch(actor, scope, {
        accountId: account.id,
        kind: "call",
        occurredOn: today,
        note: "TOUCH-NOTE-SECRET",
      }),
    ).toEqual({ ok: true });
    const overridden = await setOverride(actor, scope, {
      accountId: account.id,
      grade: "green",
      reason: "OVERRIDE-REASON-SECRET",
      expiresOn: todayIn(account.timeZone),
    });
    expect(overridden.ok).toBe(true);
    for (const person of [champion, member]) {
      const response = await thrownResponse(load(healthLoader, person.id, `/accounts/${account.id}/health`));
      expect(response.status).toBe(404);
      for (const [, loader, suffix] of customerPages) {
        const text = JSON.stringify(await load(loader, person.id, `/accounts/${account.id}${suffix}`));
        expect(text).not.toContain("PULSE-NOTE-SECRET");
        expect(text).not.toContain("TOUCH-NOTE-SECRET");
        expect(text).not.toContain("OVERRIDE-REASON-SECRET");
      }
      const frame = await load(frameLoader, person.id, `/accounts/${account.id}`);
      expect(frame.health).toBeNull();
    }
    const staffFrame = (await load(frameLoader, csm.id, `/accounts/${account.id}`)) as { health: unknown };
    expect(staffFrame.health).toMatchObject({
      overall: expect.any(Number),
      grade: expect.any(String),
      override: { grade: "green" },
      churned: false,
    });
  });
});

describe("How your rollout is going (the champion's home)", () => {
  it("shows the champion the measures the model shares, in their terms: no score, weight, inputs, pulse or sentiment", async () => {
    const actor = actorOf(csm);
    if (actor.kind !== "staff") throw new Error("staff expected");
    await setPulse(actor, account, { accountId: account.id, grade: "red", note: "ROLLOUT-PULSE-SECRET" });
    await recomputeHealth({ accountIds: [account.id] });
    const data = (await load(homeLoader, champion.id, `/accounts/${account.id}`)) as {
      rollout: { key: string; standing: string; facts: Record<string, number> | null }[];
    };
    // The default model shares adoption, plan, skills and engagement.
    expect(data.rollout.map((measure) => measure.key)).toEqual(["adoption", "plan", "skills", "engagement"]);
    const paths = [...new Set(keyPaths(data.rollout, ".rollout"))].sort();
    expect(paths.filter((path) => !path.startsWith(".rollout[].facts."))).toEqual([
      ".rollout[].facts",
      ".rollout[].key",
      ".rollout[].standing",
    ]);
    expect(paths.filter((path) => path.startsWith(".rollout[].facts.")).sort()).toEqual(
      [
        ...(data.rollout.find((m) => m.key === "adoption")!.facts
          ? [".rollout[].facts.active", ".rollout[].facts.seats"]
          : []),
        ".rollout[].facts.audience",
        ".rollout[].facts.certified",
        ".rollout[].facts.overdue",
        ".rollout[].facts.people",
        ".rollout[].facts.signedIn",
      ].sort(),
    );
    const engagement = data.rollout.find((measure) => measure.key === "engagement")!;
    expect(engagement.facts).toEqual({ signedIn: expect.any(Number), people: expect.any(Number) });
    const text = JSON.stringify(data);
    expect(text).not.toContain("ROLLOUT-PULSE-SECRET");
    expect(text).not.toContain("sentiment");
    expect(text).not.toContain("pulse");
    // A member and staff don't get it: staff have the Health tab.
    for (const person of [member, csm]) {
      const other = (await load(homeLoader, person.id, `/accounts/${account.id}`)) as { rollout: unknown };
      expect(other.rollout).toBeNull();
    }
  });
});

describe("the champion's product adoption on the Team page", () => {
  it("names the account's own active people, counts the rest, and is the champion's only", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const active = async (target: Account, person: User | null, email: string) => {
      const id = newId();
      await db.insert(telemetryProductUsers).values({
        id,
        accountId: target.id,
        externalId: `projection-${id}`,
        email,
        name: person?.name ?? "Unlinked Product Person",
        personId: person?.id ?? null,
        firstSeenAt: new Date(),
        lastSeenAt: new Date(),
      });
      await db.insert(telemetryDailyUsers).values({ accountId: target.id, productUserId: id, day: today, events: 1 });
    };
    await active(account, champion, champion.email);
    await active(account, null, "unlinked-product-person@elsewhere.example");
    await active(other, otherChampion, otherChampion.email);

    const data = (await load(peopleLoader, champion.id, `/accounts/${account.id}/people`)) as {
      adoption: { activePeople: number; activeNames: string[]; unlinkedActive: number; notActiveNames: string[] };
    };
    expect(data.adoption).toMatchObject({ activePeople: 2, activeNames: [champion.name], unlinkedActive: 1 });
    expect(data.adoption.notActiveNames).toEqual([member.name]);
    const text = JSON.stringify(data.adoption);
    for (const hidden of ["unlinked-product-person", "Unlinked Product Person", "projection-", otherChampion.name]) {
      expect(text).not.toContain(hidden);
    }
    const memberData = await load(peopleLoader, member.id, `/accounts/${account.id}/people`);
    expect(memberData.adoption).toBeNull();
  });
});

describe("staff still get what their pages show", () => {
  it("the account home's overview panel has the account's facts for staff", async () => {
    const data = (await load(homeLoader, csm.id, `/accounts/${account.id}`)) as { account: Record<string, unknown> };
    expect(data.account).toMatchObject({
      view: "staff",
      id: account.id,
      csmName: csm.name,
      segmentName: expect.any(String),
      licensedSeats: account.licensedSeats,
      renewalDate: account.renewalDate,
      timeZone: account.timeZone,
      activePeople: 2,
    });
    // The cost and the row version belong to the edit form, which loads its own.
    expect(data.account).not.toHaveProperty("annualCost");
    expect(data.account).not.toHaveProperty("version");
  });

  it("the plan page gives staff the segment (for the suggested template) and the internal tasks", async () => {
    const data = (await load(planLoader, csm.id, `/accounts/${account.id}/plan`)) as {
      account: { segmentId: string | null };
      allTasks: { internal: boolean; title: string }[];
    };
    expect(data.account.segmentId).toBe(account.segmentId);
    expect(data.allTasks.some((task) => task.internal && task.title.startsWith(INTERNAL_TASK))).toBe(true);
  });

  it("the value page's ROI counts against the account's annual cost", async () => {
    const data = (await load(valueLoader, csm.id, `/accounts/${account.id}/value`)) as {
      value: { roi: { annualCost: number | null } };
    };
    expect(data.value.roi.annualCost).toBe(48_000);
  });
});
