import { describe, expect, it } from "vitest";
import { createStaff, signedInRequest } from "~db/seed/factories";
import { authenticateApiKey } from "~/domain/telemetry/api-keys.server";
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
  data: { form?: { error?: Record<string, string[]> } };
  init: { status?: number } | null;
};
type Page = {
  data: Awaited<ReturnType<typeof loader>>["data"];
  init: { headers: Headers };
};

/** The page as the admin's browser loads it after the redirect, with the one-time cookie if given. */
async function load(userId: string, revealCookie?: string): Promise<Page> {
  const request = await signedInRequest(userId, "http://localhost/telemetry/write-keys");
  if (revealCookie) request.headers.set("Cookie", `${request.headers.get("Cookie")}; ${revealCookie}`);
  return (await loader({ request, params: {}, context })) as unknown as Page;
}

/** Posts, expects the redirect that carries the secret, and loads the page that shows it once. */
async function revealed(userId: string, fields: Record<string, string>) {
  const answer = (await action(await form(userId, fields))) as unknown as Response;
  expect(answer.status).toBe(302);
  const cookie = answer.headers.get("Set-Cookie")!.split(";")[0]!;
  expect(cookie).toMatch(/^tandem_reveal=/);
  const page = await load(userId, cookie);
  expect(page.init.headers.get("Cache-Control")).toBe("no-store");
  return page.data.newKey!;
}

describe("the API keys page", () => {
  it("lets an admin create a key shown once, rotate it and revoke it; the list never holds the secret", async () => {
    const admin = await createStaff("admin");
    const created = await revealed(admin.id, { intent: "create", name: "Web app", scope: "ingest" });
    expect(created).toMatchObject({ name: "Web app", scope: "ingest" });
    expect(created.key).toMatch(/^tdm_wk_/);
    const source = await authenticateApiKey(created.key);
    expect(source).toMatchObject({ scope: "ingest" });

    // The next load (a refresh) no longer has it.
    const page = await load(admin.id);
    expect(page.data.newKey).toBeNull();
    const listed = page.data.keys.find((row) => row.id === source!.id)!;
    expect(listed).toMatchObject({ name: "Web app", scope: "ingest", revokedAt: null });
    expect(JSON.stringify(page.data)).not.toContain(created.key.slice(12));

    const rotated = await revealed(admin.id, { intent: "rotate", keyId: source!.id });
    expect(rotated).toMatchObject({ name: "Web app", scope: "ingest" });
    expect(await authenticateApiKey(created.key)).toBeNull();
    expect(await authenticateApiKey(rotated.key)).toEqual(source);

    const revoked = (await action(
      await form(admin.id, { intent: "revoke", keyId: source!.id }),
    )) as unknown as Response;
    expect(revoked.status).toBe(302);
    expect(await authenticateApiKey(rotated.key)).toBeNull();
    const again = (await action(await form(admin.id, { intent: "revoke", keyId: source!.id }))) as unknown as Answer;
    expect([again.init?.status, again.data.form?.error]).toEqual([
      404,
      { "": ["telemetry:writeKeys.errors.not_found"] },
    ]);

    const unnamed = (await action(
      await form(admin.id, { intent: "create", name: " ", scope: "ingest" }),
    )) as unknown as Answer;
    expect([unnamed.init?.status, unnamed.data.form?.error]).toEqual([
      400,
      { name: ["telemetry:writeKeys.errors.nameRequired"] },
    ]);
    const long = (await action(
      await form(admin.id, { intent: "create", name: "k".repeat(81), scope: "ingest" }),
    )) as unknown as Answer;
    expect(long.data.form?.error).toEqual({ name: ["telemetry:writeKeys.errors.nameTooLong"] });
    const forged = (await action(
      await form(admin.id, { intent: "revoke", keyId: "x".repeat(500) }),
    )) as unknown as Answer;
    expect(forged.init?.status).toBe(400);
  });

  it("creates a read key that keeps its scope through a rotation, and refuses an unknown scope", async () => {
    const admin = await createStaff("admin");
    const created = await revealed(admin.id, { intent: "create", name: "Board report", scope: "read" });
    expect(created.key).toMatch(/^tdm_rk_/);
    const key = await authenticateApiKey(created.key);
    expect(key).toMatchObject({ scope: "read" });
    expect((await load(admin.id)).data.keys.find((row) => row.id === key!.id)).toMatchObject({ scope: "read" });
    const rotated = await revealed(admin.id, { intent: "rotate", keyId: key!.id });
    expect(rotated).toMatchObject({ name: "Board report", scope: "read" });
    expect(await authenticateApiKey(rotated.key)).toEqual(key);

    const before = (await load(admin.id)).data.keys.length;
    const bad = (await action(
      await form(admin.id, { intent: "create", name: "Admin key", scope: "admin" }),
    )) as unknown as Answer;
    expect([bad.init?.status, bad.data.form?.error]).toEqual([400, { scope: ["telemetry:writeKeys.errors.scope"] }]);
    expect((await load(admin.id)).data.keys.length).toBe(before);
  });

  it("does not exist for a CSM", async () => {
    const csm = await createStaff("csm");
    expect(
      (await thrownResponse(action(await form(csm.id, { intent: "create", name: "Mine", scope: "read" })))).status,
    ).toBe(404);
    expect((await thrownResponse(loader({ request: await signedInRequest(csm.id), params: {}, context }))).status).toBe(
      404,
    );
  });
});
