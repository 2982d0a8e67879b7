import { beforeAll, describe, expect, it } from "vitest";
import { type User } from "~db/schema";
import { createAccount, createCustomer, createStaff, createTemplate, signedInRequest } from "~db/seed/factories";
import { getTemplate, listTemplates } from "~/domain/plans/templates.server";
import { action as editAction } from "~/routes/templates.$templateId";
import { action as newAction } from "~/routes/templates.new";
import { thrownResponse } from "../support/responses";

let csm: User;
let marketing: User;

beforeAll(async () => {
  [csm, marketing] = await Promise.all([createStaff("csm"), createStaff("marketing")]);
});

function post(userId: string, url: string, fields: Record<string, string>) {
  return signedInRequest(userId, url, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

const valid = (name: string) => ({
  name,
  segmentId: "",
  "milestones[0].key": "m30",
  "milestones[0].title": "Day 30",
  "milestones[0].dayOffset": "30",
  "milestones[0].tasks[0].title": "Kick off",
  "milestones[0].tasks[0].side": "vendor",
  "milestones[0].tasks[0].dayOffset": "0",
});

/** What `data(body, { status })` hands to Remix. */
type DataAnswer = {
  data: { form: { error?: Record<string, string[]> } };
  init: { status: number };
};
const answer = (value: unknown) => value as DataAnswer;

describe("the template routes' actions", () => {
  it("answer 400 with errors keyed by field for invalid rows, and save nothing", async () => {
    const name = `Invalid ${Date.now()}`;
    const request = await post(csm.id, "http://localhost/templates/new", {
      ...valid(name),
      "milestones[0].dayOffset": "2000",
      "milestones[0].tasks[0].side": "both",
      "milestones[0].tasks[0].notes": "x".repeat(2001),
    });
    const result = answer(await newAction({ request, params: {}, context: { clientIp: "127.0.0.1" } }));
    expect(result.init.status).toBe(400);
    expect(result.data.form.error).toEqual({
      "milestones[0].dayOffset": ["template.dayRange"],
      "milestones[0].tasks[0].side": ["template.sideInvalid"],
      "milestones[0].tasks[0].notes": ["template.textTooLong"],
    });
    expect((await listTemplates()).some((template) => template.name === name)).toBe(false);
  });

  it("answer 400 to malformed names and 409 to a taken name", async () => {
    const malformed = await post(csm.id, "http://localhost/templates/new", {
      ...valid("x"),
      "milestones[5000].title": "far",
    });
    expect(
      answer(await newAction({ request: malformed, params: {}, context: { clientIp: "127.0.0.1" } })).init.status,
    ).toBe(400);
    const existing = await createTemplate();
    const taken = await post(csm.id, "http://localhost/templates/new", valid(existing.name.toUpperCase()));
    const result = answer(await newAction({ request: taken, params: {}, context: { clientIp: "127.0.0.1" } }));
    expect(result.init.status).toBe(409);
    expect(result.data.form.error).toEqual({ name: ["templates:errors.name_taken"] });
  });

  it("refuse a stale save with 409 and a message that says what happened", async () => {
    const template = await createTemplate();
    const params = { templateId: template.id };
    const fresh = await post(csm.id, `http://localhost/templates/${template.id}`, {
      ...valid(`${template.name} A`),
      version: "1",
    });
    expect(
      (await thrownOrReturned(editAction({ request: fresh, params, context: { clientIp: "127.0.0.1" } }))).status,
    ).toBe(302);
    const stale = await post(csm.id, `http://localhost/templates/${template.id}`, {
      ...valid(`${template.name} B`),
      version: "1",
    });
    const result = answer(await editAction({ request: stale, params, context: { clientIp: "127.0.0.1" } }));
    expect(result.init.status).toBe(409);
    expect(result.data.form.error).toEqual({ "": ["templates:errors.stale"] });
    expect((await getTemplate(template.id))!.name).toBe(`${template.name} A`);
  });

  it("answer 400 to a missing or mangled version, and change nothing", async () => {
    const template = await createTemplate();
    for (const version of [undefined, "abc", "0"]) {
      const request = await post(csm.id, `http://localhost/templates/${template.id}`, {
        ...valid(`${template.name} C`),
        ...(version === undefined ? {} : { version }),
      });
      const result = answer(
        await editAction({ request, params: { templateId: template.id }, context: { clientIp: "127.0.0.1" } }),
      );
      expect(result.init.status).toBe(400);
      expect(result.data.form.error).toEqual({ version: ["form.malformed"] });
    }
    expect((await getTemplate(template.id))!.version).toBe(1);
  });

  it("answer 404 to marketing and customers, who may not change templates", async () => {
    const template = await createTemplate();
    const champion = await createCustomer((await createAccount()).id, "champion");
    for (const person of [marketing, champion]) {
      const request = await post(person.id, `http://localhost/templates/${template.id}`, {
        ...valid("Nope"),
        version: "1",
      });
      expect(
        (
          await thrownResponse(
            editAction({ request, params: { templateId: template.id }, context: { clientIp: "127.0.0.1" } }),
          )
        ).status,
      ).toBe(404);
    }
    expect((await getTemplate(template.id))!.version).toBe(1);
  });
});

/** A redirect may be returned or thrown; either way, its Response. */
async function thrownOrReturned(pending: Promise<unknown>): Promise<Response> {
  try {
    const value = await pending;
    if (value instanceof Response) return value;
    throw new Error(`Expected a Response, got ${JSON.stringify(value)}`);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}
