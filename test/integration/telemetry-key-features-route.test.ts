import { describe, expect, it } from "vitest";
import { createSegment, createStaff, signedInRequest } from "~db/seed/factories";
import { listKeyFeatures } from "~/domain/telemetry/key-features.server";
import { action, loader } from "~/routes/telemetry.key-features";
import { thrownResponse } from "../support/responses";

const context = { clientIp: "127.0.0.1" };
const form = async (userId: string, fields: Record<string, string>) => ({
  request: await signedInRequest(userId, "http://localhost/telemetry/key-features", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  }),
  params: {},
  context,
});
type Answer = { data: { form: { error?: Record<string, string[]> } }; init: { status?: number } | null };

const feature = (overrides: Record<string, string> = {}) => ({
  intent: "create",
  name: "Creates reports",
  event: "Report Created",
  propertyKey: "",
  propertyValue: "",
  segmentId: "",
  ...overrides,
});

describe("the key features page", () => {
  it("lets an admin add, edit and delete a key feature", async () => {
    const admin = await createStaff("admin");
    const segment = await createSegment();
    const added = (await action(await form(admin.id, feature()))) as Response;
    expect(added.status).toBe(302);
    const [created] = await listKeyFeatures();
    expect(created).toMatchObject({
      name: "Creates reports",
      event: "Report Created",
      propertyKey: null,
      segmentId: null,
    });

    const edited = (await action(
      await form(admin.id, {
        ...feature({ intent: "update", featureId: created!.id, name: "Exports PDFs", event: "Report Exported" }),
        propertyKey: "format",
        propertyValue: "pdf",
        segmentId: segment.id,
      }),
    )) as Response;
    expect(edited.status).toBe(302);
    const page = await loader({
      request: await signedInRequest(admin.id, "http://localhost/telemetry/key-features"),
      params: {},
      context,
    });
    expect(page.features).toEqual([
      expect.objectContaining({
        name: "Exports PDFs",
        propertyKey: "format",
        propertyValue: "pdf",
        segmentName: segment.name,
      }),
    ]);

    const deleted = (await action(await form(admin.id, { intent: "delete", featureId: created!.id }))) as Response;
    expect(deleted.status).toBe(302);
    expect(await listKeyFeatures()).toEqual([]);
    const again = (await action(
      await form(admin.id, { intent: "delete", featureId: created!.id }),
    )) as unknown as Answer;
    expect(again.init?.status).toBe(404);
  });

  it("refuses bad input next to its field with a 4xx, and writes nothing", async () => {
    const admin = await createStaff("admin");
    const cases: [Record<string, string>, number, string, string][] = [
      [feature({ name: " " }), 400, "name", "telemetry:keyFeatures.errors.nameRequired"],
      [feature({ name: "x".repeat(81) }), 400, "name", "telemetry:keyFeatures.errors.nameTooLong"],
      [feature({ event: "" }), 400, "event", "telemetry:keyFeatures.errors.eventRequired"],
      [feature({ event: "e".repeat(201) }), 400, "event", "telemetry:keyFeatures.errors.eventTooLong"],
      [feature({ propertyKey: "format" }), 400, "propertyValue", "telemetry:keyFeatures.errors.propertyValueRequired"],
      [feature({ propertyValue: "pdf" }), 400, "propertyKey", "telemetry:keyFeatures.errors.propertyKeyRequired"],
      [
        feature({ propertyKey: "report.format", propertyValue: "pdf" }),
        400,
        "propertyKey",
        "telemetry:keyFeatures.errors.propertyKeyNested",
      ],
      [
        feature({ segmentId: "nosuchsegment0000000" }),
        400,
        "segmentId",
        "telemetry:keyFeatures.errors.unknown_segment",
      ],
      [feature({ event: "Nul\u0000" }), 400, "event", "field.nul"],
    ];
    for (const [fields, status, field, message] of cases) {
      const answer = (await action(await form(admin.id, fields))) as unknown as Answer;
      expect([answer.init?.status, answer.data.form.error?.[field]?.[0]]).toEqual([status, message]);
    }
    expect(await listKeyFeatures()).toEqual([]);

    expect(((await action(await form(admin.id, feature()))) as Response).status).toBe(302);
    const sameName = (await action(await form(admin.id, feature({ event: "Other" })))) as unknown as Answer;
    expect([sameName.init?.status, sameName.data.form.error?.name?.[0]]).toEqual([
      409,
      "telemetry:keyFeatures.errors.name_taken",
    ]);
    const sameEvent = (await action(await form(admin.id, feature({ name: "Again" })))) as unknown as Answer;
    expect([sameEvent.init?.status, sameEvent.data.form.error?.event?.[0]]).toEqual([
      409,
      "telemetry:keyFeatures.errors.duplicate",
    ]);
    const unknownIntent = (await action(await form(admin.id, feature({ intent: "explode" })))) as unknown as Answer;
    expect(unknownIntent.init?.status).toBe(400);
    expect(await listKeyFeatures()).toHaveLength(1);
  });

  it("does not exist for a CSM", async () => {
    const csm = await createStaff("csm");
    expect((await thrownResponse(action(await form(csm.id, feature())))).status).toBe(404);
  });
});
