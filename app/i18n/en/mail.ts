export default {
  magicLink: {
    subject: "Your sign-in link for Tandem",
    body: "Hello,\n\nUse this link to sign in to Tandem. It works once and expires in {{minutes, number}} minutes:\n\n{{link}}\n\nIf you didn't ask for it, you can ignore this email.",
  },
  passwordReset: {
    subject: "Reset your Tandem password",
    body: "Hello,\n\nUse this link to choose a new password. It works once and expires in {{minutes, number}} minutes:\n\n{{link}}\n\nIf you didn't ask for it, you can ignore this email; your password stays as it is.",
  },
  invitation: {
    vendorTeam: "the vendor team",
    subject: "You're invited to join {{where}} on Tandem",
    body: "Hello,\n\n{{inviter}} invited you to join {{where}} on Tandem, our customer success portal.\n\nSet your name and password here (the link expires in {{days, number}} days):\n\n{{link}}\n",
  },
} as const;
