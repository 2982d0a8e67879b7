import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "~db/schema";
import { createAccount, createCustomer } from "~db/seed/factories";
import { action } from "~/routes/login";

const PASSWORD = "a long enough password";
let person: User;
let ipCounter = 0;
// Each sign-in comes from its own address, so the corpus never meets the password rate limit.
const nextIp = () => `198.51.100.${(ipCounter++ % 250) + 1}`;

beforeAll(async () => {
  const account = await createAccount();
  person = await createCustomer(account.id, "member", { password: PASSWORD });
});

/** A real password sign-in through the login route's action, as the browser's form posts it. */
async function signInWith(redirectTo: string): Promise<Response> {
  const body = new URLSearchParams({ intent: "password", email: person.email, password: PASSWORD, redirectTo });
  const answer = await action({
    request: new Request("http://tandem.test/login", { method: "POST", body }),
    params: {},
    context: { clientIp: nextIp() },
  });
  if (!(answer instanceof Response)) throw new Error(`expected a redirect, got ${JSON.stringify(answer)}`);
  return answer;
}

describe("where a real sign-in lands", () => {
  it.each([
    ["/accounts", "/accounts"],
    [`/community?q=caf%C3%A9`, "/community?q=caf%C3%A9"],
    ["/a/../training", "/training"],
  ])("follows the same-origin path %j", async (target, expected) => {
    const response = await signInWith(target);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(expected);
    expect(response.headers.get("Set-Cookie")).toMatch(/tandem_session=/);
  });

  // The corpus: what browsers read as another host once they strip tabs and newlines or
  // turn "\" into "/", in raw and percent-encoded spellings, plus absolute and scheme URLs.
  it.each([
    "/\t/evil.example/x",
    "/%09/evil.example/x",
    "%2F%09%2Fevil.example%2Fx",
    "/\n/evil.example",
    "/%0A/evil.example",
    "/%0D%0ASet-Cookie:x=1",
    "/\\evil.example",
    "/%5Cevil.example",
    "\\\\evil.example",
    "//evil.example",
    "///evil.example",
    "/%2F/evil.example",
    "%2F%2Fevil.example",
    "https://evil.example/x",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    " /accounts",
    "/%E0%A4%A",
    `/${"a".repeat(2_001)}`,
  ])("goes home instead of %j", async (target) => {
    const response = await signInWith(target);
    expect(response.status).toBe(302);
    const location = response.headers.get("Location") ?? "";
    expect(location).toBe("/");
    // Whatever comes back must resolve to this site in a browser's eyes too.
    expect(new URL(location, "http://tandem.test").origin).toBe("http://tandem.test");
  });
});
