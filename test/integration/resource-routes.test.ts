import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createAccount, createCustomer, signedInRequest } from "~db/seed/factories";
import { RESOURCE_ACTION } from "~/lib/forms.server";
import { newId } from "~/lib/ids.server";
import { action as revokeInvitation } from "~/routes/accounts.$accountId.invitations.$invitationId";

const ROUTES = "app/routes";

/**
 * Route modules with an action and no page: what a plain (no-JavaScript) form post lands on. The
 * JSON API (`api.*`) answers Responses of its own and takes no forms.
 */
function resourceRoutesWithActions(): string[] {
  return readdirSync(ROUTES, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => entry.name)
    .filter((name) => !name.startsWith("api."))
    .filter((name) => {
      const source = readFileSync(`${ROUTES}/${name}`, "utf8");
      return !/export default/.test(source) && /export (const|async function) action\b/.test(source);
    });
}

describe("resource routes", () => {
  it("all answer through resourceAction, so a refusal keeps its status on a plain POST", async () => {
    const names = resourceRoutesWithActions();
    expect(names.length).toBeGreaterThan(25);
    const unwrapped: string[] = [];
    for (const name of names) {
      const module = (await import(`~/routes/${name.replace(/\.tsx?$/, "")}`)) as { action: object };
      if (!(RESOURCE_ACTION in module.action)) unwrapped.push(name);
    }
    expect(unwrapped).toEqual([]);
  });

  it("answer a refused plain POST with a Response of the refusal's status and the form's message", async () => {
    const account = await createAccount();
    const champion = await createCustomer(account.id, "champion");
    const call = async (fields: Record<string, string>) =>
      revokeInvitation({
        request: await signedInRequest(champion.id, "http://localhost/", {
          method: "POST",
          body: new URLSearchParams(fields),
        }),
        params: { accountId: account.id, invitationId: newId() },
        context: { clientIp: "127.0.0.1" },
      });

    const gone = await call({ intent: "revoke" });
    expect(gone).toBeInstanceOf(Response);
    expect((gone as Response).status).toBe(404);
    expect(await (gone as Response).json()).toMatchObject({
      form: { error: { "": ["people:team.errors.invitation_gone"] } },
    });

    const malformed = (await call({ intent: "accept" })) as Response;
    expect(malformed.status).toBe(400);
  });
});
