import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, accounts, activity } from "~db/schema";
import { actorOf, createAccount, createStaff, signedInRequest } from "~db/seed/factories";
import type { AccountInput } from "~/domain/people/account-schemas";
import {
  getAccountById,
  listUseCasesInUse,
  listUseCasesOfAccounts,
  updateAccount,
} from "~/domain/people/accounts.server";
import { action as editAction } from "~/routes/accounts.$accountId.edit";
import { thrownResponse } from "../support/responses";

let tagCount = 0;
/** A word no other test's use case contains. */
const tag = () => `u${++tagCount}x${Date.now().toString(36)}`;

function inputOf(account: Account, overrides: Partial<AccountInput> = {}): AccountInput {
  const { name, segmentId, industry, region, licensedSeats, renewalDate, csmId, timeZone, currency, useCases } =
    account;
  return {
    name,
    segmentId,
    industry,
    region,
    licensedSeats,
    renewalDate,
    csmId,
    timeZone,
    currency,
    useCases,
    ...overrides,
  };
}

const entriesOf = (accountId: string, action: string) =>
  db
    .select()
    .from(activity)
    .where(and(eq(activity.accountId, accountId), eq(activity.action, action)));

describe("an account's use cases", () => {
  it("are saved as edited, in the spelling other accounts use, and each change is recorded once in the activity", async () => {
    const t = tag();
    const actor = actorOf(await createStaff("csm"));
    await createAccount({ useCases: [`Financial reporting ${t}`] });
    const account = await createAccount();

    await expect(
      updateAccount(
        actor,
        account.id,
        inputOf(account, { useCases: [`financial REPORTING ${t}`, `Store KPIs ${t}`] }),
        1,
      ),
    ).resolves.toEqual({ ok: true });
    expect((await getAccountById(account.id))!.useCases).toEqual([`Financial reporting ${t}`, `Store KPIs ${t}`]);
    const [entry, ...more] = await entriesOf(account.id, "account.use_cases_changed");
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorId: actor.id,
      subjectId: account.id,
      details: { from: [], to: [`Financial reporting ${t}`, `Store KPIs ${t}`] },
    });
    // Only the use cases changed: no "details updated" entry beside it.
    expect(await entriesOf(account.id, "account.updated")).toEqual([]);

    // Saving the same list again records nothing; the account may re-spell its own use case.
    await updateAccount(
      actor,
      account.id,
      inputOf(account, { useCases: [`Financial reporting ${t}`, `Store KPIs ${t}`] }),
      2,
    );
    expect(await entriesOf(account.id, "account.use_cases_changed")).toHaveLength(1);
    await updateAccount(actor, account.id, inputOf(account, { useCases: [`Store kpis ${t}`] }), 3);
    expect((await getAccountById(account.id))!.useCases).toEqual([`Store kpis ${t}`]);
    expect(await entriesOf(account.id, "account.use_cases_changed")).toHaveLength(2);
  });

  it("are listed once each across accounts, optionally without one account's, and per account", async () => {
    const t = tag();
    const first = await createAccount({ useCases: [`Embedded dashboards ${t}`, `Forecasting ${t}`] });
    const second = await createAccount({ useCases: [`Embedded dashboards ${t}`] });
    const mine = (list: string[]) => list.filter((useCase) => useCase.endsWith(t));
    expect(mine(await listUseCasesInUse())).toEqual([`Embedded dashboards ${t}`, `Forecasting ${t}`]);
    expect(mine(await listUseCasesInUse(db, first.id))).toEqual([`Embedded dashboards ${t}`]);
    const byAccount = await listUseCasesOfAccounts([first.id, second.id]);
    expect(byAccount.get(first.id)).toEqual([`Embedded dashboards ${t}`, `Forecasting ${t}`]);
    expect(byAccount.get(second.id)).toEqual([`Embedded dashboards ${t}`]);
    expect(await listUseCasesOfAccounts([])).toEqual(new Map());
  });
});

describe("the account edit form", () => {
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
  const post = async (userId: string, account: Account, overrides: Record<string, string>) => ({
    request: await signedInRequest(userId, `http://localhost/accounts/${account.id}/edit`, {
      method: "POST",
      body: new URLSearchParams(fieldsOf(account, overrides)),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
    params: { accountId: account.id },
    context,
  });
  type Answer = { data: { form: { error?: Record<string, string[]> } }; init: { status: number } };

  it("refuses too many or too long use cases with 400 next to the field, and changes nothing else in the form", async () => {
    const csm = await createStaff("csm");
    const account = await createAccount({ licensedSeats: 10, useCases: ["Operational KPIs"] });
    const eleven = Array.from({ length: 11 }, (_, i) => `Use ${i + 1}`).join(", ");

    const tooMany = (await editAction(
      await post(csm.id, account, { licensedSeats: "40", useCases: eleven }),
    )) as unknown as Answer;
    expect(tooMany.init.status).toBe(400);
    expect(tooMany.data.form.error).toEqual({ useCases: ["account.tooManyUseCases"] });
    const tooLong = (await editAction(
      await post(csm.id, account, { licensedSeats: "40", useCases: `Reporting, ${"x".repeat(61)}` }),
    )) as unknown as Answer;
    expect(tooLong.init.status).toBe(400);
    expect(tooLong.data.form.error).toEqual({ useCases: ["account.useCaseTooLong"] });

    const [after] = await db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(after).toMatchObject({ licensedSeats: 10, useCases: ["Operational KPIs"], version: 1 });
    expect(await db.$count(activity, eq(activity.accountId, account.id))).toBe(0);
  });

  it("saves comma-separated use cases for a CSM; marketing may not edit them", async () => {
    const csm = await createStaff("csm");
    const marketing = await createStaff("marketing");
    const account = await createAccount();
    const t = tag();

    const refused = await thrownResponse(
      editAction(await post(marketing.id, account, { useCases: `Forecasting ${t}` })),
    );
    expect(refused.status).toBe(403);
    const saved = (await editAction(
      await post(csm.id, account, { useCases: ` Forecasting ${t},, forecasting ${t}, Embedded  dashboards ${t} ` }),
    )) as Response;
    expect(saved.status).toBe(302);
    expect((await getAccountById(account.id))!.useCases).toEqual([`Forecasting ${t}`, `Embedded dashboards ${t}`]);
  });
});
