import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { npsResponses } from "~db/schema";
import { createAccount, createCustomer, createSegment } from "~db/seed/factories";
import { getNpsReport } from "~/domain/advocacy/nps.server";
import { newId } from "~/lib/ids.server";
import { PAGE_SIZE } from "~/lib/pagination";

describe("the NPS report's long lists", () => {
  it("pages accounts by name and answers newest first, none twice even with equal timestamps", async () => {
    const segment = await createSegment();
    const at = new Date("2026-11-20T10:00:00.123456Z");
    const answers: (typeof npsResponses.$inferInsert)[] = [];
    for (let index = 0; index < PAGE_SIZE + 5; index++) {
      const account = await createAccount({ name: `NPS ${String(index).padStart(3, "0")}`, segmentId: segment.id });
      const person = await createCustomer(account.id, "member");
      // Every answer at the same instant: only the id can order them, which the cursor must keep.
      answers.push({ id: newId(), accountId: account.id, userId: person.id, score: index % 11, createdAt: at });
    }
    await db.insert(npsResponses).values(answers);
    const now = new Date("2026-12-01T00:00:00Z");

    const first = await getNpsReport(now);
    expect(first.byAccount).toHaveLength(PAGE_SIZE);
    expect(first.byAccountPage).toMatchObject({ from: 0, total: PAGE_SIZE + 5 });
    expect(first.overall.responses).toBe(PAGE_SIZE + 5);
    const second = await getNpsReport(now, { accountsCursor: first.byAccountPage.next! });
    expect(second.byAccount.map((row) => row.accountName)).toEqual(
      [50, 51, 52, 53, 54].map((index) => `NPS ${String(index).padStart(3, "0")}`),
    );
    expect(second.byAccountPage.next).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const report: Awaited<ReturnType<typeof getNpsReport>> = await getNpsReport(now, {
        answersCursor: cursor ?? undefined,
        answersPageSize: 20,
      });
      expect(report.responses.length).toBeLessThanOrEqual(20);
      seen.push(...report.responses.map((row) => row.id));
      cursor = report.responsesPage.next;
    } while (cursor);
    expect([...seen].sort()).toEqual(answers.map((row) => row.id).sort());
    expect(new Set(seen).size).toBe(seen.length);

    // A cursor of the answers list given to the accounts list starts that list over.
    const crossed = await getNpsReport(now, { accountsCursor: first.responsesPage.next! });
    expect(crossed.byAccountPage.from).toBe(0);
    expect(crossed.byAccount[0]?.accountName).toBe("NPS 000");
  });
});
