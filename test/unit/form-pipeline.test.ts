import { describe, expect, it } from "vitest";
import { z } from "zod";
import { serverT } from "~/i18n";
import { calendarDate } from "~/lib/dates";
import { ERROR_MESSAGES, type ErrorSubject, errorMessageKey, errorStatus } from "~/lib/errors";
import { parseSubmission, replyTo, textField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  return data;
}

/** A submission's errors; a success has none. */
function errorsOf(submission: { status?: string; error?: unknown }) {
  return submission.status === "success" ? undefined : submission.error;
}

const Intents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rename"), name: textField({ max: 20, required: "name.required" }) }),
  z.object({ intent: z.literal("start"), startDate: calendarDate({ invalid: "date.invalid" }) }),
]);

describe("the form pipeline", () => {
  it("gives typed data for a valid form, trimmed", () => {
    const submission = parseSubmission(form({ intent: "rename", name: "  Northwind  " }), Intents);
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({ intent: "rename", name: "Northwind" });
  });

  it("names each refusal with a message key of the field", () => {
    const empty = parseSubmission(form({ intent: "rename", name: " " }), Intents);
    expect(errorsOf(empty)).toEqual({ name: ["name.required"] });
    const long = parseSubmission(form({ intent: "rename", name: "x".repeat(21) }), Intents);
    expect(errorsOf(long)).toEqual({ name: ["field.tooLong"] });
  });

  it("refuses an unknown intent above the form, never running another branch", () => {
    for (const intent of ["delete", "", "RENAME"]) {
      const submission = parseSubmission(form({ intent, name: "x" }), Intents);
      expect(submission.status).toBe("error");
      expect(errorsOf(submission)).toEqual({ "": ["form.unknownIntent"] });
    }
    expect(errorsOf(parseSubmission(form({ name: "x" }), Intents))).toEqual({ "": ["form.unknownIntent"] });
  });

  it("refuses a NUL byte in any field, even one the schema doesn't read", () => {
    expect(errorsOf(parseSubmission(form({ intent: "rename", name: "a\u0000b" }), Intents))).toEqual({
      name: ["field.nul"],
    });
    expect(errorsOf(parseSubmission(form({ intent: "rename", name: "ok", extra: "\u0000" }), Intents))).toEqual({
      extra: ["field.nul"],
    });
  });

  it("accepts only real calendar dates", () => {
    const dated = (startDate: string) => parseSubmission(form({ intent: "start", startDate }), Intents);
    expect(dated("2028-02-29").status).toBe("success");
    for (const bad of ["2026-02-30", "2026-13-01", "31/12/2026", "2026-1-1", ""]) {
      expect(errorsOf(dated(bad))).toEqual({ startDate: ["date.invalid"] });
    }
    const optional = z.object({ due: calendarDate({ invalid: "date.invalid", required: false }) });
    const none = parseSubmission(form({ due: "" }), optional);
    expect(none.status === "success" && none.value).toEqual({ due: null });
  });

  it("answers controls no form sends as a malformed form, not a crash", () => {
    const submission = parseSubmission(form({ __intent__: "{not json", name: "x" }), Intents);
    expect(errorsOf(submission)).toEqual({ "": ["form.malformed"] });
  });

  it("never sends passwords or tokens back in a reply", () => {
    const schema = z.object({ email: z.string().email("email.invalid"), password: z.string(), token: z.string() });
    const reply = replyTo(parseSubmission(form({ email: "nope", password: "secret", token: "t" }), schema));
    expect(reply.initialValue).toEqual({ email: "nope" });
    expect(errorsOf(reply)).toEqual({ email: ["email.invalid"] });
  });

  it("reads a request that isn't form data as a 400", async () => {
    const request = new Request("http://x/", {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json" },
    });
    const result = await readSubmission(request, Intents);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.answer.init?.status).toBe(400);
  });
});

describe("error codes", () => {
  it("turn a domain refusal into its status and message", () => {
    const submission = parseSubmission(form({ intent: "rename", name: "x" }), Intents);
    const answer = refuse(submission, "task", "stale");
    expect(answer.init?.status).toBe(409);
    expect(answer.data.form.error).toEqual({ "": ["plans:actions.errors.stale"] });
  });

  it("have a message for every code each subject lists", () => {
    const t = serverT("en") as unknown as (key: string, options: { defaultValue: string }) => string;
    for (const subject of Object.keys(ERROR_MESSAGES) as ErrorSubject[]) {
      for (const code of ERROR_MESSAGES[subject].codes) {
        const key = errorMessageKey(subject, code as never);
        expect(t(key, { defaultValue: "MISSING" }), key).not.toBe("MISSING");
        expect(errorStatus(code)).toBeGreaterThanOrEqual(400);
      }
    }
  });
});
