import { describe, expect, it } from "vitest";
import { renderMailHtml } from "~/domain/mail/html";
import { classifyDeliveryError } from "~/domain/mail/smtp-errors";

describe("renderMailHtml", () => {
  const base = { lang: "en", subject: "Hi <you>", vendorName: "Lumen & Co", footer: "Sent by Lumen & Co." };

  it("is a page with a language, a title and the vendor's name, with everything from the text escaped", () => {
    const html = renderMailHtml({ ...base, text: "Hello <b>friend</b>,\n\nSecond & last paragraph." });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<title>Hi &lt;you&gt;</title>");
    expect(html).toContain(">Lumen &amp; Co</h1>");
    expect(html).toContain("Hello &lt;b&gt;friend&lt;/b&gt;,</p>");
    expect(html).toContain("Second &amp; last paragraph.</p>");
    expect(html).not.toContain("<b>");
  });

  it("turns URLs into links that show their address, leaving trailing punctuation outside", () => {
    const html = renderMailHtml({ ...base, text: "Open https://x.test/a?b=1&c=2." });
    expect(html).toContain(
      '<a href="https://x.test/a?b=1&amp;c=2" style="color:#1d4ed8">https://x.test/a?b=1&amp;c=2</a>.',
    );
  });

  it("links the unsubscribe target in the footer only when there is one", () => {
    const optional = renderMailHtml({
      ...base,
      text: "x",
      unsubscribe: { url: "https://x.test/community/profile", label: "Change which emails you get" },
    });
    expect(optional).toContain('<a href="https://x.test/community/profile"');
    expect(renderMailHtml({ ...base, text: "x" })).not.toContain("profile");
  });
});

describe("classifyDeliveryError", () => {
  it("is final only for a recipient refused for good (5xx to RCPT TO)", () => {
    expect(
      classifyDeliveryError(
        Object.assign(new Error("Can't send mail - all recipients were rejected"), {
          code: "EENVELOPE",
          responseCode: 550,
          command: "RCPT TO",
          response: "550 5.1.1 No such user here",
          rejected: ["nobody@x.test"],
        }),
      ),
    ).toEqual({ permanent: true, reason: "550 5.1.1 No such user here" });
  });

  it("retries a 4xx, a 5xx outside RCPT, a connection refused and anything unknown", () => {
    const busy = { code: "EENVELOPE", responseCode: 451, command: "MAIL FROM", response: "451 try again later" };
    expect(classifyDeliveryError(Object.assign(new Error("x"), busy)).permanent).toBe(false);
    expect(classifyDeliveryError(Object.assign(new Error("x"), { responseCode: 554, command: "DATA" })).permanent).toBe(
      false,
    );
    expect(classifyDeliveryError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNECTION" }))).toEqual({
      permanent: false,
      reason: "connect ECONNREFUSED",
    });
    expect(classifyDeliveryError("weird").permanent).toBe(false);
  });

  it("keeps a reason to one bounded line", () => {
    const { reason } = classifyDeliveryError(new Error(`a\n  b ${"x".repeat(1000)}`));
    expect(reason.startsWith("a b x")).toBe(true);
    expect(reason.length).toBe(500);
  });
});
