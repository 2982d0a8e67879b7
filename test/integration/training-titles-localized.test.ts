import { beforeAll, describe, expect, it } from "vitest";
import { type User } from "~db/schema";
import {
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
  signedInRequest,
} from "~db/seed/factories";
import { loader as accountTrainingLoader } from "~/routes/accounts.$accountId.training";
import { loader as taskTrainingLoader } from "~/routes/accounts.$accountId.tasks.$taskId_.training";
import { loader as adoptionLoader } from "~/routes/training.adoption";

// The real courses: both are translated into zh-CN.
delete process.env.CONTENT_DIR;
const context = { clientIp: "127.0.0.1" };
const LEADING_ZH = "引领变革";
const GETTING_STARTED_ZH = "Lumen 入门";

let accountId: string;
let taskId: string;
let zhChampion: User;
let enChampion: User;
let zhCsm: User;
let enCsm: User;

beforeAll(async () => {
  const account = await createAccount();
  accountId = account.id;
  [zhChampion, enChampion, zhCsm, enCsm] = await Promise.all([
    createCustomer(account.id, "champion", { locale: "zh-CN" }),
    createCustomer(account.id, "champion", { locale: "en" }),
    createStaff("csm", { locale: "zh-CN" }),
    createStaff("csm", { locale: "en" }),
  ]);
  const plan = await createPlan(account.id);
  const milestone = await createMilestone(plan);
  taskId = (await createTask(milestone, { courseSlug: "leading-the-change" })).id;
});

const titles = (courses: { title: string }[]) => courses.map((course) => course.title);

describe("course titles in the viewer's language", () => {
  it("the account's Training tab: Chinese for a zh-CN champion and CSM, English for an English one", async () => {
    const load = async (user: User) =>
      accountTrainingLoader({
        request: await signedInRequest(user.id, `http://localhost/accounts/${accountId}/training`),
        params: { accountId },
        context,
      });
    expect(titles((await load(zhChampion)).adoption.courses)).toEqual([GETTING_STARTED_ZH, LEADING_ZH]);
    expect(titles((await load(zhCsm)).adoption.courses)).toEqual([GETTING_STARTED_ZH, LEADING_ZH]);
    expect(titles((await load(enChampion)).adoption.courses)).toEqual([
      "Getting started with Lumen",
      "Leading the change",
    ]);
  });

  it("the staff adoption page's columns follow the staff member's language", async () => {
    const load = async (user: User) =>
      adoptionLoader({
        request: await signedInRequest(user.id, "http://localhost/training/adoption"),
        params: {},
        context,
      });
    expect(titles((await load(zhCsm)).courses)).toEqual([GETTING_STARTED_ZH, LEADING_ZH]);
    expect(titles((await load(enCsm)).courses)).toEqual(["Getting started with Lumen", "Leading the change"]);
  });

  it("a plan task's required course and the course picker are in the viewer's language", async () => {
    const load = async (user: User) =>
      taskTrainingLoader({
        request: await signedInRequest(user.id, `http://localhost/accounts/${accountId}/tasks/${taskId}/training`),
        params: { accountId, taskId },
        context,
      });
    expect((await load(zhChampion)).course).toEqual({ slug: "leading-the-change", title: LEADING_ZH });
    const csmView = await load(zhCsm);
    expect(csmView.course?.title).toBe(LEADING_ZH);
    expect(csmView.courses.map((option) => option.label)).toEqual([GETTING_STARTED_ZH, LEADING_ZH]);
    expect((await load(enChampion)).course?.title).toBe("Leading the change");
  });

  it("a saved English choice wins over a Chinese browser", async () => {
    const request = await signedInRequest(enChampion.id, `http://localhost/accounts/${accountId}/training`, {
      headers: { "Accept-Language": "zh-CN" },
    });
    const data = await accountTrainingLoader({ request, params: { accountId }, context });
    expect(titles(data.adoption.courses)).toContain("Leading the change");
  });
});
