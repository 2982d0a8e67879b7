import { beforeAll, describe, expect, it } from "vitest";
import type { Account, User } from "~db/schema";
import {
  createAccount,
  createCustomer,
  createMetric,
  createOutcome,
  createPlan,
  createStaff,
  signedInRequest,
} from "~db/seed/factories";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";
import { action as measureAction } from "~/routes/accounts.$accountId.metrics.$metricId.measurements";
import { action as metricAction } from "~/routes/accounts.$accountId.metrics.$metricId";
import { action as createAction } from "~/routes/accounts.$accountId.metrics";
import { answerOf, thrownResponse } from "../support/responses";

let account: Account;
let other: Account;
let outcome: { id: string; planId: string; accountId: string };
const people = {} as Record<"csm" | "champion" | "member" | "outsider", User>;

beforeAll(async () => {
  people.csm = await createStaff("csm");
  account = await createAccount();
  other = await createAccount();
  people.champion = await createCustomer(account.id, "champion");
  people.member = await createCustomer(account.id, "member");
  people.outsider = await createCustomer(other.id, "champion");
  const plan = await createPlan(account.id, { startDate: datePlusDays(todayIn(account.timeZone), -30) });
  outcome = await createOutcome(plan);
});

function post(userId: string, url: string, fields: Record<string, string>) {
  return signedInRequest(userId, `http://localhost${url}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}
const context = { clientIp: "127.0.0.1" };
type Answer = {
  data: { ok?: boolean; form: { error?: Record<string, string[]> } };
  init: { status: number };
};
const answer = async (value: unknown): Promise<Answer> => {
  const { status, data } = await answerOf<Answer["data"]>(value);
  return { data, init: { status } };
};
const metricFields = (overrides: Record<string, string> = {}) => ({
  outcomeId: outcome.id,
  name: "Days to close",
  unit: "days",
  direction: "down",
  baseline: "9",
  target: "4",
  moneyPerUnit: "",
  valuePeriod: "",
  ...overrides,
});

describe("value routes", () => {
  it("answer 400 with the field's message for an absurd or non-numeric figure, and create nothing", async () => {
    const request = await post(
      people.champion.id,
      `/accounts/${account.id}/metrics`,
      metricFields({ baseline: "9e99", target: "lots" }),
    );
    const result = await answer(await createAction({ request, params: { accountId: account.id }, context }));
    expect(result.init.status).toBe(400);
    expect(result.data.form.error).toEqual({ baseline: ["value.figureInvalid"], target: ["value.figureInvalid"] });
  });

  it("create a metric for the champion and refuse a member with 403", async () => {
    const created = await createAction({
      request: await post(people.champion.id, `/accounts/${account.id}/metrics`, metricFields()),
      params: { accountId: account.id },
      context,
    });
    expect(created).toMatchObject({ ok: true });
    const refused = await answer(
      await createAction({
        request: await post(people.member.id, `/accounts/${account.id}/metrics`, metricFields()),
        params: { accountId: account.id },
        context,
      }),
    );
    expect(refused.init.status).toBe(403);
  });

  it("answer 409 to an edit made against an old version", async () => {
    const metric = await createMetric(outcome, { version: 3 });
    const request = await post(people.csm.id, `/accounts/${account.id}/metrics/${metric.id}`, {
      ...metricFields(),
      intent: "update",
      version: "2",
    });
    const result = await answer(
      await metricAction({ request, params: { accountId: account.id, metricId: metric.id }, context }),
    );
    expect(result.init.status).toBe(409);
    expect(result.data.form.error).toEqual({ "": ["value:errors.stale"] });
  });

  it("answer 404 to another account's people and to malformed ids", async () => {
    const metric = await createMetric(outcome);
    const outsider = await post(people.outsider.id, `/accounts/${account.id}/metrics/${metric.id}/measurements`, {
      measuredOn: todayIn("UTC"),
      value: "5",
    });
    expect(
      (
        await thrownResponse(
          measureAction({ request: outsider, params: { accountId: account.id, metricId: metric.id }, context }),
        )
      ).status,
    ).toBe(404);
    const malformed = await post(people.champion.id, `/accounts/${account.id}/metrics/not-an-id/measurements`, {
      measuredOn: todayIn("UTC"),
      value: "5",
    });
    expect(
      (
        await thrownResponse(
          measureAction({ request: malformed, params: { accountId: account.id, metricId: "not-an-id" }, context }),
        )
      ).status,
    ).toBe(404);
  });

  it("answer 400 next to the date for a measurement dated in the future", async () => {
    const metric = await createMetric(outcome);
    const request = await post(people.champion.id, `/accounts/${account.id}/metrics/${metric.id}/measurements`, {
      measuredOn: datePlusDays(todayIn(account.timeZone), 2),
      value: "5",
    });
    const result = await answer(
      await measureAction({ request, params: { accountId: account.id, metricId: metric.id }, context }),
    );
    expect(result.init.status).toBe(400);
    expect(result.data.form.error).toEqual({ measuredOn: ["value.dateFuture"] });
  });
});
