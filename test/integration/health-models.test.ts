import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { healthModels } from "~db/schema";
import { createAccount, createHealthSnapshots, createSegment, createStaff, signedInRequest } from "~db/seed/factories";
import { getCustomerRollout } from "~/domain/health/customer-view.server";
import { previewModel } from "~/domain/health/model-editor.server";
import { currentModels } from "~/domain/health/models.server";
import { todayIn } from "~/lib/format";
import { action, loader } from "~/routes/health.models";

const today = todayIn("UTC");
const context = { clientIp: "127.0.0.1" };
const WEIGHTS = { adoption: 25, plan: 20, skills: 15, sentiment: 15, engagement: 15, community: 10 };

function draftForm(segment: string, overrides: Record<string, string> = {}, measures = ["adoption", "plan"]) {
  const form = new URLSearchParams({
    intent: "save",
    segment,
    ...Object.fromEntries(Object.entries(WEIGHTS).map(([key, value]) => [`weights.${key}`, String(value)])),
    redBelow: "50",
    greenFrom: "75",
    ...overrides,
  });
  for (const measure of measures) form.append("customerMeasures", measure);
  return form;
}

async function post(userId: string, form: URLSearchParams) {
  const request = await signedInRequest(userId, "http://localhost/health/models", { method: "POST", body: form });
  try {
    return await action({ request, params: {}, context });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const modelRows = (segmentId: string) => db.select().from(healthModels).where(eq(healthModels.segmentId, segmentId));

describe("the health model editor", () => {
  it("refuses weights that don't add to 100, negatives and overlapping grades with field errors, writing nothing", async () => {
    const admin = await createStaff("admin");
    const segment = await createSegment();
    const cases: [Record<string, string>, string, string][] = [
      [{ "weights.adoption": "30" }, "weights", "health:models.errors.weightsSum"],
      [{ "weights.adoption": "-5", "weights.plan": "50" }, "weights.adoption", "health:models.errors.weightNegative"],
      [{ "weights.plan": "20.5", "weights.adoption": "24.5" }, "weights.plan", "health:models.errors.weightWhole"],
      [{ "weights.plan": "" }, "weights.plan", "health:models.errors.weightWhole"],
      [{ redBelow: "80", greenFrom: "70" }, "greenFrom", "health:models.errors.overlap"],
      [{ redBelow: "60", greenFrom: "60" }, "greenFrom", "health:models.errors.overlap"],
      [{ greenFrom: "101" }, "greenFrom", "health:models.errors.thresholdRange"],
    ];
    for (const [overrides, field, message] of cases) {
      const answer = (await post(admin.id, draftForm(segment.id, overrides))) as unknown as {
        init: { status: number };
        data: { form: { error: Record<string, string[]> } };
      };
      expect(answer.init.status, JSON.stringify(overrides)).toBe(400);
      expect(answer.data.form.error[field], JSON.stringify(overrides)).toContain(message);
    }
    const unknown = await post(admin.id, draftForm(segment.id, { customerMeasures: "sentiment" }, []));
    expect((unknown as unknown as { init: { status: number } }).init.status).toBe(400);
    expect(await modelRows(segment.id)).toEqual([]);
  });

  it("is for admins only: a CSM gets 404 and writes nothing", async () => {
    const csm = await createStaff("csm");
    const segment = await createSegment();
    const answer = (await post(csm.id, draftForm(segment.id))) as Response;
    expect(answer.status).toBe(404);
    await expect(
      loader({ request: await signedInRequest(csm.id, "http://localhost/health/models"), params: {}, context }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await modelRows(segment.id)).toEqual([]);
  });

  it("saves every change as a new version, says which is current, and keeps what customers see", async () => {
    const admin = await createStaff("admin");
    const segment = await createSegment();
    const first = (await post(
      admin.id,
      draftForm(segment.id, { "weights.adoption": "40", "weights.plan": "5" }, ["adoption", "skills"]),
    )) as Response;
    expect(first.status).toBe(302);
    await post(admin.id, draftForm(segment.id, { "weights.adoption": "45", "weights.plan": "0" }));
    const rows = await modelRows(segment.id);
    expect(rows.map((row) => row.version).sort()).toEqual([1, 2]);
    const models = await currentModels();
    expect(models.bySegment.get(segment.id)).toMatchObject({ version: 2, weights: { adoption: 45, plan: 0 } });
    expect(rows.find((row) => row.version === 1)!.customerMeasures).toEqual(["adoption", "skills"]);

    const page = await loader({
      request: await signedInRequest(admin.id, `http://localhost/health/models?model=${segment.id}`),
      params: {},
      context,
    });
    expect(page.selected).toMatchObject({ key: segment.id, version: 2, customerMeasures: ["adoption", "plan"] });
    // Saving asks for every account to be rescored.
    const [{ n }] = (await db.execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = 'health-recompute' and singleton_key = 'all'`,
    )) as unknown as [{ n: number }];
    expect(n).toBeGreaterThan(0);
  });

  it("previews the grades under a draft against now from the latest snapshots' measure scores", async () => {
    const segment = await createSegment();
    const a = await createAccount({ segmentId: segment.id });
    const b = await createAccount({ segmentId: segment.id });
    const c = await createAccount({ segmentId: segment.id });
    await createAccount({ segmentId: segment.id });
    // Scored by the default weights: a (100×25 + 0×20) / 45 = 56, b (20×25 + 90×20) / 45 = 51.
    await createHealthSnapshots(a.id, { [today]: 56 }, { adoption: 100, plan: 0, skills: null });
    await createHealthSnapshots(b.id, { [today]: 51 }, { adoption: 20, plan: 90, skills: null });
    await createHealthSnapshots(c.id, { [today]: null }, { adoption: null, plan: null });
    const base = { segment: segment.id, customerMeasures: [], redBelow: 50, greenFrom: 75 };

    const same = await previewModel({ ...base, weights: WEIGHTS });
    expect(same).toEqual({
      now: { red: 0, yellow: 2, green: 0, none: 2 },
      draft: { red: 0, yellow: 2, green: 0, none: 2 },
    });
    const adoptionOnly = await previewModel({
      ...base,
      weights: { adoption: 100, plan: 0, skills: 0, sentiment: 0, engagement: 0, community: 0 },
    });
    expect(adoptionOnly.draft).toEqual({ red: 1, yellow: 0, green: 1, none: 2 });
    // Only skills weighed: nobody has skills data, so no one can be graded.
    const skillsOnly = await previewModel({
      ...base,
      weights: { adoption: 0, plan: 0, skills: 100, sentiment: 0, engagement: 0, community: 0 },
    });
    expect(skillsOnly.draft).toEqual({ red: 0, yellow: 0, green: 0, none: 4 });
    const stricter = await previewModel({ ...base, weights: WEIGHTS, redBelow: 55, greenFrom: 56 });
    expect(stricter.draft).toEqual({ red: 1, yellow: 0, green: 1, none: 2 });
  });

  it("shows customers only the measures their segment's model shares, standing by its thresholds", async () => {
    const admin = await createStaff("admin");
    const segment = await createSegment();
    const account = await createAccount({ segmentId: segment.id });
    await createHealthSnapshots(account.id, { [today]: 60 }, { adoption: 80, plan: 60, skills: 10, community: null });
    expect((await getCustomerRollout(account)).map((m) => [m.key, m.standing])).toEqual([
      ["adoption", "good"],
      ["plan", "fair"],
      ["skills", "low"],
      ["engagement", "none"],
    ]);
    await post(admin.id, draftForm(segment.id, { redBelow: "65", greenFrom: "90" }, ["plan", "community"]));
    expect((await getCustomerRollout(account)).map((m) => [m.key, m.standing])).toEqual([
      ["plan", "low"],
      ["community", "none"],
    ]);
  });
});
