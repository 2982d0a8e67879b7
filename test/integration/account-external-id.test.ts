import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, accounts } from "~db/schema";
import { createAccount, createStaff, signedInRequest } from "~db/seed/factories";
import { action as editAction } from "~/routes/accounts.$accountId.edit";

const context = { clientIp: "127.0.0.1" };
const fieldsOf = (account: Account, overrides: Record<string, string>) => ({
  name: account.name,
  segmentId: account.segmentId,
  industry: account.industry,
  region: account.region,
  licensedSeats: String(account.licensedSeats),
  renewalDate: account.renewalDate,
  csmId: account.csmId ?? "",
  timeZone: account.timeZone,
  annualCost: "",
  currency: account.currency,
  version: String(account.version),
  ...overrides,
});

async function edit(userId: string, account: Account, overrides: Record<string, string>) {
  const request = await signedInRequest(userId, `http://localhost/accounts/${account.id}/edit`, {
    method: "POST",
    body: new URLSearchParams(fieldsOf(account, overrides)),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  try {
    const answer: unknown = await editAction({ request, params: { accountId: account.id }, context });
    if (answer instanceof Response) return { data: null, init: { status: answer.status } };
    return answer as {
      data: { form: { error?: Record<string, string[]> } };
      init: { status: number };
    };
  } catch (thrown) {
    if (thrown instanceof Response) return { data: null, init: { status: thrown.status } };
    throw thrown;
  }
}

const externalIdOf = async (id: string) =>
  (await db.select({ externalId: accounts.externalId }).from(accounts).where(eq(accounts.id, id)))[0]!.externalId;

describe("an account's external id", () => {
  it("is saved trimmed from the edit form, unique across accounts, and cleared when blank", async () => {
    const csm = await createStaff("csm");
    const taken = `crm-${Date.now().toString(36)}`;
    await createAccount({ externalId: taken });
    const account = await createAccount();

    const saved = await edit(csm.id, account, { externalId: `  ${taken}-b  ` });
    expect(saved.init.status).toBe(302);
    expect(await externalIdOf(account.id)).toBe(`${taken}-b`);

    const clash = await edit(csm.id, { ...account, version: 2 }, { externalId: taken });
    expect(clash.init.status).toBe(409);
    expect(clash.data?.form.error).toEqual({ externalId: ["people:accountForm.errors.external_id_taken"] });
    expect(await externalIdOf(account.id)).toBe(`${taken}-b`);

    const tooLong = await edit(csm.id, { ...account, version: 2 }, { externalId: "x".repeat(101) });
    expect(tooLong.init.status).toBe(400);
    expect(tooLong.data?.form.error).toEqual({ externalId: ["account.externalIdInvalid"] });

    expect((await edit(csm.id, { ...account, version: 2 }, { externalId: "" })).init.status).toBe(302);
    expect(await externalIdOf(account.id)).toBeNull();
  });
});
