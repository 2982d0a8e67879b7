import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "~db/schema";
import { createAccount, createCustomer } from "~db/seed/factories";
import { action as forgotPassword } from "~/routes/forgot-password";
import { lastMailTo, linkIn } from "../support/outbox";

let person: User;
beforeAll(async () => {
  person = await createCustomer((await createAccount()).id, "member");
});

describe("emailed links with a forged Host header", () => {
  it("point at the server's own address, never at the Host the request named", async () => {
    delete process.env.APP_URL;
    const request = new Request("http://evil.example/forgot-password", {
      method: "POST",
      headers: { Host: "evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: person.email }),
    });
    await forgotPassword({ request, params: {}, context: { clientIp: "10.9.9.9" } });
    const link = linkIn((await lastMailTo(person.email)).text, "/reset-password");
    expect(link.host).not.toBe("evil.example");
    expect(link.origin).toBe(`http://${process.env.HOST ?? "127.0.0.1"}:${process.env.PORT ?? "3000"}`);
  });

  it("use APP_URL when it is set", async () => {
    process.env.APP_URL = "https://success.example.com/";
    try {
      const request = new Request("http://evil.example/forgot-password", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: person.email }),
      });
      await forgotPassword({ request, params: {}, context: { clientIp: "10.9.9.8" } });
      expect(linkIn((await lastMailTo(person.email)).text, "/reset-password").origin).toBe(
        "https://success.example.com",
      );
    } finally {
      delete process.env.APP_URL;
    }
  });
});
