import { describe, expect, it } from "vitest";
import { caseStudyCommentProblem, groupByVersion } from "~/domain/advocacy/case-study";

describe("case study comments", () => {
  it("let staff comment while drafting and in review, the customer only on the version in review", () => {
    expect(caseStudyCommentProblem("staff", "in_production", "draft")).toBeNull();
    expect(caseStudyCommentProblem("staff", "in_production", "changes_requested")).toBeNull();
    expect(caseStudyCommentProblem("staff", "customer_review", "in_review")).toBeNull();
    expect(caseStudyCommentProblem("customer", "customer_review", "in_review")).toBeNull();
    expect(caseStudyCommentProblem("customer", "in_production", "draft")).toBe("closed");
    expect(caseStudyCommentProblem("customer", "in_production", "changes_requested")).toBe("closed");
  });

  it("close the conversation once a version is approved or the case study left production", () => {
    expect(caseStudyCommentProblem("staff", "customer_review", "approved")).toBe("closed");
    expect(caseStudyCommentProblem("customer", "customer_review", "approved")).toBe("closed");
    expect(caseStudyCommentProblem("staff", "published", "approved")).toBe("closed");
    expect(caseStudyCommentProblem("staff", "withdrawn", "draft")).toBe("closed");
    expect(caseStudyCommentProblem("customer", "withdrawn", "in_review")).toBe("closed");
  });

  it("group a thread by version, newest version first, keeping each version's order", () => {
    const thread = [
      { id: "a", version: 1 },
      { id: "b", version: 2 },
      { id: "c", version: 1 },
      { id: "d", version: 3 },
    ];
    expect(groupByVersion(thread)).toEqual([
      { version: 3, comments: [{ id: "d", version: 3 }] },
      { version: 2, comments: [{ id: "b", version: 2 }] },
      {
        version: 1,
        comments: [
          { id: "a", version: 1 },
          { id: "c", version: 1 },
        ],
      },
    ]);
    expect(groupByVersion([])).toEqual([]);
  });
});
