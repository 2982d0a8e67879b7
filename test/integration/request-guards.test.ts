import type { AddressInfo } from "node:net";
import { request as httpRequest } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../server/body-limit";
import { MAX_URL_LENGTH, guardRequests } from "../../server/request-guards";

/*
 * The edge checks of server/app.ts, in front of a handler that only counts what reaches it: a
 * refused request never gets that far, so nothing behind it can write.
 */
let base: string;
let reached = 0;
const server = express()
  .use(guardRequests)
  .all("*", (_req, res) => {
    reached += 1;
    res.send("reached");
  })
  .listen(0, "127.0.0.1");

beforeAll(async () => {
  if (!server.listening) await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function answer(path: string, init: RequestInit = {}) {
  const before = reached;
  const response = await fetch(base + path, init);
  return { status: response.status, text: await response.text(), reached: reached > before };
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

describe("NUL in the address", () => {
  it.each([
    "/accounts?q=%00",
    "/community?q=a%00b",
    "/community?space=%00",
    "/community?tag=x%00",
    "/advocacy?industry=%00",
    "/accounts/%00",
  ])("refuses %s with 400 and a message", async (path) => {
    const result = await answer(path);
    expect(result).toMatchObject({ status: 400, reached: false });
    expect(result.text).toContain("NUL");
  });

  it("lets an ordinary search through", async () => {
    expect(await answer("/community?q=caf%C3%A9%20100%25")).toMatchObject({ status: 200, reached: true });
  });
});

describe("form actions take form data only", () => {
  it("refuses JSON with 415", async () => {
    const result = await answer("/settings", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ intent: "profile", name: "x" }),
    });
    expect(result).toMatchObject({ status: 415, reached: false });
    expect(result.text).toContain("form data");
  });

  it("refuses an empty post without a Content-Type with 415", async () => {
    expect(await answer("/logout", { method: "POST" })).toMatchObject({ status: 415, reached: false });
  });

  it("lets form posts through, urlencoded or multipart, empty or not", async () => {
    expect(await answer("/logout", form({}))).toMatchObject({ status: 200, reached: true });
    const multipart = new FormData();
    multipart.set("intent", "profile");
    expect(await answer("/settings", { method: "POST", body: multipart })).toMatchObject({ reached: true });
  });

  it("leaves the JSON API to itself", async () => {
    const result = await answer("/api/v1/accounts", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(result.reached).toBe(true);
  });
});

describe("size limits", () => {
  it("answers 414 to an address past the limit", async () => {
    const result = await answer(`/community?q=${"a".repeat(MAX_URL_LENGTH)}`);
    expect(result).toMatchObject({ status: 414, reached: false });
  });

  it("answers 413 with a message to a body past 1 MB", async () => {
    const answerText = "é".repeat(400_000); // a 100,000-character quiz answer of non-ASCII text is this large encoded
    const result = await answer("/training/course/lesson", form({ intent: "quiz", quizId: "q", answer: answerText }));
    expect(new TextEncoder().encode(new URLSearchParams({ answer: answerText }).toString()).length).toBeGreaterThan(
      MAX_BODY_BYTES,
    );
    expect(result).toMatchObject({ status: 413, reached: false });
    expect(result.text).toContain("too large");
  });

  it("lets the CSV import take up to 10 MB, and answers 413 past it, even to 50 MB", async () => {
    const multipart = (size: number) => {
      const boundary = "----tandem";
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${"a".repeat(size)}\r\n--${boundary}--\r\n`;
      return { method: "POST", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body };
    };
    expect(await answer("/accounts/import", multipart(5 * 1024 * 1024))).toMatchObject({ status: 200, reached: true });
    expect(await answer("/settings", multipart(5 * 1024 * 1024))).toMatchObject({ status: 413, reached: false });
    const tooBig = await answer("/accounts/import", multipart(50 * 1024 * 1024));
    expect(tooBig).toMatchObject({ status: 413, reached: false });
    expect(tooBig.text).toContain("at most 10 MB");
  });

  it("answers 411 to a chunked form body of unknown length", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/settings`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write("intent=profile&");
      req.end("name=x");
    });
    expect(status).toBe(411);
  });
});
