import { type BrowserContext, type Page, test as base } from "@playwright/test";
import { closeDatabase } from "../../../db/client.server";
import {
  type PersonOverrides,
  createAccount,
  createCustomer,
  createPlanFromTemplate,
  createStaff,
  findSegment,
  findUser,
  sessionCookie,
} from "../../../db/seed/factories";
import type { Plan, StaffRole, User } from "../../../db/schema";
import { e2eDatabaseUrl } from "./database";

export { expect } from "@playwright/test";

type Account = Awaited<ReturnType<typeof createAccount>>;
type AccountOverrides = Omit<NonNullable<Parameters<typeof createAccount>[0]>, "segmentId" | "csmId">;

interface NewAccountOptions {
  /** The company's name; unique by default (give your own a unique part too: pages list every account). */
  name?: string;
  /** A demo segment by name, read only (default "Enterprise rollout"). */
  segment?: string;
  /** The account's CSM; a new one by default. */
  csm?: User;
  champion?: PersonOverrides;
  members?: PersonOverrides[];
  /** A current plan started from a demo template by the CSM. */
  plan?: { template: string; startDate: string; name?: string };
  details?: AccountOverrides;
}

interface NewAccount {
  account: Account;
  /** The account's page, for staff and for its own people alike. */
  url: string;
  csm: User;
  champion: User;
  members: User[];
  plan: Plan | null;
}

interface Fixtures {
  /**
   * A page in a new browser context, signed in as the person by a session made in the database,
   * on their home page. A demo person is named by email (for specs that only read the demo's story).
   */
  signInAs: (person: Pick<User, "id"> | string) => Promise<Page>;
  /** A customer account of the test's own, with a champion, members and maybe a plan. */
  newAccount: (options?: NewAccountOptions) => Promise<NewAccount>;
  /**
   * Many bare accounts at once (no people, no plan), named `${prefix} 001`… and owned by `csm`:
   * enough rows for a list to have several pages.
   */
  newAccounts: (count: number, options: { prefix: string; csm: User; renewalDate?: string }) => Promise<Account[]>;
  /** A vendor staff member of the test's own. */
  newStaff: (role: StaffRole, overrides?: PersonOverrides) => Promise<User>;
}

/**
 * The e2e tests' `test`: specs make what they need through db/seed/factories.ts in the e2e
 * server's own database, so no spec shares (or renames) another's rows, and they run in any order.
 * Nothing is cleaned up: unique names and emails keep one test's rows out of another's way.
 */
export const test = base.extend<Fixtures, { database: void }>({
  database: [
    // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      process.env.DATABASE_URL = e2eDatabaseUrl();
      process.env.DATABASE_POOL_SIZE ??= "4";
      await use();
      await closeDatabase();
    },
    { scope: "worker", auto: true },
  ],

  signInAs: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (person) => {
      // What sign-in leaves behind: a lucia session row and its cookie (tandem_session=<id>).
      const id = typeof person === "string" ? (await findUser(person)).id : person.id;
      const [name, ...value] = (await sessionCookie(id)).split("=");
      const context = await browser.newContext();
      contexts.push(context);
      await context.addCookies([{ name: name!, value: value.join("="), url: baseURL! }]);
      const page = await context.newPage();
      await page.goto("/"); // the person's home: the account list for staff, their account for customers
      return page;
    });
    for (const context of contexts) await context.close();
  },

  // eslint-disable-next-line no-empty-pattern
  newStaff: async ({}, use) => {
    await use((role, overrides = {}) => createStaff(role, overrides));
  },

  // eslint-disable-next-line no-empty-pattern
  newAccounts: async ({}, use) => {
    await use(async (count, { prefix, csm, renewalDate = "2031-01-15" }) => {
      const segment = await findSegment("Enterprise rollout");
      const names = Array.from({ length: count }, (_, i) => `${prefix} ${String(i + 1).padStart(3, "0")}`);
      return Promise.all(
        names.map((name) => createAccount({ name, segmentId: segment.id, csmId: csm.id, renewalDate })),
      );
    });
  },

  // eslint-disable-next-line no-empty-pattern
  newAccount: async ({}, use) => {
    await use(async (options = {}) => {
      const segment = await findSegment(options.segment ?? "Enterprise rollout");
      const csm = options.csm ?? (await createStaff("csm"));
      const account = await createAccount({
        ...(options.name ? { name: options.name } : {}),
        ...options.details,
        segmentId: segment.id,
        csmId: csm.id,
      });
      const champion = await createCustomer(account.id, "champion", options.champion);
      const members = [];
      for (const member of options.members ?? []) members.push(await createCustomer(account.id, "member", member));
      const plan = options.plan ? await createPlanFromTemplate(csm, account.id, options.plan) : null;
      return { account, url: `/accounts/${account.id}`, csm, champion, members, plan };
    });
  },
});
