import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { playbookRuns, playbooks } from "~db/schema";
import { createAccount, createPlaybook, createStaff, signedInRequest } from "~db/seed/factories";
import { playbookMeasures } from "~/domain/interventions/playbooks.server";
import { newId } from "~/lib/ids.server";
import { action } from "~/routes/playbooks.$playbookId";

async function save(userId: string, playbookId: string, fields: Record<string, string>) {
  const request = await signedInRequest(userId, `http://localhost/playbooks/${playbookId}`, {
    method: "POST",
    body: new URLSearchParams(fields),
  });
  return action({ request, params: { playbookId }, context: { clientIp: "127.0.0.1" } }).catch(
    (error: unknown) => error,
  );
}

const statusOf = (answer: unknown) =>
  answer instanceof Response ? answer.status : ((answer as { init?: ResponseInit }).init?.status ?? 200);

describe("playbook editing", () => {
  it("saves an admin's edit and refuses bad steps with 400, changing nothing", async () => {
    const admin = await createStaff("admin");
    const playbook = await createPlaybook({ name: "Before" });
    const fields = {
      version: String(playbook.version),
      name: "After",
      triggerKind: "task_overdue",
      "steps[0].kind": "escalate_admin",
      "steps[0].delayDays": "5",
    };
    expect(statusOf(await save(admin.id, playbook.id, { ...fields, "steps[0].delayDays": "400" }))).toBe(400);
    expect(statusOf(await save(admin.id, playbook.id, { ...fields, "steps[0].kind": "" }))).toBe(400);
    expect(statusOf(await save(admin.id, playbook.id, { ...fields, "steps[0].kind": "nope" }))).toBe(400);
    expect((await db.select().from(playbooks).where(eq(playbooks.id, playbook.id)))[0]!.name).toBe("Before");

    expect(statusOf(await save(admin.id, playbook.id, fields))).toBe(302);
    const [saved] = await db.select().from(playbooks).where(eq(playbooks.id, playbook.id));
    expect(saved).toMatchObject({ name: "After", steps: [{ kind: "escalate_admin", delayDays: 5 }], version: 2 });
    expect(statusOf(await save(admin.id, playbook.id, fields))).toBe(409); // the old version
  });

  it("is for admins only", async () => {
    const csm = await createStaff("csm");
    const playbook = await createPlaybook();
    expect(statusOf(await save(csm.id, playbook.id, { name: "x" }))).toBe(404);
  });

  it("measures runs started, resolved within 7 / 14 days and the median time to resolve", async () => {
    const playbook = await createPlaybook();
    const account = await createAccount();
    const start = new Date("2026-11-01T00:00:00Z");
    const run = (days: number | null, subject: string) => ({
      id: newId(),
      accountId: account.id,
      playbookId: playbook.id,
      subjectType: "task" as const,
      subjectId: subject,
      startedAt: start,
      status: days === null ? ("open" as const) : ("resolved" as const),
      resolvedAt: days === null ? null : new Date(start.getTime() + days * 86_400_000),
    });
    await db.insert(playbookRuns).values([run(2, "a"), run(10, "b"), run(20, "c"), run(null, "d")]);
    expect(await playbookMeasures(playbook.id)).toEqual({
      started: 4,
      open: 1,
      resolved7: 1,
      resolved14: 2,
      medianDays: 10,
    });
  });
});
