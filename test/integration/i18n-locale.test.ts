import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { invitations, users } from "~db/schema";
import { actorOf, createAccount, createCustomer, signedInRequest } from "~db/seed/factories";
import { acceptInvitation, invite } from "~/domain/people/invitations.server";
import { action as localeAction } from "~/routes/locale";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings";
import { loader as rootLoader } from "~/root";
import { lastMailTo, linkIn } from "../support/outbox";

const origin = "http://tandem.test";
let n = 0;
const newEmail = () => `locale-${++n}-${Date.now()}@test.example`;
const args = (request: Request) => ({ request, params: {}, context: { clientIp: "127.0.0.1" } });
const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});
const localeOf = async (userId: string) =>
  (await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)))[0]?.locale;

async function rootLocale(request: Request) {
  const answer = (await rootLoader(args(request))) as unknown as { data: { locale: string } };
  return answer.data.locale;
}

describe("invitations carry the invitee's language", () => {
  it("mails the invitee in the chosen language and gives them that locale on accepting", async () => {
    const account = await createAccount();
    const champion = actorOf(await createCustomer(account.id, "champion"));
    const email = newEmail();
    const result = await invite({
      actor: champion,
      email,
      locale: "zh-CN",
      target: { kind: "account", accountId: account.id, accountRole: "member" },
      origin,
    });
    expect(result.ok).toBe(true);
    const mail = await lastMailTo(email);
    expect(mail.subject).toBe(`邀请你加入 Tandem 上的 ${account.name}`);
    const [row] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(row?.locale).toBe("zh-CN");
    const token = decodeURIComponent(linkIn(mail.text, "/invitations/").pathname.slice("/invitations/".length));
    // The accepting browser asks for English, but the invitation's language wins.
    const accepted = await acceptInvitation(token, { name: "王芳", password: "a-long-password", locale: "en" });
    expect(accepted.ok && (await localeOf(accepted.userId))).toBe("zh-CN");
  });

  it("without a chosen language, mails in the inviter's and takes the accepting browser's", async () => {
    const account = await createAccount();
    const champion = actorOf(await createCustomer(account.id, "champion"));
    const email = newEmail();
    await invite({
      actor: champion,
      email,
      target: { kind: "account", accountId: account.id, accountRole: "member" },
      origin,
    });
    const mail = await lastMailTo(email);
    expect(mail.subject).toBe(`You're invited to join ${account.name} on Tandem`);
    const token = decodeURIComponent(linkIn(mail.text, "/invitations/").pathname.slice("/invitations/".length));
    const accepted = await acceptInvitation(token, { name: "Li Lei", password: "a-long-password", locale: "zh-CN" });
    expect(accepted.ok && (await localeOf(accepted.userId))).toBe("zh-CN");
  });
});

describe("Settings → Language", () => {
  it("saves a supported locale, answers in it and remembers it in the cookie", async () => {
    const account = await createAccount();
    const member = await createCustomer(account.id, "member");
    const response = (await settingsAction(
      args(
        await signedInRequest(member.id, "http://localhost/settings", form({ intent: "language", locale: "zh-CN" })),
      ),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toContain("tandem_locale=zh-CN");
    expect(await localeOf(member.id)).toBe("zh-CN");
    const page = await signedInRequest(member.id, "http://localhost/settings", {
      headers: { "Accept-Language": "en" },
    });
    expect(await rootLocale(page)).toBe("zh-CN");
    const loaded = await settingsLoader(args(page));
    expect(loaded.data.profile.locale).toBe("zh-CN");
  });

  it("refuses an unknown locale with a 400 next to the field and changes nothing", async () => {
    const account = await createAccount();
    const member = await createCustomer(account.id, "member");
    for (const bad of ["fr", "", "zh-CN'; drop table users; --", "x".repeat(300)]) {
      const answer = (await settingsAction(
        args(await signedInRequest(member.id, "http://localhost/settings", form({ intent: "language", locale: bad }))),
      )) as unknown as { data: { form: { error: Record<string, string[]> } }; init: { status: number } };
      expect(answer.init.status).toBe(400);
      expect(answer.data.form.error.locale).toEqual(["field.invalid"]);
    }
    expect(await localeOf(member.id)).toBe("en");
  });
});

describe("the language switcher (/locale)", () => {
  it("sets a visitor's cookie, which the next page's language follows", async () => {
    const response = await localeAction(
      args(new Request("http://localhost/locale", form({ locale: "zh-CN", redirectTo: "/login" }))),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/login");
    const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(await rootLocale(new Request("http://localhost/login", { headers: { Cookie: cookie } }))).toBe("zh-CN");
  });

  it("saves a signed-in person's choice on them", async () => {
    const account = await createAccount();
    const member = await createCustomer(account.id, "member");
    await localeAction(args(await signedInRequest(member.id, "http://localhost/locale", form({ locale: "zh-CN" }))));
    expect(await localeOf(member.id)).toBe("zh-CN");
  });

  it("ignores an unknown locale or an off-site redirect without an error", async () => {
    const response = await localeAction(
      args(new Request("http://localhost/locale", form({ locale: "<script>", redirectTo: "//evil.example" }))),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });

  it("falls back to the default for a malformed cookie or header", async () => {
    const request = new Request("http://localhost/login", {
      headers: { Cookie: "tandem_locale=%E0%A4%A; other=1", "Accept-Language": ";;q=abc,zz" },
    });
    expect(await rootLocale(request)).toBe("en");
  });
});
