import { beforeAll, describe, expect, it } from "vitest";
import { createAccount, createStaff, signedInRequest } from "~db/seed/factories";
import { ACCOUNT_CHOICES, searchAccountNames } from "~/domain/people/accounts.server";
import { newId } from "~/lib/ids.server";
import { loader } from "~/routes/advocacy.opportunities.new";

const tag = `Picker ${newId()}`;
const COUNT = ACCOUNT_CHOICES + 3;
let marketingId: string;

beforeAll(async () => {
  for (let index = 0; index < COUNT; index++)
    await createAccount({ name: `${tag} ${String(index).padStart(2, "0")} 100%_off` });
  marketingId = (await createStaff("marketing")).id;
});

const load = async (search: string) =>
  (await loader({
    request: await signedInRequest(marketingId, `http://localhost/advocacy/opportunities/new${search}`),
    params: {},
    context: { clientIp: "127.0.0.1" },
  })) as Awaited<ReturnType<typeof loader>>;

describe("the new opportunity's account picker", () => {
  it("offers the first few matches by name and how many more there are", async () => {
    const found = await searchAccountNames(tag, 2);
    expect(found.total).toBe(COUNT);
    expect(found.rows.map((row) => row.name)).toEqual([`${tag} 00 100%_off`, `${tag} 01 100%_off`]);
  });

  it("the loader never lists more than ACCOUNT_CHOICES accounts, and finds one by a part of its name", async () => {
    const all = await load("");
    expect(all.accounts.length).toBeLessThanOrEqual(ACCOUNT_CHOICES);
    expect(all.accountTotal).toBeGreaterThanOrEqual(COUNT);

    const some = await load(`?q=${encodeURIComponent(tag)}`);
    expect(some.accounts).toHaveLength(ACCOUNT_CHOICES);
    expect(some.accountTotal).toBe(COUNT);

    const one = await load(`?q=${encodeURIComponent(`${tag} 07`)}`);
    expect(one.accounts.map((row) => row.name)).toEqual([`${tag} 07 100%_off`]);

    const chosen = await load(`?q=x&accountId=${one.accounts[0]!.id}`);
    expect(chosen.account).toEqual(one.accounts[0]);
    expect(chosen.accounts).toEqual([]);
  });

  it("reads wildcards literally and answers a huge search, bounded", async () => {
    expect((await load(`?q=${encodeURIComponent(`${tag} 1%_`)}`)).accounts).toEqual([]);
    expect((await load(`?q=${encodeURIComponent("0 100%_off")}`)).accounts.length).toBeGreaterThan(0);
    const huge = await load(`?q=${"x".repeat(10_000)}`);
    expect(huge.q).toHaveLength(200);
    expect(huge.accounts).toEqual([]);
    const missing = await load(`?accountId=${newId()}`);
    expect(missing.account).toBeNull();
    expect(missing.accountError).toBe("advocacy.accountRequired");
  });
});
