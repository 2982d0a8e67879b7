import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { opportunities } from "~db/schema";
import { createAccount, createConsent, createCustomer, createStaff, signedInRequest } from "~db/seed/factories";
import { loader as pipelineLoader } from "~/routes/advocacy._index";
import { action } from "~/routes/advocacy.opportunities.$opportunityId";
import { answerOf } from "../support/responses";

const context = { clientIp: "127.0.0.1" };

async function move(userId: string, opportunityId: string, fields: Record<string, string>) {
  const request = await signedInRequest(userId, `http://localhost/advocacy/opportunities/${opportunityId}`, {
    method: "POST",
    body: new URLSearchParams({ intent: "move", via: "board", ...fields }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  return answerOf<{ ok?: true; moved?: string; form?: { error: Record<string, string[]> } }>(
    await action({ request, params: { opportunityId }, context } as never),
  );
}

const stageOf = async (id: string) =>
  (await db.select({ stage: opportunities.stage }).from(opportunities).where(eq(opportunities.id, id)))[0]!.stage;

describe("the pipeline board's drag and drop", () => {
  it("offers each card its allowed moves, answers a drop in place, and lets the server refuse", async () => {
    const marketing = await createStaff("marketing");
    const industry = `Board test ${Date.now().toString(36)}`;
    const account = await createAccount({ industry });
    const champion = await createCustomer(account.id, "champion");
    const { opportunityId } = await createConsent(champion, { askType: "quote", daysAgo: 0 });

    const request = await signedInRequest(
      marketing.id,
      `http://localhost/advocacy?view=board&industry=${encodeURIComponent(industry)}`,
    );
    const data = await pipelineLoader({ request, params: {}, context } as never);
    expect(data.opportunities.map((row) => ({ id: row.id, moves: row.moves, version: row.version }))).toEqual([
      { id: opportunityId, moves: ["in_production", "withdrawn"], version: 1 },
    ]);

    // A move the table doesn't allow is refused by the server too, whatever the browser sent.
    const refused = await move(marketing.id, opportunityId, { to: "published", version: "1" });
    expect(refused.status).toBe(409);
    expect(refused.data.form?.error).toEqual({ "": ["advocacy:opportunity.errors.not_allowed"] });
    expect(await stageOf(opportunityId)).toBe("accepted");

    const moved = await move(marketing.id, opportunityId, { to: "in_production", version: "1" });
    expect(moved).toEqual({ status: 200, data: { ok: true, moved: "in_production" } });
    expect(await stageOf(opportunityId)).toBe("in_production");

    // A card dragged from a board loaded before that move is stale.
    const stale = await move(marketing.id, opportunityId, { to: "withdrawn", version: "1" });
    expect(stale.status).toBe(409);
    expect(await stageOf(opportunityId)).toBe("in_production");
  });
});
