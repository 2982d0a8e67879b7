import { describe, expect, it } from "vitest";
import {
  defaultDisplayName,
  extractMentions,
  handleFromName,
  highlightSnippet,
  parseTags,
  similarQuery,
} from "~/domain/community/rules";
import { TopicSchema } from "~/domain/community/schemas";

describe("community rules", () => {
  it("parses tags: lower-case, deduplicated, # removed", () => {
    expect(parseTags(" Dashboards, #PDF  exports,pdf ")).toEqual(["dashboards", "pdf", "exports"]);
    expect(parseTags("")).toEqual([]);
  });

  it("finds @mentions, not emails", () => {
    expect(extractMentions("Thanks @tomreyes and @Priya.Raman! mail me at a@b.com")).toEqual([
      "tomreyes",
      "priya.raman",
    ]);
    expect(extractMentions("@raj.")).toEqual(["raj"]);
  });

  it("makes handles and private-by-default display names", () => {
    expect(handleFromName("Zoë O'Brien-Smith")).toBe("zoeobriensmith");
    expect(handleFromName("李雷")).toBe("member");
    expect(defaultDisplayName("Tom Reyes")).toBe("Tom R.");
    expect(defaultDisplayName("Madonna")).toBe("Madonna");
  });

  it("escapes the user's text before adding <mark>", () => {
    expect(highlightSnippet("a <script>x</script> \u0002match\u0003 & more")).toBe(
      "a &lt;script&gt;x&lt;/script&gt; <mark>match</mark> &amp; more",
    );
    expect(highlightSnippet("\u0000S fake \u0002open")).toBe("S fake <mark>open</mark>");
  });

  it("builds a valid OR prefix query from any typed title", () => {
    expect(similarQuery("How do I connect Snowflake?")).toBe("how:* | connect:* | snowflake:*");
    expect(similarQuery("!!! & | ( ) :* '")).toBeNull();
  });

  it("refuses empty and oversize posts with field codes", () => {
    const ok = { spaceId: "s", kind: "question", title: "T", body: "B", tags: "" };
    expect(TopicSchema.safeParse(ok).success).toBe(true);
    const issues = (value: object) =>
      TopicSchema.safeParse({ ...ok, ...value }).error?.issues.map((issue) => issue.message);
    expect(issues({ title: "   " })).toEqual(["community:fields.title.required"]);
    expect(issues({ title: "x".repeat(201) })).toEqual(["community:fields.title.tooLong"]);
    expect(issues({ body: "" })).toEqual(["community:fields.body.required"]);
    expect(issues({ body: "x".repeat(20_001) })).toEqual(["community:fields.body.tooLong"]);
    expect(TopicSchema.safeParse({ ...ok, body: "x".repeat(20_000) }).success).toBe(true);
    expect(issues({ tags: "a,b,c,d,e,f" })).toEqual(["community:fields.tags.tooMany"]);
    expect(issues({ tags: "<script>" })).toEqual(["community:fields.tags.invalid"]);
  });
});
