import { describe, expect, it } from "vitest";
import { createStaff, signedInRequest } from "~db/seed/factories";
import { authenticateWriteKey } from "~/domain/telemetry/write-keys.server";
import { action, loader } from "~/routes/telemetry.write-keys";
import { thrownResponse } from "../support/responses";

const context = { clientIp: "127.0.0.1" };
const form = async (userId: string, fields: Record<string, string>) => ({
  request: await signedInRequest(userId, "http://localhost/telemetry/write-keys", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  }),
  params: {},
  context,
});
type Answer = {
  data: { newKey?: { name: string; key: string }; form?: { error?: Record<string, string[]> } };
  init: { status?: number } | null;
};

describe("the write keys page", () => {
  it("lets an admin create a key shown once, rotate it and revoke it; the list never holds the secret", async () => {
    const admin = await createStaff("admin");
    const created = (await action(await form(admin.id, { intent: "create", name: "Web app" }))) as unknown as Answer;
    const key = created.data.newKey!.key;
    expect(created.data.newKey!.name).toBe("Web app");
    const source = await authenticateWriteKey(key);
    expect(source).not.toBeNull();

    const page = await loader({
      request: await signedInRequest(admin.id, "http://localhost/telemetry/write-keys"),
      params: {},
      context,
    });
    const listed = page.keys.find((row) => row.id === source!.id)!;
    expect(listed).toMatchObject({ name: "Web app", revokedAt: null });
    expect(JSON.stringify(page)).not.toContain(key.slice(12));

    const rotated = (await action(await form(admin.id, { intent: "rotate", keyId: source!.id }))) as unknown as Answer;
    expect(await authenticateWriteKey(key)).toBeNull();
    expect(await authenticateWriteKey(rotated.data.newKey!.key)).toEqual(source);

    const revoked = (await action(
      await form(admin.id, { intent: "revoke", keyId: source!.id }),
    )) as unknown as Response;
    expect(revoked.status).toBe(302);
    expect(await authenticateWriteKey(rotated.data.newKey!.key)).toBeNull();
    const again = (await action(await form(admin.id, { intent: "revoke", keyId: source!.id }))) as unknown as Answer;
    expect([again.init?.status, again.data.form?.error]).toEqual([
      404,
      { "": ["telemetry:writeKeys.errors.not_found"] },
    ]);

    const unnamed = (await action(await form(admin.id, { intent: "create", name: " " }))) as unknown as Answer;
    expect([unnamed.init?.status, unnamed.data.form?.error]).toEqual([
      400,
      { name: ["telemetry:writeKeys.errors.nameRequired"] },
    ]);
    const long = (await action(await form(admin.id, { intent: "create", name: "k".repeat(81) }))) as unknown as Answer;
    expect(long.data.form?.error).toEqual({ name: ["telemetry:writeKeys.errors.nameTooLong"] });
    const forged = (await action(
      await form(admin.id, { intent: "revoke", keyId: "x".repeat(500) }),
    )) as unknown as Answer;
    expect(forged.init?.status).toBe(400);
  });

  it("does not exist for a CSM", async () => {
    const csm = await createStaff("csm");
    expect((await thrownResponse(action(await form(csm.id, { intent: "create", name: "Mine" })))).status).toBe(404);
  });
});
