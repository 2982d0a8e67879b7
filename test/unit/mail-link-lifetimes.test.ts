import { describe, expect, it } from "vitest";
import { LINK_LIFETIME_MINUTES } from "~/domain/auth/link-lifetimes";
import { invitationMail, magicLinkMail, passwordResetMail } from "~/domain/mail/messages.server";
import { INVITATION_LIFETIME_DAYS } from "~/domain/people/rules";
import { serverT } from "~/i18n";

const link = "https://portal.example/x";

describe("emailed links say the lifetime their expiry uses", () => {
  it("says the number it is given, not a number of its own", () => {
    expect(magicLinkMail("a@b.example", link, "en", 42).text).toContain("expires in 42 minutes");
    expect(passwordResetMail("a@b.example", link, "en", 7).text).toContain("expires in 7 minutes");
    const invitation = invitationMail("a@b.example", link, "en", { inviterName: "Ana", accountName: "Acme", days: 3 });
    expect(invitation.text).toContain("expires in 3 days");
  });

  it("pages repeat the same lifetimes", () => {
    const t = serverT("en");
    expect(t("auth:login.linkHelp", { minutes: LINK_LIFETIME_MINUTES.magic_link })).toContain(
      `for ${LINK_LIFETIME_MINUTES.magic_link} minutes`,
    );
    expect(t("auth:forgot.sent", { email: "a@b.example", minutes: LINK_LIFETIME_MINUTES.password_reset })).toContain(
      `for ${LINK_LIFETIME_MINUTES.password_reset} minutes`,
    );
    expect(t("people:accountForm.championHint", { days: INVITATION_LIFETIME_DAYS })).toContain(
      `valid for ${INVITATION_LIFETIME_DAYS} days`,
    );
  });
});
